// Vacancies (職缺): a published (approved) 須具 vacancy entered on the form, open today ± a few days, unless
// overridden. accessMode: 'civil_service' 須具公務人員任用資格 / 'open' 不須具 / 'none' 不使用應徵者履歷調閱.
import { vacancies } from '../../src/modules/vacancies/vacancy.schema.ts';
import { dbOf, type DbArg } from './db-arg.ts';
import { taipeiIsoDate } from '../../src/platform/clock.ts';
import { addDays } from '../../src/platform/tw/roc-date.ts';

export type NewVacancy = typeof vacancies.$inferInsert;
export type VacancyRow = typeof vacancies.$inferSelect;

let serial = 0;

/** A fresh 職缺編號 (11506 + five digits; unique within the test process). */
export function nextWorkId(): string {
  serial++;
  return `11506${String(90000 + serial).padStart(5, '0')}`;
}

/** Inserts a vacancy; `orgId` is the agency code. Returns the row. */
export async function createVacancy(to: DbArg, overrides: Partial<NewVacancy> = {}): Promise<VacancyRow> {
  const today = taipeiIsoDate(new Date());
  const [row] = await dbOf(to)
    .insert(vacancies)
    .values({
      workId: nextWorkId(),
      orgId: 'A58000000A',
      orgName: '行政院人事行政總處',
      personKind: '一般人員',
      personKindCode: null,
      title: `測試職缺 ${serial}`,
      sysnamText: '',
      sysnamCode: null,
      workPlaces: ['10'],
      workPlaceText: '',
      rankTypes: [],
      validFrom: addDays(today, -1),
      validTo: addDays(today, 7),
      accessMode: 'civil_service',
      reviewStatus: 'approved',
      source: 'form',
      postedAt: new Date(),
      workQuality: '',
      ...overrides,
    })
    .returning();
  return row!;
}
