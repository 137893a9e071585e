import { describe, expect, it } from 'vitest';
import { guardFormula } from './formula-guard.ts';

describe('guardFormula (issue 9 item 9)', () => {
  it('PUB-4 item 9: a formula after leading whitespace or control characters is guarded', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","x")',
      ' =HYPERLINK("http://evil.example","x")',
      '\n=cmd|\' /C calc\'!A0',
      '\r\n=1+1',
      '\t@SUM(A1:A2)',
      '\u3000=1+1',
      '\u200b=1+1',
      '\u0000=1',
      '＝HYPERLINK("x")',
      ' ＋1+2',
      '－2+3',
      '＠SUM(1)',
      '+cmd',
      '-2+3',
      '@SUM(1)',
      ' -1', // a number behind a space is not what a number field holds: guarded
      '\t=',
    ];
    for (const cell of hostile) expect(guardFormula(cell), JSON.stringify(cell)).toBe(`'${cell}`);
  });

  it('PUB-4 item 9: plain numbers, single characters and ordinary text are unchanged', () => {
    for (const cell of ['-', '+', '=', '@', '-1', '+886', '3.5', '-0.5', '', '1名', 'a=b', '「=」', '臺北市', 'https://x.example/?a=1']) {
      expect(guardFormula(cell), cell).toBe(cell);
    }
  });
});
