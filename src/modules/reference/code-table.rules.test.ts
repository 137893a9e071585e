import { describe, expect, it } from 'vitest';
import { changedFields, currentCodeError, EDIT_FORM_OF, FORM_OF, parentAgencyError, parseListQuery } from './code-table.rules.ts';
import { allWorkPlaces, committedCodeTables, currentCodeTables, currentWorkPlaces, defaultAccessMode, personKindName, personKinds, replaceCodeTables, workPlaceName } from './codes.ts';

describe('ADM-2 code-table rules', () => {
  it('ADM-2 an agency form: 機關代碼 of isAgencyCode (upper-cased), 機關名稱 required, markup refused with a message', () => {
    const ok = FORM_OF.agencies.safeParse({ code: 'a58000001a', name: ' 測試機關 ', address: '', parentCode: 'a58000000a', active: 'on' });
    expect(ok.success && ok.data).toEqual({ code: 'A58000001A', name: '測試機關', address: '', parentCode: 'A58000000A', active: true });
    const bad = FORM_OF.agencies.safeParse({ code: 'A58', name: '<script>x</script>', address: '<b>', parentCode: 'nope' });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries((bad.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(messages.code).toMatch(/機關代碼為 10 碼/);
    expect(messages.name).toBe('機關名稱不可包含 < 或 >');
    expect(messages.address).toBe('地址不可包含 < 或 >');
    expect(messages.parentCode).toMatch(/上級機關代碼格式不正確/);
    expect(FORM_OF.agencies.safeParse({ code: 'A58000001A', name: '   ' }).error?.issues[0]?.message).toBe('請填寫機關名稱');
    expect(FORM_OF.agencies.safeParse({ code: 'A58000001A', name: 'x' }).data?.active).toBe(false);
  });

  it('ADM-2 the 修改 forms have no code field (a key never changes); 人員區分 needs 須具/不須具', () => {
    expect(EDIT_FORM_OF['work-places'].safeParse({ name: '臺北市', active: 'on' }).success).toBe(true);
    expect(FORM_OF['person-kinds'].safeParse({ code: '77', name: '其他' }).success).toBe(false);
    expect(FORM_OF['person-kinds'].safeParse({ code: '77', name: '其他', openAccess: 'open' }).data?.openAccess).toBe('open');
    expect(FORM_OF.sysnam.safeParse({ code: 'a999', name: '新職系', sysnamClass: '行政類' }).data?.code).toBe('A999');
    expect(FORM_OF.sysnam.safeParse({ code: 'A9', name: '新職系' }).success).toBe(false);
  });

  it('ADM-2 the parent agency must exist and must not be the agency itself or below it', () => {
    const parents = new Map<string, string | null>([
      ['A00000000A', null],
      ['B00000000A', 'A00000000A'],
      ['C00000000A', 'B00000000A'],
    ]);
    const parentOf = (c: string) => (parents.has(c) ? parents.get(c)! : undefined);
    expect(parentAgencyError('C00000000A', '', parentOf)).toBeNull();
    expect(parentAgencyError('C00000000A', 'A00000000A', parentOf)).toBeNull();
    expect(parentAgencyError('C00000000A', 'Z00000000A', parentOf)).toMatch(/查無此上級機關/);
    expect(parentAgencyError('C00000000A', 'C00000000A', parentOf)).toBe('上級機關不可為本機關');
    expect(parentAgencyError('A00000000A', 'C00000000A', parentOf)).toBe('上級機關不可為本機關的下級機關');
  });

  it('ADM-2 a historical 工作地 names a current code; a current one names none', () => {
    const isCurrent = (c: string) => c === '98';
    expect(currentCodeError(true, '21', '98', isCurrent)).toBeNull();
    expect(currentCodeError(true, '21', '', isCurrent)).toMatch(/請填寫/);
    expect(currentCodeError(true, '21', '21', isCurrent)).toMatch(/現行/);
    expect(currentCodeError(false, '10', '98', isCurrent)).toMatch(/只有舊制/);
  });

  it('ADM-2 the list query and the before/after of a change', () => {
    expect(parseListQuery({ q: ' 臺北 ', page: '3' })).toEqual({ q: '臺北', page: 3 });
    expect(parseListQuery({ q: ['x'], page: '-1' })).toEqual({ q: '', page: 1 });
    expect(changedFields({ name: 'a', active: true, address: null }, { name: 'b', active: true, address: null })).toEqual({ name: ['a', 'b'] });
  });

  it('ADM-2 the in-memory tables are replaced at once: a 停用 code still resolves by code, is not offered, and 不須具 follows the row', () => {
    const committed = committedCodeTables();
    try {
      replaceCodeTables({
        ...committed,
        workPlaces: committed.workPlaces.map((w) => (w.code === '63' ? { ...w, active: false } : w)),
        personKinds: committed.personKinds.map((p) => (p.code === '01' ? { ...p, name: '司法人員（新）', openAccess: true } : p)),
      });
      expect(workPlaceName('63')).toBe('雲林縣');
      expect(allWorkPlaces().some((w) => w.code === '63')).toBe(true);
      expect(currentWorkPlaces().some((w) => w.code === '63')).toBe(false);
      expect(personKindName('01')).toBe('司法人員（新）');
      expect(defaultAccessMode('01')).toBe('open');
      expect(personKinds().length).toBe(committed.personKinds.length);
    } finally {
      replaceCodeTables(committed);
    }
    expect(currentWorkPlaces().some((w) => w.code === '63')).toBe(true);
    expect(defaultAccessMode('01')).toBe('civil_service');
    expect(currentCodeTables().sysnam).toHaveLength(58);
  });
});
