import { describe, expect, it } from 'vitest';
import { parseForm } from '../../platform/http/forms.ts';
import { committedCodeTables, defaultAccessMode, replaceCodeTables } from '../reference/index.ts';
import { RANK_TYPE_MESSAGE, vacancyForm } from './agency.form.ts';
import { accessModeLocked, workIdMonth } from './agency.rules.ts';

const ok = { orgAddress: 'a', fillerName: 'b', fillerPhone: '02-1', personKindCode: '13', title: 't', headcount: '1', workPlaces: '26', validFrom: '115/12/01', validTo: '115/12/31', rankTypes: '其他', grade: 'none', sysnamCode: 'none', gender: 'any', vitaeEmail: 'a@b.tw', workQuality: 'q', workItem: 'i', workAddress: 'w', contactMethod: 'c', accessMode: 'open' };

describe('AGY-2 the form schema', () => {
  it('AGY-2 reads ROC dates into ISO dates and one 工作地 as a list', () => {
    const r = parseForm(vacancyForm, ok);
    expect(r.ok && r.data).toMatchObject({ validFrom: '2026-12-01', validTo: '2026-12-31', workPlaces: ['26'], headcount: 1, rankTypes: ['其他'] });
  });

  it('AGY-2 empty, malformed and reversed dates, no 官等類別, 名額 0 or text each get their message', () => {
    const r = parseForm(vacancyForm, { ...ok, validFrom: '', validTo: '115/13/40', rankTypes: undefined, headcount: '三' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.validFrom).toContain('請填寫');
    expect(r.errors.validTo).toContain('民國日期');
    expect(r.errors.rankTypes).toBe(RANK_TYPE_MESSAGE);
    expect(r.errors.headcount).toContain('1 到 999');
    const rev = parseForm(vacancyForm, { ...ok, validFrom: '115/12/31', validTo: '115/12/01' });
    expect(!rev.ok && rev.errors.validTo).toBe('「上網有效期間」迄日早於起日');
  });

  it('AGY-6 聯絡E-mail is required for 須具 and 不須具, not for 不使用; AGY-4 須具 needs something to produce', () => {
    expect(parseForm(vacancyForm, { ...ok, vitaeEmail: '' }).ok).toBe(false);
    expect(parseForm(vacancyForm, { ...ok, vitaeEmail: '', accessMode: 'none' }).ok).toBe(true);
    const cs = parseForm(vacancyForm, { ...ok, accessMode: 'civil_service' });
    expect(!cs.ok && cs.errors.csSections).toBeTruthy();
    expect(parseForm(vacancyForm, { ...ok, accessMode: 'civil_service', csSections: ['獎懲'] }).ok).toBe(true);
  });

  it('AGY-3 人員區分 defaults: 13 約僱人員 不須具, 01 須具', () => {
    expect(defaultAccessMode('13')).toBe('open');
    expect(defaultAccessMode('01')).toBe('civil_service');
  });

  it('AGY-2 職缺編號 month is ROC yyyMM; the access mode locks inside the validity period only', () => {
    expect(workIdMonth('2026-12-03')).toBe('11512');
    expect(workIdMonth('2020-01-31')).toBe('10901');
    expect(accessModeLocked({ validFrom: '2026-12-01', validTo: '2026-12-31' }, '2026-12-03')).toBe(true);
    expect(accessModeLocked({ validFrom: '2026-12-10', validTo: '2026-12-31' }, '2026-12-03')).toBe(false);
  });

  it('AGY-2 / ADM-2 a code the back office has 停用 is refused when posted by hand (the form no longer offers it)', () => {
    const committed = committedCodeTables();
    const off = <T extends { active: boolean }>(rows: readonly T[], pick: (r: T) => boolean): T[] => rows.map((r) => (pick(r) ? { ...r, active: false } : r));
    expect(parseForm(vacancyForm, { ...ok, workPlaces: '63', sysnamCode: 'A101', rankTypes: '委任' }).ok).toBe(true);
    try {
      replaceCodeTables({
        workPlaces: off(committed.workPlaces, (w) => w.code === '63'),
        sysnam: off(committed.sysnam, (s) => s.code === 'A101'),
        rankTypes: off(committed.rankTypes, (r) => r.name === '委任'),
        personKinds: off(committed.personKinds, (p) => p.code === '13'),
      });
      const r = parseForm(vacancyForm, { ...ok, workPlaces: '63', sysnamCode: 'A101', rankTypes: '委任' });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors.workPlaces).toBe('工作地代碼不正確');
      expect(r.errors.sysnamCode).toBe('請選擇職系');
      expect(r.errors.rankTypes).toBe(RANK_TYPE_MESSAGE);
      expect(r.errors.personKindCode).toBe('請選擇人員區分');
    } finally {
      replaceCodeTables(committed);
    }
  });
});
