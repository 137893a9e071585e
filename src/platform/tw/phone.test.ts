import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PHONE_MESSAGES, isValidPhone, parsePhone } from './phone.ts';

const { examples } = JSON.parse(
  readFileSync(new URL('../../../tests/fixtures/phone_strings_from_dgpa_2016.json', import.meta.url), 'utf8'),
) as { examples: string[] };

/** Independent reading of a DGPA string: written area code, all main digits, extension digits. */
function writtenParts(raw: string): { area: string; digits: string; extension: string | undefined } {
  const s = raw.normalize('NFKC');
  const m = /^(.*?)\s*(?:分機|轉|#|ext\.?)\s*(\d+)$/i.exec(s);
  const main = m ? (m[1] ?? '') : s;
  const area = /^\((\d+)\)/.exec(main)?.[1] ?? /^(\d+)-/.exec(main)?.[1] ?? '';
  return { area, digits: main.replace(/\D/g, ''), extension: m?.[2] };
}

describe('parsePhone on the 2016 DGPA strings', () => {
  it('RES-1 the DGPA file has real strings to test', () => {
    expect(examples.length).toBeGreaterThanOrEqual(50);
  });

  it.each(examples.map((e, i) => [i, e] as const))(
    'RES-1 DGPA string #%i "%s" parses, keeps its extension exactly and its written area code',
    (_i, raw) => {
      const r = parsePhone(raw);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const w = writtenParts(raw);
      expect(r.kind).toBe('fixed');
      expect(r.national).toBe(w.digits);
      expect(r.areaCode).toBe(w.area);
      expect(r.extension).toBe(w.extension);
      if (w.extension === undefined) expect(r).not.toHaveProperty('extension');
      else expect(r.display.endsWith(` #${w.extension}`)).toBe(true);
      expect(r.display.startsWith(`(${w.area})`)).toBe(true);
    },
  );

  it('RES-1 every DGPA extension marker is kept with the right digits', () => {
    expect(parsePhone('04-25271180分機2315')).toMatchObject({ extension: '2315', national: '0425271180' });
    expect(parsePhone('05-3790600轉207')).toMatchObject({ extension: '207', national: '053790600' });
    expect(parsePhone('05-3790600#207')).toMatchObject({ extension: '207' });
    expect(parsePhone('02-24622171＃228')).toMatchObject({ extension: '228', national: '0224622171' });
    expect(parsePhone('089-326141 轉527')).toMatchObject({ extension: '527', areaCode: '089' });
    expect(parsePhone('(07)7511131 轉 2210')).toMatchObject({ extension: '2210', areaCode: '07' });
    expect(parsePhone('(04)22840433 ext. 325')).toMatchObject({ extension: '325', areaCode: '04' });
    expect(parsePhone('04-22840340 ext 212')).toMatchObject({ extension: '212' });
    expect(parsePhone('(06)9217056#137')).toMatchObject({ extension: '137', areaCode: '06' });
  });

  it('RES-1 displays fixed numbers as (area)xxxx-xxxx with the extension after #', () => {
    expect(parsePhone('04-25271180分機2315')).toEqual({
      ok: true, national: '0425271180', areaCode: '04', extension: '2315', kind: 'fixed',
      display: '(04)2527-1180 #2315',
    });
    expect(parsePhone('(02)7734-1315')).toEqual({
      ok: true, national: '0277341315', areaCode: '02', kind: 'fixed', display: '(02)7734-1315',
    });
    expect(parsePhone('03-3322101分機6408')).toMatchObject({ display: '(03)332-2101 #6408' });
    expect(parsePhone('049-2231150')).toMatchObject({ areaCode: '049', display: '(049)223-1150' });
    expect(parsePhone('(089)325110轉310')).toMatchObject({ areaCode: '089', display: '(089)32-5110 #310' });
    expect(parsePhone('04-8123456')).toMatchObject({ areaCode: '04', display: '(04)812-3456' });
  });
});

describe('parsePhone: other spellings', () => {
  it('RES-1 accepts +886 and IDD prefixes, with or without the trunk 0', () => {
    const taichung = { ok: true, national: '0425271180', areaCode: '04', kind: 'fixed' };
    expect(parsePhone('+886-4-2527-1180')).toMatchObject(taichung);
    expect(parsePhone('+886 4 25271180')).toMatchObject(taichung);
    expect(parsePhone('+886 (0)4 2527 1180')).toMatchObject(taichung);
    expect(parsePhone('+886-04-25271180')).toMatchObject(taichung);
    expect(parsePhone('(+886)4-2527-1180')).toMatchObject(taichung);
    expect(parsePhone('00886 4 2527 1180')).toMatchObject(taichung);
    expect(parsePhone('002-886-4-2527-1180')).toMatchObject(taichung);
    expect(parsePhone('＋８８６－４－２５２７－１１８０')).toMatchObject(taichung);
    expect(parsePhone('+886-4-2527-1180 ext. 2315')).toMatchObject({ ...taichung, extension: '2315' });
    expect(parsePhone('+886 912 345 678')).toMatchObject({ national: '0912345678', kind: 'mobile' });
  });

  it('RES-1 accepts full-width digits, punctuation and spaces', () => {
    expect(parsePhone('０４－２５２７１１８０＃２３１５')).toMatchObject({
      national: '0425271180', extension: '2315', display: '(04)2527-1180 #2315',
    });
    expect(parsePhone('（０２）２７２０－８８８９　分機　１２３')).toMatchObject({
      national: '0227208889', extension: '123', display: '(02)2720-8889 #123',
    });
    expect(parsePhone('  02 2720 8889  ')).toMatchObject({ national: '0227208889' });
    expect(parsePhone('02.2720.8889')).toMatchObject({ national: '0227208889' });
    expect(parsePhone('02–2720–8889')).toMatchObject({ national: '0227208889' });
  });

  it('RES-1 accepts the other extension spellings: x, EXT, 分機: and spaces', () => {
    expect(parsePhone('02-2720-8889 x123')).toMatchObject({ extension: '123' });
    expect(parsePhone('02-2720-8889X123')).toMatchObject({ extension: '123' });
    expect(parsePhone('02-2720-8889 EXT 45')).toMatchObject({ extension: '45' });
    expect(parsePhone('02-2720-8889 分機：045')).toMatchObject({ extension: '045' });
    expect(parsePhone('02-2720-8889 # 7')).toMatchObject({ extension: '7' });
  });

  it('RES-1 reads mobile numbers as 09XX-XXX-XXX', () => {
    const mobile = { ok: true, national: '0912345678', kind: 'mobile', display: '0912-345-678' };
    expect(parsePhone('0912345678')).toEqual(mobile);
    expect(parsePhone('0912-345-678')).toEqual(mobile);
    expect(parsePhone('0912 345 678')).toEqual(mobile);
    expect(parsePhone('(0912)345678')).toEqual(mobile);
    expect(parsePhone('０９１２３４５６７８')).toEqual(mobile);
    expect(parsePhone('0912345678')).not.toHaveProperty('areaCode');
  });

  it('RES-1 reads the outlying-island and long area codes', () => {
    expect(parsePhone('037-123456')).toMatchObject({ areaCode: '037', display: '(037)12-3456' });
    expect(parsePhone('082-312345')).toMatchObject({ areaCode: '082', display: '(082)31-2345' });
    expect(parsePhone('0826-61234')).toMatchObject({ areaCode: '0826', display: '(0826)6-1234' });
    expect(parsePhone('0836-22345')).toMatchObject({ areaCode: '0836', display: '(0836)2-2345' });
    expect(parsePhone('08-7363011')).toMatchObject({ areaCode: '08', display: '(08)736-3011' });
  });

  it('RES-1 reads toll-free and other non-geographic numbers', () => {
    expect(parsePhone('0800-000-123')).toEqual({
      ok: true, national: '0800000123', kind: 'tollfree', display: '0800-000-123',
    });
    expect(parsePhone('0800-12345')).toMatchObject({ kind: 'tollfree', display: '0800-12-345' });
    expect(parsePhone('070-1234-5678')).toMatchObject({ kind: 'other', display: '070-1234-5678' });
    expect(parsePhone('0204-123-456')).toMatchObject({ kind: 'other', display: '0204-123-456' });
    expect(parsePhone('0990-123-456')).toMatchObject({ kind: 'other', display: '0990-123-456' });
  });
});

describe('parsePhone refusals', () => {
  it.each([
    [''], ['   '], ['abc'], ['123'], ['分機123'], ['#123'], ['02'], ['02-'],
    ['2527-1180'], // no area code
    ['4-2527-1180'], // no trunk 0
    ['02-2720-888'], ['02-2720-88899'], // 02 needs 8 digits
    ['03-332-210'], ['089-32614'], ['037-1234567'],
    ['03-033-2101'], // subscriber numbers never start with 0 (020x is premium, 'other')
    ['0912-345-67'], ['0912-345-6789'],
    ['02-2720-8889#'], ['02-2720-8889 分機'], ['02-2720-8889 分機1234567'],
    ['02-2720-8889、02-2720-8890'], // two numbers
    ['02-2720-8889 abc'], ['tel:02-2720-8889'], ['(02-2720-8889'], ['((02))27208889'],
    ['+886'], ['+1 212 555 1234'], ['+886 0912'], ['+8869123456789'],
  ])('RES-1 refuses "%s"', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason: 'format' });
    expect(isValidPhone(input)).toBe(false);
  });

  it('RES-1 has a zh-TW message for a refused number', () => {
    expect(PHONE_MESSAGES.format).toContain('電話號碼');
  });
});
