// The civil-service HR database (公務人力資料庫) as this system sees it (DOMAIN.md: hrdb person). Read-only to
// this system: the eCPA sign-in (ECPA-3), the resume import (RES-4) and the civil-service resume (AGY-4, GEN-2)
// read it through the HrDatabase port. Dates are ISO `YYYY-MM-DD`; years are Gregorian (shown as ROC on screen).

export type HrStatus = 'current' | 'former';

/** 人員類別 in the HR database. 聘用 and 約僱 are the contract/temporary kinds of RES-4. */
export type EmploymentType = '公務人員' | '聘用' | '約僱' | '技工' | '工友' | '駕駛';
export const EMPLOYMENT_TYPES: readonly EmploymentType[] = ['公務人員', '聘用', '約僱', '技工', '工友', '駕駛'];

/** 學歷 (RES-5 shape): highest first, at most 3. */
export interface HrEducation {
  school: string;
  department: string;
  /** 博士 / 碩士 / 學士 / 副學士 / 高中 / 高職 */
  degree: string;
  /** 畢業 / 肄業 / 就學中 */
  status: '畢業' | '肄業' | '就學中';
  startDate: string;
  /** '' for 肄業 / 就學中 */
  endDate: string;
}

/** 經歷 (RES-6 shape): newest first, at most 5. */
export interface HrExperience {
  organization: string;
  /** The agency's 機關代碼 when the post was in government, else null. */
  agencyCode: string | null;
  jobTitle: string;
  employmentType: EmploymentType;
  /** 在職 / 離職 */
  status: '在職' | '離職';
  startDate: string;
  /** '' while 在職 */
  endDate: string;
}

/** 考試或晉升訓練 */
export interface HrExam {
  kind: '考試' | '晉升訓練';
  /** e.g. 公務人員高等考試三級考試, 薦任公務人員晉升簡任官等訓練 */
  name: string;
  /** 類科 (e.g. 一般行政); '' for a training */
  category: string;
  /** 及格 / 結訓 date */
  passedOn: string;
}

/** 專門職業及技術人員資格 */
export interface HrProfessionalQualification {
  /** e.g. 律師, 會計師, 土木工程技師 */
  name: string;
  certificateNo: string;
  issuedOn: string;
}

/** 考績(成)或成績考核, one a year. */
export interface HrPerformanceRating {
  /** Gregorian year of the rating */
  year: number;
  /** 年終考績 (公務人員), 考成 (技工工友駕駛), 成績考核 (聘用/約僱) */
  kind: '年終考績' | '另予考績' | '考成' | '成績考核';
  /** 甲 / 乙 / 丙 / 丁 */
  grade: '甲' | '乙' | '丙' | '丁';
}

/** 獎懲 with its date. */
export interface HrRewardPunishment {
  date: string;
  kind: '嘉獎' | '記功' | '記大功' | '申誡' | '記過' | '記大過';
  count: number;
  reason: string;
}

/** 語言能力 */
export interface HrLanguage {
  language: string;
  /** 精通 / 中等 / 略懂 */
  level: '精通' | '中等' | '略懂';
  /** e.g. 全民英檢中高級; '' when none */
  certificate: string;
}

/** 檢覈/甄審 */
export interface HrScreening {
  kind: '檢覈' | '甄審';
  name: string;
  passedOn: string;
}

/** 兵役 */
export interface HrMilitaryService {
  /** 役畢 / 免役 / 替代役畢 / 待役 */
  status: '役畢' | '免役' | '替代役畢' | '待役';
  /** 陸軍 / 海軍 / 空軍 / 替代役; '' when none */
  branch: string;
  startDate: string;
  endDate: string;
}

/** 教師資格 */
export interface HrTeacherQualification {
  /** e.g. 中等學校合格教師 */
  kind: string;
  certificateNo: string;
  issuedOn: string;
}

/** 身心障礙註記 */
export interface HrDisability {
  category: string;
  level: '輕度' | '中度' | '重度' | '極重度';
}

/** 原住民註記 */
export interface HrIndigenous {
  /** 族別, e.g. 阿美族 */
  tribe: string;
}

/** 訓練及進修 with dates. */
export interface HrTraining {
  name: string;
  organizer: string;
  startDate: string;
  endDate: string;
  hours: number;
}

export interface HrPerson {
  /** The HR database's own key for the person. */
  personId: string;
  /** 身分證統一編號, valid checksum. */
  nationalId: string;
  /** The person's eCPA 自訂帳號, or null (the ID number then serves as account). */
  ecpaAccount: string | null;
  name: string;
  birthDate: string;
  gender: 'M' | 'F';
  phone: string;
  address: string;
  email: string | null;
  status: HrStatus;
  /** 卸職 date of a former employee, else null. */
  leftOn: string | null;
  /** The agency of the current (or, for a former employee, the last) post. */
  agencyCode: string;
  agencyName: string;
  employmentType: EmploymentType;
  jobTitle: string;
  education: HrEducation[];
  experience: HrExperience[];
  exams: HrExam[];
  professionalQualifications: HrProfessionalQualification[];
  performanceRatings: HrPerformanceRating[];
  rewardsAndPunishments: HrRewardPunishment[];
  skills: string[];
  languages: HrLanguage[];
  screenings: HrScreening[];
  military: HrMilitaryService | null;
  teacherQualification: HrTeacherQualification | null;
  disability: HrDisability | null;
  indigenous: HrIndigenous | null;
  trainings: HrTraining[];
}

/**
 * The port. The local implementation (createLocalHrDatabase) reads a committed synthetic dataset; a real one
 * would call the national database. Lookups never throw for a miss: they answer null.
 */
export interface HrDatabase {
  /** By 身分證統一編號 (normalised first: trim, full-width → half-width, upper case). */
  findPersonByNationalId(nationalId: string): Promise<HrPerson | null>;
  /** By eCPA 自訂帳號 (case-insensitive), the way eCPA verifies 「自訂帳號或身分證號」 (seed 002). */
  findPersonByAccount(account: string): Promise<HrPerson | null>;
  /** By the database's own key (kept in sessions instead of the ID number). */
  findPersonById(personId: string): Promise<HrPerson | null>;
}
