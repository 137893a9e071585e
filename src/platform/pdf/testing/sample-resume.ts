// A complete resume with every section filled, for tests, previews and the PDF bench.
import type { ResumeDocument } from '../resume-document.ts';
import { samplePhotoPng } from './png.ts';

const PARAGRAPHS = [
  '我出生於臺南市，成長於一個重視教育的家庭。父母從小教導我做人要誠實、做事要負責，這些價值觀一直是我求學與工作的準則。大學就讀國立臺灣大學公共行政學系，修習行政法、公共政策、人力資源管理等課程，並擔任系學會活動組長，學會了如何規劃活動、協調意見與掌握預算。',
  '畢業後我進入臺北市政府人事處擔任約僱人員，負責人事資料建檔、差勤管理與考核作業。任職期間，我主動整理各類人事法規與函釋，製作成便於同仁查詢的索引表，並協助導入線上差勤系統，使請假與加班的申請時間平均縮短一半，也減少了紙本往返與錯誤。',
  '之後我轉任民間企業，擔任人力資源專員，負責招募、教育訓練與員工關係。在這段期間，我學會從使用者的角度設計流程，也體會到清楚的溝通比任何制度都重要。我曾規劃新進人員訓練課程，讓新同仁在第一個月就能獨立完成主要工作，離職率因此明顯下降。',
  '工作之餘，我持續進修，取得國立政治大學行政管理碩士學位，論文研究公部門約聘僱人員的職涯發展。我也考取了就業服務乙級技術士證照，並通過全民英檢中高級，能以英文閱讀外國文獻與撰寫簡單的公文摘要，協助機關處理涉外事務。',
  '我相信公共服務的價值在於讓民眾感受到政府的用心。若有幸加入貴機關，我將以過去累積的人事行政經驗，配合機關的業務需要，細心處理每一件案件，並持續學習新的法規與工具，與同仁一起提升服務品質，成為一位值得信賴的工作夥伴。',
];

/** ≥ 3,000 characters of 自傳 in paragraphs. */
export function sampleAutobiography(minChars = 3200): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < minChars; i++) {
    const p = `${i + 1}. ${PARAGRAPHS[i % PARAGRAPHS.length]!}`;
    out.push(p);
    n += p.length;
  }
  return out.join('\n\n');
}

export function sampleResume(overrides: Partial<ResumeDocument> = {}): ResumeDocument {
  return {
    basic: {
      chineseName: '王小明',
      englishName: 'WANG, HSIAO-MING',
      idNumber: 'A123456789',
      gender: '男',
      birthDate: '1985-05-15',
      phone: '0912-345-678',
      address: '100 臺北市中正區濟南路一段 2 之 2 號 10 樓',
      email: 'hsiaoming.wang@example.com.tw',
      identityNote: '原住民',
    },
    education: [
      { school: '國立政治大學', department: '行政管理碩士學程', degree: '碩士', status: '畢業', startDate: '2012-09-01', endDate: '2014-06-30' },
      { school: '國立臺灣大學', department: '政治學系公共行政組', degree: '學士', status: '畢業', startDate: '2003-09-01', endDate: '2007-06-30' },
      { school: '臺北市立建國高級中學', department: '普通科', degree: '高中', status: '畢業', startDate: '2000-09-01', endDate: '2003-06-30' },
    ],
    experience: [
      { organization: '財團法人人力資源發展基金會', jobTitle: '人力資源專員', status: '在職', startDate: '2019-03-01', endDate: '' },
      { organization: '臺北市政府人事處', jobTitle: '約僱人員（人事行政）', status: '離職', startDate: '2015-01-05', endDate: '2019-02-28' },
      { organization: '新北市政府勞工局', jobTitle: '臨時人員', status: '離職', startDate: '2014-07-01', endDate: '2014-12-31' },
      { organization: '國立臺灣大學人事室', jobTitle: '工讀生', status: '離職', startDate: '2006-02-01', endDate: '2007-06-30' },
      { organization: '統一超商股份有限公司', jobTitle: '門市服務人員', status: '離職', startDate: '2004-07-01', endDate: '2005-08-31' },
    ],
    languages: [
      { language: '英語', listening: '中等', speaking: '中等', reading: '精通', writing: '中等' },
      { language: '日語', listening: '略懂', speaking: '略懂', reading: '中等', writing: '' },
      { language: '臺灣台語', listening: '精通', speaking: '精通', reading: '', writing: '' },
      { language: '客語', listening: '略懂', speaking: '', reading: '', writing: '' },
    ],
    skills: '人事法規與差勤管理；公文撰寫；Excel 樞紐分析與函數；教育訓練課程規劃；就業服務乙級技術士；中文打字每分鐘 60 字。',
    autobiography: sampleAutobiography(),
    attachmentFileName: '就業服務乙級技術士證.pdf',
    photo: samplePhotoPng(),
    ...overrides,
  };
}
