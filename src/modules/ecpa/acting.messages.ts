// Texts of 代理機關 (ADM-2), zh-TW first with the English twin (SYS-6).
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const actingMessages = defineMessages(
  {
    'acting.title': '代理機關',
    'acting.intro': '您經人事總處授權，可處理下列機關的徵才事務。選定後，機關徵才系統的職缺、應徵者及通知均為所選機關的資料。',
    'acting.legend': '目前處理的機關',
    'acting.own': '（本機關）',
    'acting.submit': '確定',
    'acting.back': '回應用系統',
    'acting.refused': '請選擇本機關或經授權的機關',
    'acting.done': '目前處理的機關：{agency}',
    'acting.link': '代理機關：{agency}（切換）',
  },
  {
    'acting.title': 'Acting agency',
    'acting.intro': 'The DGPA has granted you the recruitment of the agencies below. Once chosen, the agency recruitment system shows the chosen agency’s jobs, applicants and notices.',
    'acting.legend': 'Agency you act for',
    'acting.own': ' (own agency)',
    'acting.submit': 'Confirm',
    'acting.back': 'Back to applications',
    'acting.refused': 'Choose your own agency or a granted one',
    'acting.done': 'You now act for: {agency}',
    'acting.link': 'Acting agency: {agency} (change)',
  },
);
