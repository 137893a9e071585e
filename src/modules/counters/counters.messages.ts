import { defineMessages } from '../../platform/i18n/i18n.ts';

export const counterMessages = defineMessages(
  { title: '上線人數統計', online: '目前線上人數', today: '今日總計人數', total: '累積上線人數', date: '日期' },
  { title: 'Visitors', online: 'Online now', today: 'Visitors today', total: 'Visitors in total', date: 'Date' },
);
