// The mails of PUB-5, zh-TW, plain text + HTML, links absolute to config.baseUrl. Queued with enqueueMail in the
// transaction of the change (SYS-1). Every mail that comes from the subscription itself (digest, expiry notice)
// carries List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058 one-click).
import Html from '@kitajs/html';
import type { OutgoingMail } from '../../platform/outbox/outbox.ts';
import { formatRoc, formatRocLong } from '../../platform/tw/roc-date.ts';
import { workPlaceName } from '../reference/index.ts';
import { jobPath, EMPTY_FILTERS, searchHref, type VacancyListRow, type RankType } from '../vacancies/index.ts';
import { describeConditions } from './newsletter.messages.ts';
import { newsletterPaths } from './newsletter.paths.ts';
import { CONFIRM_HOURS, lastDayOf, type Conditions } from './newsletter.rules.ts';

const SITE = '事求人機關徵才系統';
const SUBJECT_PREFIX = `【${SITE}】`;

const taipeiTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hour12: false });

/** 民國 115 年 06 月 20 日 07:00 (Taipei). */
function rocDateTime(d: Date): string {
  return `${formatRocLong(d)} ${taipeiTime.format(d)}`;
}

export interface MailContext {
  baseUrl: string;
}

/** A paragraph, a link on its own line, or label：value lines. */
type Part = string | { link: string; label?: string } | { lines: { label: string; value: string }[] } | { html: string; text: string };

const esc = (s: string): string => Html.escapeHtml(s);

