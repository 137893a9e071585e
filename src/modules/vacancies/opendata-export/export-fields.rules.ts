// PUB-4 open-data export, pure: one stored vacancy → one DGPA feed ROW (every field a string, in the DGPA value
// conventions). The inverse of ../opendata/feed.rules.ts: what that importer stored verbatim comes back verbatim,
// and a vacancy posted here (whose text columns may be empty) gets its text built from the parsed columns.
import { rankTypeOfGrade, sysnamName, workPlaceName } from '../../reference/index.ts';
import { formatRocCompact } from '../../../platform/tw/roc-date.ts';
import { FEED_FIELDS, type FeedField } from '../opendata/feed.parse.ts';
import type { vacancies } from '../vacancy.schema.ts';

/** Element order of a ROW: the 22 elements of the real 2016 feed in its order, then ORG_ID, RESERVE_NUM, IS_TRANSFER, Work_Type. */
export const EXPORT_FIELDS: readonly FeedField[] = FEED_FIELDS;

export type ExportRow = Readonly<Record<FeedField, string>>;

type VacancyRow = typeof vacancies.$inferSelect;

/** The columns the export reads (nothing else leaves the database: no filler, no review data). */
export type ExportVacancy = Pick<
  VacancyRow,
  | 'workId' | 'orgId' | 'orgName' | 'personKind' | 'title' | 'rankText' | 'gradeMin' | 'gradeMax' | 'sysnamText' | 'sysnamCode'
  | 'numberOfText' | 'headcount' | 'reserveNum' | 'genderType' | 'gender' | 'workPlaceText' | 'workPlaces' | 'validFrom'
  | 'validTo' | 'isHandicap' | 'isOriginal' | 'isLocalOriginal' | 'isTraning' | 'isTransfer' | 'typeText' | 'rankTypes'
  | 'vitaeEmail' | 'workQuality' | 'workItem' | 'workAddress' | 'contactMethod' | 'urlLink' | 'workType'
>;

// XML 1.0 allows TAB, LF, CR and U+0020… except surrogates (unpaired ones here), U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * A value as every format carries it: line breaks (CRLF, CR) become LF — what any XML parser reads back, and
 * what a browser's CRLF from a textarea means — and characters XML 1.0 cannot carry at all (C0 controls other
 * than TAB/LF/CR, U+FFFE/U+FFFF, unpaired surrogates) are dropped. Nothing else changes: spaces, tabs and
 * leading/trailing whitespace stay.
 */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(NOT_XML_CHAR, '');
}

const yn = (b: boolean): 'Y' | 'N' => (b ? 'Y' : 'N');

/** `,10-臺北市,30-新竹市`: the DGPA form (leading comma, code-name pairs), built from codes. */
export function workPlaceTypeOf(codes: readonly string[]): string {
  return codes.map((c) => `,${c}-${workPlaceName(c) ?? ''}`).join('');
}

/**
 * A RANK text for a grade range (vacancies posted here keep only the parsed range): 「委任第5職等」,
 * 「薦任第6職等至第7職等」, 「委任第5職等至薦任第7職等」 — the form ../opendata/free-text.rules.ts parses back.
 */
export function rankTextOf(min: number | null, max: number | null): string {
  if (min === null || max === null) return '';
  const lo = rankTypeOfGrade(min) ?? '';
  if (min === max) return `${lo}第${min}職等`;
  const hi = rankTypeOfGrade(max) ?? '';
  return `${lo}第${min}職等至${hi === lo ? '' : hi}第${max}職等`;
}

const GENDER_TEXT = { M: '男', F: '女', any: '不拘' } as const;

/** The stored text when there is one (imported rows), else the text built from the parsed column. */
const or = (text: string | null, built: () => string): string => (text !== null && text !== '' ? text : built());

/**
 * One ROW. Verbatim stored text wins (rank_text, sysnam_text, number_of_text, gender_type, work_place_text,
 * type_text); when it is empty the text is built from the parsed column. Dates are ROC yyyMMdd, flags Y/N,
 * IS_TRANSFER Y/N or empty when unknown, absent newer fields empty. VIEW_URL is `viewUrl(workId)` — this site
 * (`viewUrlOf`: the job page with `?work_id=`).
 */
export function exportRow(v: ExportVacancy, viewUrl: (workId: string) => string): ExportRow {
  const row: Record<FeedField, string> = {
    ORG_NAME: v.orgName,
    PERSON_KIND: v.personKind,
    RANK: or(v.rankText, () => rankTextOf(v.gradeMin, v.gradeMax)),
    TITLE: v.title,
    SYSNAM: or(v.sysnamText, () => (v.sysnamCode ? (sysnamName(v.sysnamCode) ?? '') : '')),
    NUMBER_OF: or(v.numberOfText, () => (v.headcount === null ? '' : String(v.headcount))),
    GENDER_TYPE: or(v.genderType, () => GENDER_TEXT[v.gender] ?? ''),
    WORK_PLACE_TYPE: or(v.workPlaceText, () => workPlaceTypeOf(v.workPlaces)),
    DATE_FROM: formatRocCompact(v.validFrom),
    DATE_TO: formatRocCompact(v.validTo),
    IS_HANDICAP: yn(v.isHandicap),
    IS_ORIGINAL: yn(v.isOriginal),
    IS_LOCAL_ORIGINAL: yn(v.isLocalOriginal),
    IS_TRANING: yn(v.isTraning),
    TYPE: or(v.typeText, () => v.rankTypes.join(',')),
    VITAE_EMAIL: v.vitaeEmail,
    WORK_QUALITY: v.workQuality,
    WORK_ITEM: v.workItem,
    WORK_ADDRESS: v.workAddress,
    CONTACT_METHOD: v.contactMethod,
    URL_LINK: v.urlLink,
    VIEW_URL: viewUrl(v.workId),
    ORG_ID: v.orgId ?? '',
    RESERVE_NUM: v.reserveNum ?? '',
    IS_TRANSFER: v.isTransfer === null ? '' : yn(v.isTransfer),
    Work_Type: v.workType ?? '',
  };
  for (const k of EXPORT_FIELDS) row[k] = cleanText(row[k]);
  return row;
}

/** `${baseUrl}/jobs/<work_id>`: the job page on this site (PUB-2). */
export function jobUrlOf(baseUrl: string): (workId: string) => string {
  const base = baseUrl.replace(/\/+$/, '');
  return (workId) => `${base}/jobs/${encodeURIComponent(workId)}`;
}

/**
 * VIEW_URL: `${baseUrl}/jobs/<work_id>?work_id=<work_id>` — the job page, carrying `work_id=` as DGPA's
 * `wantf00001_1.aspx?work_id=…` did, so programs that take the 職缺編號 with `work_id=(\d+)` keep working (PUB-4).
 * The job page ignores the query string.
 */
export function viewUrlOf(baseUrl: string): (workId: string) => string {
  const jobUrl = jobUrlOf(baseUrl);
  return (workId) => `${jobUrl(workId)}?work_id=${encodeURIComponent(workId)}`;
}
