// The form's field names, shared by the parser, the rules and the views. A row field is named
// `<section>-<n>-<key>` with n from 1 (education-1-school), so its element id is f-education-1-school.
import type { SectionName } from './resume.types.ts';

export const ROW_KEYS = {
  education: ['school', 'department', 'degree', 'status', 'start', 'end'],
  experience: ['organization', 'jobTitle', 'status', 'start', 'end'],
  languages: ['language', 'listening', 'speaking', 'reading', 'writing'],
} as const satisfies Record<SectionName, readonly string[]>;

export const SECTIONS: readonly SectionName[] = ['education', 'experience', 'languages'];

export function rowName(section: SectionName, n: number, key: string): string {
  return `${section}-${n}-${key}`;
}

/** The basic fields in the order of the form (for the error summary). */
export const BASIC_FIELDS = ['chineseName', 'englishName', 'idNumber', 'gender', 'birthDate', 'phone', 'zip', 'street', 'email', 'identity'] as const;

/** Every field name in the order of the form, for ordering errors: basic, photo, rows, texts, attachment. */
export function fieldOrder(counts: Record<SectionName, number>): string[] {
  const keys = (s: SectionName): readonly string[] => (s === 'languages' ? ['language', 'levels', ...ROW_KEYS.languages.slice(1)] : ROW_KEYS[s]);
  const rows = SECTIONS.flatMap((s) => [s, ...Array.from({ length: counts[s] }, (_, i) => keys(s).map((k) => rowName(s, i + 1, k))).flat()]);
  return ['void-email', 'void-birthDate', ...BASIC_FIELDS, 'photo', ...rows, 'skills', 'autobiography', 'attachment', 'replaceAttachment'];
}
