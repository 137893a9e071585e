// The resume in its two shapes: as stored (validated, ISO dates, RES-1 … RES-8) and as a form (every value
// as typed, so that nothing is lost when the page comes back with errors: RES-11).
import type { Gender } from '../../platform/tw/id-number.ts';

export const EDUCATION_STATUSES = ['畢業', '肄業', '就學中'] as const;
export type EducationStatus = (typeof EDUCATION_STATUSES)[number];
export const WORK_STATUSES = ['在職', '離職'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
export const LANGUAGE_LEVELS = ['精通', '中等', '略懂'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export const IDENTITY_MARKS = ['身心障礙', '原住民'] as const;
export type IdentityMark = (typeof IDENTITY_MARKS)[number];
export const DEGREES = ['博士', '碩士', '學士', '專科', '高中（職）', '國中', '國小', '其他'] as const;
export const LANGUAGE_SKILLS = ['listening', 'speaking', 'reading', 'writing'] as const;
export type LanguageSkill = (typeof LANGUAGE_SKILLS)[number];

// ---- stored (the JSONB of `resumes`) ----

export interface BasicData {
  chineseName: string;
  englishName: string;
  /** Normalised (upper case, half-width). */
  idNumber: string;
  gender: Gender;
  /** ISO YYYY-MM-DD */
  birthDate: string;
  /** As displayed by parsePhone: (02)2345-6789 #123, 0912-345-678. */
  phone: string;
  zip: string;
  county: string;
  district: string;
  /** The address after county and district. */
  street: string;
  email: string;
  identity: IdentityMark[];
}

export interface EducationData {
  school: string;
  department: string;
  degree: string;
  status: EducationStatus;
  startDate: string;
  /** '' for 肄業 / 就學中 without an end date. */
  endDate: string;
}

export interface ExperienceData {
  organization: string;
  jobTitle: string;
  status: WorkStatus;
  startDate: string;
  /** '' while 在職. */
  endDate: string;
}

export type LanguageData = { language: string } & Record<LanguageSkill, LanguageLevel | ''>;

export interface ResumeData {
  basic: BasicData;
  education: EducationData[];
  experience: ExperienceData[];
  languages: LanguageData[];
  skills: string;
  autobiography: string;
}

// ---- the form, as typed ----

export type BasicForm = {
  chineseName: string;
  englishName: string;
  idNumber: string;
  /** '' (take it from the ID), 'M' or 'F'. */
  gender: string;
  /** 確定: the person confirmed a gender different from the one the ID gives (RES-2). */
  genderConfirmed: boolean;
  birthDate: string;
  phone: string;
  /** The zipcode option's value (zipKey), e.g. 100臺北市中正區. */
  zip: string;
  street: string;
  email: string;
  identity: string[];
}

export type EducationRow = {
  school: string;
  department: string;
  degree: string;
  status: string;
  start: string;
  end: string;
}

export type ExperienceRow = {
  organization: string;
  jobTitle: string;
  status: string;
  start: string;
  end: string;
}

export type LanguageRow = { language: string } & Record<LanguageSkill, string>;

/** Uploads waiting for 儲存履歷 (RES-9, RES-10), carried by the form as ids of `resume_uploads` rows. */
export interface FileState {
  stagedPhotoId: string;
  stagedAttachmentId: string;
  /** 刪除照片 was pressed: the next 儲存履歷 removes the photo. */
  deletePhoto: boolean;
  /** 同意此檔為最新附件檔案: the staged attachment may replace the saved one. */
  replaceAttachment: boolean;
}

export interface ResumeForm {
  basic: BasicForm;
  education: EducationRow[];
  experience: ExperienceRow[];
  languages: LanguageRow[];
  skills: string;
  autobiography: string;
  files: FileState;
  /** The form was pre-filled from the civil-service HR database (RES-4). */
  importedFromHrdb: boolean;
  /** RES-3: the other account's email and birth date, typed in the 註銷 panel. */
  voidRequest: { email: string; birthDate: string };
}

export type SectionName = 'education' | 'experience' | 'languages';
