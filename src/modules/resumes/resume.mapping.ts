// A stored resume row → the resume's data, and → the ResumeDocument that the PDF (and the preview, RES-13)
// print: the same fields in the same order, text only.
import type { ResumeDocument } from '../../platform/pdf/index.ts';
import type { ResumeRow } from './resume.repo.ts';
import type { BasicData, EducationData, ExperienceData, LanguageData, ResumeData } from './resume.types.ts';
import { formatAddress } from './zipcodes.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The row's JSONB read back defensively: anything missing becomes ''. */
export function resumeData(row: ResumeRow): ResumeData {
  const b = row.basic;
  const basic: BasicData = {
    chineseName: str(b.chineseName),
    englishName: str(b.englishName),
    idNumber: str(b.idNumber),
    gender: b.gender === 'F' ? 'F' : 'M',
    birthDate: str(b.birthDate),
    phone: str(b.phone),
    zip: str(b.zip),
    county: str(b.county),
    district: str(b.district),
    street: str(b.street),
    email: str(b.email),
    identity: Array.isArray(b.identity) ? (b.identity.filter((x) => x === '身心障礙' || x === '原住民') as BasicData['identity']) : [],
  };
  return {
    basic,
    education: row.education.map((e) => ({ school: str(e.school), department: str(e.department), degree: str(e.degree), status: str(e.status), startDate: str(e.startDate), endDate: str(e.endDate) }) as EducationData),
    experience: row.experience.map((e) => ({ organization: str(e.organization), jobTitle: str(e.jobTitle), status: str(e.status), startDate: str(e.startDate), endDate: str(e.endDate) }) as ExperienceData),
    languages: row.languages.map((l) => ({ language: str(l.language), listening: str(l.listening), speaking: str(l.speaking), reading: str(l.reading), writing: str(l.writing) }) as LanguageData),
    skills: row.skills,
    autobiography: row.autobiography,
  };
}

/** 性別 as printed. */
export function genderLabel(g: string): string {
  return g === 'F' ? '女' : g === 'M' ? '男' : '';
}

/** The resume as agencies see it (PDF and preview). */
export function toResumeDocument(data: ResumeData, files: { attachmentName: string | null; photo: Uint8Array | null }): ResumeDocument {
  const b = data.basic;
  return {
    basic: {
      chineseName: b.chineseName,
      englishName: b.englishName,
      idNumber: b.idNumber,
      gender: genderLabel(b.gender),
      birthDate: b.birthDate,
      phone: b.phone,
      address: formatAddress(b),
      email: b.email,
      identityNote: b.identity.join('、'),
    },
    education: data.education.map((e) => ({ ...e })),
    experience: data.experience.map((e) => ({ ...e })),
    languages: data.languages.map((l) => ({ ...l })),
    skills: data.skills,
    autobiography: data.autobiography,
    attachmentFileName: files.attachmentName ?? '',
    photo: files.photo,
  };
}
