// The civil-service resume (公務人員履歷表) of an HR-database person, in the printed form's plain shape
// (src/platform/pdf: CivilServiceResumeDocument): MyData 履歷表下載 (ECPA-6) asks for everything; the GEN-2
// resume of a civil-service job asks for the vacancy's AGY-4 selection (parts and date ranges, applied here by
// selectResumeSections). Pure: no I/O.
import { CIVIL_SERVICE_PARTS, type CivilServicePart, type CivilServiceResumeDocument } from '../../platform/pdf/index.ts';
import { formatRoc } from '../../platform/tw/roc-date.ts';
import { selectResumeSections, type ResumeSelection } from './hrdb.rules.ts';
import type { HrPerson } from './hrdb.types.ts';

export interface CivilServiceResumeInput {
  document: CivilServiceResumeDocument;
  /** The parts to print (renderCivilServiceResumePdf's second argument). */
  parts: CivilServicePart[];
}

/** `person` as the printed civil-service resume, holding what `selection` asks for (default 個人全部資料). */
export function civilServiceResumeDocument(person: HrPerson, selection: ResumeSelection = { mode: 'all' }): CivilServiceResumeInput {
  const r = selectResumeSections(person, selection);
  const parts = CIVIL_SERVICE_PARTS.filter((p) => r[p] !== null);
  const document: CivilServiceResumeDocument = {
    basic: {
      name: r.basic.chineseName,
      nationalId: r.basic.idNumber,
      gender: r.basic.gender,
      birthDate: r.basic.birthDate,
      phone: r.basic.phone,
      email: r.basic.email,
      address: r.basic.address,
      agencyName: r.basic.agencyName,
      jobTitle: r.basic.jobTitle,
      employmentType: r.basic.employmentType,
      status: person.status === 'current' ? '現職' : person.leftOn ? `卸職（${formatRoc(person.leftOn)}）` : '卸職',
    },
    education: r.education.map((e) => ({ ...e })),
    experience: r.experience.map(({ organization, jobTitle, employmentType, status, startDate, endDate }) => ({ organization, jobTitle, employmentType, status, startDate, endDate })),
    exams: r.exams?.exams.map((e) => ({ ...e })) ?? [],
    professionalQualifications: r.exams?.professionalQualifications.map((q) => ({ ...q })) ?? [],
    ratings: r.ratings?.map((x) => ({ ...x })) ?? [],
    rewards: r.rewards?.map((x) => ({ ...x })) ?? [],
    skills: [...(r.skills?.skills ?? [])],
    languages: r.skills?.languages.map((g) => ({ ...g })) ?? [],
    screenings: r.screenings?.map((s) => ({ ...s })) ?? [],
    military: r.markers?.military ? { ...r.markers.military } : null,
    teacherQualification: r.markers?.teacherQualification ? { ...r.markers.teacherQualification } : null,
    disability: r.markers?.disability ? { ...r.markers.disability } : null,
    indigenous: r.markers?.indigenous ? { ...r.markers.indigenous } : null,
    trainings: r.trainings?.map((t) => ({ ...t })) ?? [],
  };
  return { document, parts };
}
