// A valid 機關徵才登錄 form (AGY-2) for tests: every required field filled, valid from today for 20 days.
import { addDays, formatRoc } from '../../platform/tw/roc-date.ts';

export function vacancyFields(today: string, over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    orgAddress: '宜蘭縣宜蘭市縣政北路1號',
    fillerName: '王小明',
    fillerPhone: '03-9251000',
    fillerExt: '123',
    personKindCode: '13',
    title: '約僱人員（行政助理）',
    headcount: '2',
    workPlaces: ['26', '20'],
    validFrom: formatRoc(today),
    validTo: formatRoc(addDays(today, 20)),
    isHandicap: 'yes',
    rankTypes: ['其他'],
    grade: 'none',
    sysnamCode: 'none',
    gender: 'any',
    vitaeEmail: 'hr@example.gov.tw',
    workQuality: '高中以上學歷，具電腦文書處理能力。',
    workItem: '辦理行政庶務。',
    workAddress: '宜蘭縣宜蘭市縣政北路1號',
    contactMethod: '人事處 王先生 03-9251000#123',
    accessMode: 'open',
    do: 'save',
    ...over,
  };
}
