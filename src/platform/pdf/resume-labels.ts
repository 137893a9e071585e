// The printed labels of the resume form (公務人員履歷表 / 應徵人員履歷表). The form is a zh-TW government
// form in both languages of the site; the blank PDF and the blank ODT use the same labels.

export const RESUME_LABELS = {
  title: '應徵人員履歷表',
  blankTitle: '公務人員履歷表',
  sections: {
    basic: '基本資料',
    education: '學歷',
    experience: '經歷',
    languages: '語文能力',
    skills: '專長',
    autobiography: '自傳',
    attachment: '證照資格/作品附件',
  },
  basic: {
    chineseName: '中文姓名',
    englishName: '英文姓名',
    idNumber: '身分證統一編號',
    gender: '性別',
    birthDate: '出生日期',
    phone: '聯絡電話',
    address: '通訊地址',
    email: '聯絡Email',
    identityNote: '身分註記',
  },
  education: { school: '學校名稱', department: '科系', degree: '學位', status: '就學狀態', period: '就學起迄（民國）' },
  experience: { organization: '機關/公司', jobTitle: '職稱', status: '任職狀態', period: '任職起迄（民國）' },
  languages: { language: '語言', listening: '聽', speaking: '說', reading: '讀', writing: '寫' },
  attachmentFile: '附件檔名',
  photo: '照片',
  photoHint: '（最近三個月內\n二吋半身照片）',
  none: '無',
  ongoing: '迄今',
  continued: '（續）',
  generatedAt: '製表時間：',
  blankDate: '填表日期：民國　　　年　　　月　　　日',
} as const;

/** Every label a filled-in form shows, section by section (used by tests and the ODT). */
export function allResumeLabels(): string[] {
  const L = RESUME_LABELS;
  return [
    ...Object.values(L.sections),
    ...Object.values(L.basic),
    ...Object.values(L.education),
    ...Object.values(L.experience),
    ...Object.values(L.languages),
    L.attachmentFile,
    L.photo,
  ];
}
