// The rules that join the sections (RES-5 … RES-12). Pure: no I/O, no clock. Limits: ./resume.limits.ts.
import type { FieldErrors } from '../../platform/http/forms.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { genderFromId } from '../../platform/tw/id-number.ts';
import { validateBasic } from './basic.rules.ts';
import type { ResumeErrorMessages } from './resume.errors.ts';
import { SECTION_LIMITS, TEXT_LIMITS, VOID_ATTEMPTS, type RuleContext } from './resume.limits.ts';
import type { FileState, ResumeData, ResumeForm, SectionName } from './resume.types.ts';
import { validateEducation, validateExperience, validateLanguages } from './sections.rules.ts';
import { cleanText, charCount } from './text.rules.ts';

export type Validated = { ok: true; data: ResumeData } | { ok: false; errors: FieldErrors };

/** 儲存履歷 (RES-11): the whole form at once; every error by field id, in the order of the form. */
export function validateResume(form: ResumeForm, c: RuleContext): Validated {
  const basic = validateBasic(form.basic, c);
  const birthDate = basic.data?.birthDate ?? null;
  const education = validateEducation(form.education, c, birthDate);
  const experience = validateExperience(form.experience, c, birthDate);
  const languages = validateLanguages(form.languages, c);
  const skills = validateText(form.skills, c.m['section.skills'], TEXT_LIMITS.skills, c);
  const autobiography = validateText(form.autobiography, c.m['section.autobiography'], TEXT_LIMITS.autobiography, c);
  const errors: FieldErrors = {
    ...basic.errors,
    ...education.errors,
    ...experience.errors,
    ...languages.errors,
    ...(skills.error ? { skills: skills.error } : {}),
    ...(autobiography.error ? { autobiography: autobiography.error } : {}),
  };
  if (Object.keys(errors).length > 0 || !basic.data) return { ok: false, errors };
  return {
    ok: true,
    data: {
      basic: basic.data,
      education: education.data,
      experience: experience.data,
      languages: languages.data,
      skills: skills.value,
      autobiography: autobiography.value,
    },
  };
}

export function validateText(raw: string, label: string, max: number, c: RuleContext): { value: string; error?: string } {
  const value = cleanText(raw);
  const count = charCount(value);
  if (count <= max) return { value };
  return { value, error: fill(c.e.textTooLong, { label, max: max.toLocaleString('en-US'), count: count.toLocaleString('en-US'), over: (count - max).toLocaleString('en-US') }) };
}

/** May one more entry be added to `section`? (RES-5/6/7: adding beyond the limit is impossible.) */
export function canAdd(section: SectionName, count: number): boolean {
  return count < SECTION_LIMITS[section].max;
}

/**
 * RES-2: the gender chosen differs from the one the ID gives, so it needs 確定 first. False while either is
 * missing or invalid (nothing to confirm yet).
 */
export function genderDiffersFromId(idNumber: string, gender: string): boolean {
  const fromId = genderFromId(idNumber);
  return fromId !== null && (gender === 'M' || gender === 'F') && gender !== fromId;
}

/**
 * RES-9: a new upload replaces the saved attachment only once the person agrees (同意此檔為最新附件檔案).
 * Returns the error, or null.
 */
export function attachmentReplaceError(files: FileState, hasStaged: boolean, savedName: string | null, e: ResumeErrorMessages): string | null {
  if (!hasStaged || savedName === null || files.replaceAttachment) return null;
  return fill(e.replaceConfirm, { name: savedName });
}

/** RES-3: too many wrong answers lately, by this applicant or against this ID number. */
export function voidAttemptsExceeded(recent: { byApplicant: number; byIdNumber: number }): boolean {
  return recent.byApplicant >= VOID_ATTEMPTS.perApplicant || recent.byIdNumber >= VOID_ATTEMPTS.perIdNumber;
}

export { FIELD_MAX, PHOTO_RULES, SECTION_LIMITS, TEXT_LIMITS, VOID_ATTEMPTS, type RuleContext } from './resume.limits.ts';