function compose(c: MailContext, to: string, subject: string, parts: Part[], kind: string, headers: Record<string, string> = {}): OutgoingMail {
  const footer = ['本信件由系統自動寄發，請勿直接回覆。', `${SITE}　${c.baseUrl}/`];
  const textOf = (p: Part): string =>
    typeof p === 'string'
      ? p
      : 'link' in p
        ? (p.label ? `${p.label}：\n` : '') + p.link
        : 'lines' in p
          ? p.lines.map((l) => `${l.label}：${l.value}`).join('\n')
          : p.text;
  const htmlOf = (p: Part): string =>
    typeof p === 'string'
      ? `<p>${esc(p).replace(/\n/g, '<br>')}</p>`
      : 'link' in p
        ? `<p>${p.label ? `${esc(p.label)}：<br>` : ''}<a href="${esc(p.link)}">${esc(p.link)}</a></p>`
        : 'lines' in p
          ? `<table role="presentation" style="border-collapse: collapse;">${p.lines.map((l) => `<tr><th scope="row" style="text-align: left; padding: 2px 12px 2px 0; white-space: nowrap;">${esc(l.label)}</th><td style="padding: 2px 0;">${esc(l.value)}</td></tr>`).join('')}</table>`
          : p.html;
  const text = [...parts.map(textOf), '', ...footer].join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n';
  const html = [
    '<!doctype html>',
    `<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>${esc(SUBJECT_PREFIX + subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.6; color: #1b1b1b;">',
    parts.map(htmlOf).join('\n'),
    '<hr>',
    `<p style="color: #4a4a4a; font-size: 90%;">${footer.map(esc).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject: SUBJECT_PREFIX + subject, text, html, headers: { 'X-Shiqiuren-Kind': kind, ...headers } };
}

/** List-Unsubscribe (RFC 2369) with the one-click POST of RFC 8058. */
export function unsubscribeHeaders(c: MailContext, linkToken: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${c.baseUrl}${newsletterPaths.unsubscribe(linkToken)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** 電子報訂閱確認信 (double opt-in). */
export function confirmationMail(c: MailContext, m: { to: string; token: string; conditions: Conditions; months: number; tokenExpiresAt: Date; change: boolean }): OutgoingMail {
  return compose(
    c,
    m.to,
    '電子報訂閱確認信',
    [
      '您好：',
      m.change
        ? `我們收到變更本信箱（${m.to}）${SITE}電子報訂閱條件的申請。新的訂閱條件如下：`
        : `我們收到以本信箱（${m.to}）訂閱${SITE}電子報的申請。訂閱條件如下：`,
      { lines: describeConditions('zh-TW', m.conditions) },
      `請點選下列連結確認訂閱；確認後開始寄送，訂閱有效期間為 ${m.months} 個月。無法點選時，請將網址複製到瀏覽器的網址列。`,
      { link: c.baseUrl + newsletterPaths.confirm(m.token) },
      `※注意：本連結有效時間為 ${CONFIRM_HOURS} 小時（至 ${rocDateTime(m.tokenExpiresAt)} 止），且只能使用一次。`,
      m.change ? '若您沒有申請變更，請忽略本信，訂閱條件不會變更。' : '若您沒有申請訂閱，請忽略本信，您不會收到電子報。',
    ],
    'newsletter-confirm',
  );
}

/** 電子報取消: the link that cancels, sent to the address on request. */
export function cancelLinkMail(c: MailContext, m: { to: string; linkToken: string }): OutgoingMail {
  return compose(
    c,
    m.to,
    '電子報取消',
    [
      '您好：',
      `我們收到取消本信箱（${m.to}）${SITE}電子報訂閱的申請。請點選下列連結，按「確認取消訂閱」即完成取消：`,
      { link: c.baseUrl + newsletterPaths.unsubscribe(m.linkToken) },
      { label: '如只要變更訂閱條件，請使用', link: c.baseUrl + newsletterPaths.manage(m.linkToken) },
      '若您沒有申請取消，請忽略本信，訂閱不會變更。',
    ],
    'newsletter-cancel-link',
  );
}

export interface DigestMailInput {
  to: string;
  linkToken: string;
  conditions: Conditions;
  today: string;
  jobs: VacancyListRow[];
  total: number;
  expiresAt: Date;
}

function placesOf(job: VacancyListRow): string {
  return job.workPlaces.map((code) => workPlaceName(code) ?? code).join('、') || job.workPlaceText;
}

/** The daily digest: the new jobs matching the conditions, with the manage and one-click unsubscribe links. */
export function digestMail(c: MailContext, m: DigestMailInput): OutgoingMail {
  const more = m.total - m.jobs.length;
  const search =
    c.baseUrl +
    searchHref({
      ...EMPTY_FILTERS,
      keyword: m.conditions.keyword,
      place: m.conditions.places,
      sysnam: m.conditions.sysnams[0] ?? null,
      kind: m.conditions.personKinds[0] ?? null,
      rank: m.conditions.rankTypes as RankType[],
    });
  const jobText = m.jobs
    .map((j, i) =>
      [
        `${i + 1}. ${j.title}｜${j.orgName}`,
        `   職系：${j.sysnamText || '－'}　官職等：${j.rankText || '－'}`,
        `   工作地點：${placesOf(j) || '－'}　有效期間：${formatRoc(j.validFrom)}～${formatRoc(j.validTo)}`,
        `   ${c.baseUrl}${jobPath(j.workId)}`,
      ].join('\n'),
    )
    .join('\n\n');
  const jobHtml =
    '<ol>' +
    m.jobs
      .map(
        (j) =>
          `<li style="margin-bottom: 12px;"><a href="${esc(c.baseUrl + jobPath(j.workId))}">${esc(j.title)}</a>｜${esc(j.orgName)}<br>` +
          `職系：${esc(j.sysnamText || '－')}　官職等：${esc(j.rankText || '－')}<br>` +
          `工作地點：${esc(placesOf(j) || '－')}　有效期間：${esc(formatRoc(j.validFrom))}～${esc(formatRoc(j.validTo))}</li>`,
      )
      .join('') +
    '</ol>';
  const parts: Part[] = [
    '您好：',
    `以下是上次寄送以來新刊登、符合您訂閱條件的職缺，共 ${m.total} 筆：`,
    { text: jobText, html: jobHtml },
  ];
  if (more > 0) parts.push({ label: `另有 ${more} 筆未列出，請至網站查詢符合條件的職缺`, link: search });
  parts.push(
    '您的訂閱條件：',
    { lines: describeConditions('zh-TW', m.conditions) },
    `訂閱有效期限至 ${formatRoc(lastDayOf(m.expiresAt))}，到期後不再寄送；再次訂閱即可延長。`,
    { label: '變更訂閱條件', link: c.baseUrl + newsletterPaths.manage(m.linkToken) },
    { label: '取消訂閱（不再收到電子報）', link: c.baseUrl + newsletterPaths.unsubscribe(m.linkToken) },
  );
  return compose(c, m.to, `電子報：新職缺 ${m.total} 筆（${formatRoc(m.today)}）`, parts, 'newsletter-digest', unsubscribeHeaders(c, m.linkToken));
}

/** One notice when a subscription has ended, with a link to renew it (conditions pre-filled). */
export function expiryNoticeMail(c: MailContext, m: { to: string; linkToken: string; expiresAt: Date }): OutgoingMail {
  return compose(
    c,
    m.to,
    '電子報訂閱已到期',
    [
      '您好：',
      `您以本信箱（${m.to}）訂閱的${SITE}電子報已於 ${formatRoc(lastDayOf(m.expiresAt))} 到期，系統不再寄送。`,
      { label: '要繼續收到新職缺通知，請點選下列連結重新訂閱（已帶入原訂閱條件）', link: c.baseUrl + newsletterPaths.manage(m.linkToken) },
      '若不需要，請忽略本信；這是最後一封電子報通知。',
    ],
    'newsletter-expired',
    unsubscribeHeaders(c, m.linkToken),
  );
}
