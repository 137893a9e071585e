import { describe, expect, it } from 'vitest';
import { checkVacancyText, reviewLabel } from './agency-check.rules.ts';

const base = { title: '科員', workQuality: '具公務人員高考三級及格。', workItem: '辦理人事業務。', workAddress: '宜蘭縣宜蘭市縣政北路1號', contactMethod: '人事處 王小姐 03-9251000' };

describe('ADM-1 automatic check of the vacancy text', () => {
  it.each([
    ['35歲以下'],
    ['年齡限45歲以內'],
    ['未滿40歲'],
    ['民國80年以後出生'],
    ['年滿18歲至30歲'],
    ['限年齡'],
    ['65年1月1日以後出生者'],
    ['年齡須在30歲以下'],
    ['３５歲以下者'],
  ])('ADM-1 flags the age limit %s as 待審核 with the reason', (phrase) => {
    const v = checkVacancyText({ ...base, workQuality: `具大學學歷，${phrase}。` });
    expect(v.status).toBe('flagged');
    expect(v.reasons.join()).toMatch(/年齡/);
  });

  it('ADM-1 flags marital status and appearance limits', () => {
    expect(checkVacancyText({ ...base, workQuality: '限未婚，身高160公分以上' }).reasons).toHaveLength(2);
  });

  it('ADM-1 passes an ordinary vacancy as 審核通過', () => {
    const v = checkVacancyText({ ...base, workQuality: '一、具公務人員高等考試三級考試及格。二、具電腦操作能力，惟不限制應徵者年齡。三、服務滿3年以上者優先。' });
    expect(v).toEqual({ status: 'approved', reasons: [] });
    expect(reviewLabel(v.status)).toBe('審核通過');
    expect(reviewLabel('flagged')).toBe('待審核');
  });

  it('ADM-1 checks the title and every free-text section', () => {
    expect(checkVacancyText({ ...base, contactMethod: '30歲以下者請來電' }).status).toBe('flagged');
    expect(checkVacancyText({ ...base, title: '約僱人員（35歲以下）' }).status).toBe('flagged');
  });
});
