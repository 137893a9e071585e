// The resume's limits (RES-5 … RES-10, RES-3) and what every rule needs to know. Pure constants.
import type { ResumeErrorMessages } from './resume.errors.ts';
import type { ResumeMessages } from './resume.messages.ts';
import type { SectionName } from './resume.types.ts';

/** Entries each list may hold (RES-5, RES-6, RES-7). */
export const SECTION_LIMITS: Readonly<Record<SectionName, { min: number; max: number }>> = Object.freeze({
  education: { min: 1, max: 3 },
  experience: { min: 0, max: 5 },
  languages: { min: 0, max: 4 },
});

/**
 * 專長 and 自傳 (RES-8). The manual gives no numbers; chosen so that a full 自傳 fills about two A4 pages of
 * the printed form, with room for a long list of skills.
 */
export const TEXT_LIMITS = Object.freeze({ skills: 1000, autobiography: 4000 });

/** One-line fields: the most characters each takes. */
export const FIELD_MAX = Object.freeze({
  chineseName: 30,
  englishName: 60,
  street: 100,
  email: 254,
  school: 60,
  department: 60,
  organization: 60,
  jobTitle: 40,
  language: 20,
});

/** 照片 (RES-10): JPEG or PNG up to 2 MB, at most 25 megapixels read, stored within 600 × 800. */
export const PHOTO_RULES = Object.freeze({ maxBytes: 2 * 1024 * 1024, maxPixels: 25_000_000, width: 600, height: 800 });

/** RES-3: wrong email/birth-date answers allowed before 註銷 is refused for a while. */
export const VOID_ATTEMPTS = Object.freeze({ perApplicant: 5, perIdNumber: 10, windowMinutes: 15 });

export interface RuleContext {
  /** Today in Taipei, ISO. */
  today: string;
  m: ResumeMessages;
  e: ResumeErrorMessages;
}

