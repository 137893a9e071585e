// PUB-4 Atom feed of new jobs (RFC 4287), pure: the most recently posted published jobs → the feed document.
// Times are ISO 8601 with the Taipei offset (SYS-7); the validity period in the summary is ROC (105/05/01～105/05/31).
import { formatRoc } from '../../../platform/tw/roc-date.ts';
import { workPlaceNames } from '../job-page/job-page.rules.ts';
import { cleanText, rankTextOf, type ExportVacancy } from './export-fields.rules.ts';

export const ATOM_LIMIT = 50;
export const FEED_TITLE = '事求人機關徵才系統 新職缺';

export type AtomVacancy = Pick<
  ExportVacancy,
  'workId' | 'title' | 'orgName' | 'workPlaces' | 'workPlaceText' | 'rankText' | 'gradeMin' | 'gradeMax' | 'validFrom' | 'validTo'
> & { postedAt: Date; updatedAt: Date };

/** `2016-05-01T00:00:00+08:00`: an instant in Taipei time (UTC+8, no daylight saving). */
export function taipeiIso(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** XML escaping for text and attribute values. */
export function escapeXml(s: string): string {
  return cleanText(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** 「職稱 － 機關名稱」 */
export function entryTitle(v: Pick<AtomVacancy, 'title' | 'orgName'>): string {
  return `${v.title} － ${v.orgName}`;
}

/** 工作地點、官等職等 (when given) and 上網有效期間 in ROC form, one line. */
export function entrySummary(v: AtomVacancy): string {
  const rank = v.rankText.trim() || rankTextOf(v.gradeMin, v.gradeMax);
  const parts = [`工作地點：${workPlaceNames(v)}`];
  if (rank) parts.push(`官等職等：${rank}`);
  parts.push(`上網有效期間：${formatRoc(v.validFrom)}～${formatRoc(v.validTo)}`);
  return parts.join('；');
}

/** An entry's updated: its last change, never before it was posted. */
const entryUpdated = (v: AtomVacancy): Date => (v.updatedAt > v.postedAt ? v.updatedAt : v.postedAt);

/**
 * The feed. id = the feed's own URL, entry id = the job page URL (stable: a job keeps its 職缺編號). Feed
 * updated = the newest entry updated (or `now` for an empty feed), so the document is the same until a job changes.
 */
export function toAtom(opts: { baseUrl: string; now: Date; jobs: readonly AtomVacancy[]; jobUrl: (workId: string) => string }): string {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const self = `${base}/opendata/jobs.atom`;
  const newest = opts.jobs.reduce<Date | null>((max, v) => {
    const u = entryUpdated(v);
    return max === null || u > max ? u : max;
  }, null);
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-Hant-TW">',
    `  <id>${escapeXml(self)}</id>`,
    `  <title>${escapeXml(FEED_TITLE)}</title>`,
    `  <subtitle>${escapeXml(`最新刊登的 ${ATOM_LIMIT} 筆職缺`)}</subtitle>`,
    `  <updated>${taipeiIso(newest ?? opts.now)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/jobs`)}"/>`,
    '  <author><name>事求人機關徵才系統</name></author>',
    `  <rights>${escapeXml('政府資料開放授權條款第1版')}</rights>`,
  ];
  for (const v of opts.jobs) {
    const url = opts.jobUrl(v.workId);
    out.push(
      '  <entry>',
      `    <id>${escapeXml(url)}</id>`,
      `    <title>${escapeXml(entryTitle(v))}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <published>${taipeiIso(v.postedAt)}</published>`,
      `    <updated>${taipeiIso(entryUpdated(v))}</updated>`,
      `    <author><name>${escapeXml(v.orgName)}</name></author>`,
      `    <summary>${escapeXml(entrySummary(v))}</summary>`,
      '  </entry>',
    );
  }
  out.push('</feed>');
  return out.join('\n') + '\n';
}
