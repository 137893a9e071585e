import { describe, expect, it } from 'vitest';
import { generatedAtLabel, pageLabel, period, rocOrRaw } from './resume-format.rules.ts';

describe('resume print formats', () => {
  it('SYS-7 ISO dates print in ROC form; empty stays empty; anything else prints as given', () => {
    expect(rocOrRaw('2016-05-15')).toBe('105/05/15');
    expect(rocOrRaw('2010-12-31')).toBe('099/12/31');
    expect(rocOrRaw('')).toBe('');
    expect(rocOrRaw('1900-01-01')).toBe('1900-01-01');
    expect(rocOrRaw('2016-02-30')).toBe('2016-02-30');
    expect(rocOrRaw('不詳')).toBe('不詳');
  });

  it('SYS-7 a period prints 起－迄 in ROC; an open end prints 迄今 only for 在職 and 就學中 (RES-5, RES-6)', () => {
    expect(period('2015-01-05', '2019-02-28', '離職')).toBe('104/01/05－108/02/28');
    expect(period('2019-03-01', '', '在職')).toBe('108/03/01－迄今');
    expect(period('2024-09-01', '', '就學中')).toBe('113/09/01－迄今');
    expect(period('2010-09-01', '', '肄業')).toBe('099/09/01－');
    expect(period('', '', '')).toBe('');
  });

  it('SYS-7 the print time is the Taipei date in ROC and the Taipei time', () => {
    expect(generatedAtLabel(new Date('2026-11-22T06:05:00Z'))).toBe('製表時間：民國 115 年 11 月 22 日 14:05');
    expect(generatedAtLabel(new Date('2026-11-21T16:30:00Z'))).toBe('製表時間：民國 115 年 11 月 22 日 00:30');
  });

  it('RES-13 page numbers read 第 N 頁，共 M 頁', () => {
    expect(pageLabel(1, 3)).toBe('第 1 頁，共 3 頁');
  });
});
