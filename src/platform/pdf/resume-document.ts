// The resume as the PDF renderer sees it: a plain object of strings, independent of how the resume
// module stores it (that module maps its data to this shape). Dates are ISO `YYYY-MM-DD` ('' when
// unknown) and are printed in ROC form (SYS-7); every other value is printed as given, as text.
// Empty strings print as empty cells.

export interface ResumeBasic {
  /** 中文姓名 */
  chineseName: string;
  /** 英文姓名 (optional) */
  englishName: string;
  /** 身分證統一編號 (national ID or resident certificate number) */
  idNumber: string;
  /** 性別, as it should be printed: 男 / 女 */
  gender: string;
  /** 出生日期, ISO YYYY-MM-DD */
  birthDate: string;
  /** 聯絡電話 */
  phone: string;
  /** 通訊地址 */
  address: string;
  /** 聯絡Email */
  email: string;
  /** 身分註記, as printed, e.g. 原住民、身心障礙 ('' for none) */
  identityNote: string;
}

/** 學歷: 1 to 3 entries, highest first (RES-5). */
export interface ResumeEducation {
  /** 學校名稱 */
  school: string;
  /** 科系 */
  department: string;
  /** 學位, e.g. 學士 / 碩士 */
  degree: string;
  /** 就學狀態: 畢業 / 肄業 / 就學中 */
  status: string;
  /** ISO YYYY-MM-DD */
  startDate: string;
  /** ISO YYYY-MM-DD; '' for 肄業 / 就學中 */
  endDate: string;
}

/** 經歷: 0 to 5 entries (RES-6). */
export interface ResumeExperience {
  /** 機關/公司 */
  organization: string;
  /** 職稱 */
  jobTitle: string;
  /** 任職狀態: 在職 / 離職 */
  status: string;
  /** ISO YYYY-MM-DD */
  startDate: string;
  /** ISO YYYY-MM-DD; '' while 在職 */
  endDate: string;
}

/** 語文能力: 0 to 4 entries (RES-7). Levels as printed (精通 / 中等 / 略懂 …), '' when not chosen. */
export interface ResumeLanguage {
  /** 語言 */
  language: string;
  /** 聽 */
  listening: string;
  /** 說 */
  speaking: string;
  /** 讀 */
  reading: string;
  /** 寫 */
  writing: string;
}

export interface ResumeDocument {
  basic: ResumeBasic;
  education: ResumeEducation[];
  experience: ResumeExperience[];
  languages: ResumeLanguage[];
  /** 專長 (free text, line breaks kept) */
  skills: string;
  /** 自傳 (free text, line breaks kept; may run over several pages) */
  autobiography: string;
  /** 證照資格/作品附件: the file name only ('' when none) */
  attachmentFileName: string;
  /** 照片: JPEG or PNG bytes, or null. Anything else prints an empty photo box. */
  photo: Uint8Array | null;
}

/** The most entries each list holds (and the rows the blank form prints). */
export const RESUME_LIMITS = { education: 3, experience: 5, languages: 4 } as const;

export function emptyResume(): ResumeDocument {
  return {
    basic: { chineseName: '', englishName: '', idNumber: '', gender: '', birthDate: '', phone: '', address: '', email: '', identityNote: '' },
    education: [],
    experience: [],
    languages: [],
    skills: '',
    autobiography: '',
    attachmentFileName: '',
    photo: null,
  };
}
