// Demo vacancies (source demo) of every access mode for 宜蘭縣政府 and 基隆市政府, made through the form's own schema
// and rules, once (skipped when they exist). Their addresses are example ones, never real officials'.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { addDays, formatRoc } from '../../platform/tw/roc-date.ts';
import { vacancies } from '../vacancies/index.ts';
import { vacancyForm } from './agency.form.ts';
import { insertVacancy, nextWorkId } from './agency.repo.ts';
import { rowFromForm, workIdMonth } from './agency.rules.ts';

const FILLER = '示範填寫人';
const AGENCIES = [
  { code: '376420000A', name: '宜蘭縣政府', place: '26', address: '宜蘭縣宜蘭市縣政北路1號' },
  { code: '376570000A', name: '基隆市政府', place: '20', address: '基隆市中正區義一路1號' },
] as const;
const JOBS = [
  { accessMode: 'civil_service', personKindCode: '01', title: '科員', rankTypes: ['委任', '薦任'], grade: '5-7', csAll: 'yes', days: [0, 20] },
  { accessMode: 'open', personKindCode: '13', title: '約僱人員（行政助理）', rankTypes: ['其他'], grade: 'none', csAll: undefined, days: [0, 14] },
  { accessMode: 'none', personKindCode: '93', title: '工友', rankTypes: ['其他'], grade: 'none', csAll: undefined, days: [-40, -10] },
] as const;

/** Seeds the demo vacancies once; returns how many were made (0 when they already exist). */
export async function seedAgencyDemo(db: Db, now: Date, today: string): Promise<number> {
  const [existing] = await db.select({ id: vacancies.id }).from(vacancies).where(and(eq(vacancies.source, 'demo'), eq(vacancies.fillerName, FILLER))).limit(1);
  if (existing) return 0;
  let made = 0;
  for (const a of AGENCIES) {
    for (const j of JOBS) {
      const parsed = vacancyForm.safeParse({
        orgAddress: a.address,
        fillerName: FILLER,
        fillerEmail: 'demo.hr@example.gov.tw',
        fillerPhone: '02-12345678',
        personKindCode: j.personKindCode,
        title: j.title,
        headcount: '1',
        workPlaces: [a.place],
        validFrom: formatRoc(addDays(today, j.days[0])),
        validTo: formatRoc(addDays(today, j.days[1])),
        rankTypes: [...j.rankTypes],
        grade: j.grade,
        sysnamCode: 'none',
        gender: 'any',
        vitaeEmail: 'demo.hr@example.gov.tw',
        workQuality: '一、具相關學歷或經驗。二、具電腦文書處理能力。（示範職缺）',
        workItem: '辦理機關一般行政業務。（示範職缺）',
        workAddress: `${a.name}人事處，${a.address}`,
        contactMethod: `${a.name}人事處 示範聯絡人 02-12345678`,
        accessMode: j.accessMode,
        csAll: j.csAll,
      });
      if (!parsed.success) throw new Error(`demo vacancy invalid: ${parsed.error.message}`);
      await db.transaction(async (tx) => {
        const workId = await nextWorkId(tx, workIdMonth(today));
        await insertVacancy(tx, { ...rowFromForm(parsed.data), workId, orgId: a.code, orgName: a.name, source: 'demo', reviewStatus: 'approved', postedAt: now });
      });
      made++;
    }
  }
  return made;
}
