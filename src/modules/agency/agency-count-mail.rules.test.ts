import { describe, expect, it } from 'vitest';
import { countMailDue, type CountMailFacts } from './agency-count-mail.rules.ts';

const v: CountMailFacts = {
  source: 'form',
  accessMode: 'open',
  reviewStatus: 'approved',
  deletedAt: null,
  takenDownAt: null,
  validFrom: '2026-06-01',
  validTo: '2026-06-30',
  vitaeEmail: 'hr@agency.example.tw',
};
const today = '2026-06-15';

describe('AGY-6 daily applicant counts: which vacancies are due', () => {
  it('AGY-6 a published 須具 or 不須具 vacancy with applicants is due once a day', () => {
    expect(countMailDue(v, 1, null, today)).toBe(true);
    expect(countMailDue({ ...v, accessMode: 'civil_service' }, 3, null, today)).toBe(true);
    expect(countMailDue({ ...v, source: 'bulk_import' }, 3, null, today)).toBe(true);
    expect(countMailDue(v, 1, '2026-06-14', today)).toBe(true);
    expect(countMailDue(v, 1, today, today)).toBe(false);
    expect(countMailDue(v, 1, '2026-06-16', today)).toBe(false);
  });

  it('AGY-6 no applicants, mode 不使用, or no 聯絡E-mail: not due', () => {
    expect(countMailDue(v, 0, null, today)).toBe(false);
    expect(countMailDue({ ...v, accessMode: 'none' }, 5, null, today)).toBe(false);
    expect(countMailDue({ ...v, vitaeEmail: '  ' }, 5, null, today)).toBe(false);
  });

  it('AGY-6 demo and open-data vacancies are never mailed (their addresses are real officials\')', () => {
    expect(countMailDue({ ...v, source: 'demo' }, 5, null, today)).toBe(false);
    expect(countMailDue({ ...v, source: 'opendata_import' }, 5, null, today)).toBe(false);
  });

  it('AGY-6 only published vacancies: not before or after the validity, not flagged, deleted or taken down', () => {
    expect(countMailDue(v, 1, null, '2026-06-01')).toBe(true);
    expect(countMailDue(v, 1, null, '2026-06-30')).toBe(true);
    expect(countMailDue(v, 1, null, '2026-05-31')).toBe(false);
    expect(countMailDue(v, 1, null, '2026-07-01')).toBe(false);
    expect(countMailDue({ ...v, reviewStatus: 'flagged' }, 1, null, today)).toBe(false);
    expect(countMailDue({ ...v, deletedAt: new Date() }, 1, null, today)).toBe(false);
    expect(countMailDue({ ...v, takenDownAt: new Date() }, 1, null, today)).toBe(false);
  });
});
