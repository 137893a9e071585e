// The one way a door's mail is written (accounts, eCPA): paragraphs, a `{ link }` part on its own line (text) or as
// a link (HTML), then the no-reply notice and the site's name with its home page. zh-TW, plain text + HTML, links
// absolute to config.baseUrl; the caller queues it with enqueueMail in the transaction of the change (SYS-1).
import Html from '@kitajs/html';
import type { OutgoingMail } from '../outbox/outbox.ts';
import { formatRocLong } from '../tw/roc-date.ts';

export type MailPart = string | { link: string };

const taipeiTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hour12: false });

/** 民國 114 年 03 月 04 日 09:00 (Taipei). */
export function rocDateTime(d: Date): string {
  return `${formatRocLong(d)} ${taipeiTime.format(d)}`;
}

export interface MailSite {
  /** The site's name, also the subject's prefix 【name】. */
  name: string;
  /** Between the name and the home page in the footer. */
  separator: string;
  /** The home page, absolute. */
  home: string;
}

const NOTICE = '本信件由系統自動寄發，請勿直接回覆。';

export function composeMail(site: MailSite, input: { to: string; subject: string; parts: MailPart[]; kind: string }): OutgoingMail {
  const { to, subject, parts, kind } = input;
  const text = [...parts.map((p) => (typeof p === 'string' ? p : p.link)), '', NOTICE, `${site.name}${site.separator}${site.home}`].join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n';
  const body = parts
    .map((p) =>
      typeof p === 'string'
        ? `<p>${Html.escapeHtml(p).replace(/\n/g, '<br>')}</p>`
        : `<p><a href="${Html.escapeHtml(p.link)}">${Html.escapeHtml(p.link)}</a></p>`,
    )
    .join('\n');
  const home = Html.escapeHtml(site.home);
  const html = [
    '<!doctype html>',
    `<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>${Html.escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.6; color: #1b1b1b;">',
    body,
    '<hr>',
    `<p style="color: #4a4a4a; font-size: 90%;">${Html.escapeHtml(NOTICE)}<br>${Html.escapeHtml(site.name + site.separator)}<a href="${home}">${home}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject: `【${site.name}】${subject}`, text, html, headers: { 'X-Shiqiuren-Kind': kind } };
}
