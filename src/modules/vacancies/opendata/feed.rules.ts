// Pure: one feed ROW (verbatim strings) → the columns of a `vacancies` row, or the reasons it cannot be one.
//
// Text: the long fields (WORK_QUALITY, WORK_ITEM, WORK_ADDRESS, CONTACT_METHOD) are stored exactly as
// published. The one-line fields (ORG_NAME, TITLE, PERSON_KIND, RANK, SYSNAM, NUMBER_OF, TYPE, GENDER_TYPE,
// WORK_PLACE_TYPE, VITAE_EMAIL, URL_LINK, VIEW_URL, ORG_ID, RESERVE_NUM, Work_Type) lose only leading and
// trailing whitespace. Each parsed column sits next to its verbatim text and is null when not certain.
//
// A row is rejected (never half-stored) when it has no 職缺編號 (VIEW_URL work_id), no ORG_NAME, TITLE or
// PERSON_KIND, a missing or impossible DATE_FROM / DATE_TO, DATE_TO before DATE_FROM, no known 工作地 code,
// or a Y/N flag holding something else.
import { defaultAccessMode, personKindByName, sysnamByName } from '../../reference/index.ts';
import type { vacancies } from '../vacancy.schema.ts';
import type { RawRow } from './feed.parse.ts';
import {
  addDays,
  genderOf,
  parseFeedDate,
  parseRankTypes,
  parseWorkPlaces,
  parseYesNo,
  taipeiMidnight,
  workIdFromViewUrl,
} from './feed-fields.rules.ts';
import { parseGradeRange, parseHeadcount } from './free-text.rules.ts';

export type NewVacancy = typeof vacancies.$inferInsert;

/** What normalizeRow fills: every feed-owned column (the rest keep their defaults). */
export type FeedVacancy = NewVacancy & {
  workId: string;
  orgName: string;
  validFrom: string;
  validTo: string;
  source: 'opendata_import' | 'demo';
};

export interface NormalizeContext {
  /** The feed's ANNOUNCE_DATE as an ISO date (already shifted when shiftDays is set), or null. */
  readonly announceDate: string | null;
  readonly source?: 'opendata_import' | 'demo';
  /** Days added to DATE_FROM / DATE_TO (the demo seed moves a 2016 feed to today). Default 0. */
  readonly shiftDays?: number;
}

export type NormalizeResult = { ok: true; vacancy: FeedVacancy } | { ok: false; reason: string; workId?: string };

const line = (v: string | undefined): string => (v ?? '').trim();
const verbatim = (v: string | undefined): string => v ?? '';
/** Absent element → null (older feeds); present → its trimmed text. */
const optional = (v: string | undefined): string | null => (v === undefined ? null : v.trim());

export function normalizeRow(raw: RawRow, ctx: NormalizeContext): NormalizeResult {
  const problems: string[] = [];

  const viewUrl = line(raw.VIEW_URL);
  const workId = workIdFromViewUrl(viewUrl);
  if (workId === null) {
    problems.push(viewUrl === '' ? 'VIEW_URL is empty: no 職缺編號 (work_id)' : `VIEW_URL has no 10-digit work_id: ${viewUrl}`);
  }

  const orgName = line(raw.ORG_NAME);
  const title = line(raw.TITLE);
  const personKind = line(raw.PERSON_KIND);
  if (orgName === '') problems.push('ORG_NAME is empty');
  if (title === '') problems.push('TITLE is empty');
  if (personKind === '') problems.push('PERSON_KIND is empty');

  const from = feedDate('DATE_FROM', raw.DATE_FROM, problems);
  const to = feedDate('DATE_TO', raw.DATE_TO, problems);
  if (from !== null && to !== null && to < from) problems.push(`DATE_TO ${line(raw.DATE_TO)} is before DATE_FROM ${line(raw.DATE_FROM)}`);

  const workPlaceText = line(raw.WORK_PLACE_TYPE);
  const places = parseWorkPlaces(workPlaceText);
  if (places.codes.length === 0) {
    problems.push(workPlaceText === '' ? 'WORK_PLACE_TYPE is empty' : `WORK_PLACE_TYPE has no known 工作地 code: ${workPlaceText}`);
  }

  const flag = (name: 'IS_HANDICAP' | 'IS_ORIGINAL' | 'IS_LOCAL_ORIGINAL' | 'IS_TRANING' | 'IS_TRANSFER'): boolean | null => {
    const v = raw[name];
    if (v === undefined) return null;
    const b = parseYesNo(v);
    if (b === null) problems.push(`${name} must be Y or N, not ${JSON.stringify(v.trim())}`);
    return b;
  };
  const isHandicap = flag('IS_HANDICAP') ?? false;
  const isOriginal = flag('IS_ORIGINAL') ?? false;
  const isLocalOriginal = flag('IS_LOCAL_ORIGINAL') ?? false;
  const isTraning = flag('IS_TRANING') ?? false;
  const isTransfer = raw.IS_TRANSFER === undefined || raw.IS_TRANSFER.trim() === '' ? null : flag('IS_TRANSFER');

  if (problems.length > 0 || workId === null || from === null || to === null) {
    return { ok: false, reason: problems.join('; '), ...(workId ? { workId } : {}) };
  }

  const shift = ctx.shiftDays ?? 0;
  const validFrom = addDays(from, shift);
  const validTo = addDays(to, shift);
  const rankText = line(raw.RANK);
  const grades = parseGradeRange(rankText);
  const sysnamText = line(raw.SYSNAM);
  const numberOfText = line(raw.NUMBER_OF);
  const typeText = line(raw.TYPE);
  const kind = personKindByName(personKind);
  const vitaeEmail = line(raw.VITAE_EMAIL);
  const genderType = line(raw.GENDER_TYPE);
  const orgId = optional(raw.ORG_ID);

  return {
    ok: true,
    vacancy: {
      workId,
      orgId: orgId === '' ? null : orgId,
      orgName,
      personKind,
      personKindCode: kind?.code ?? null,
      title,
      rankText,
      gradeMin: grades?.min ?? null,
      gradeMax: grades?.max ?? null,
      sysnamText,
      sysnamCode: sysnamByName(sysnamText)?.code ?? null,
      numberOfText,
      headcount: parseHeadcount(numberOfText),
      reserveNum: optional(raw.RESERVE_NUM),
      genderType,
      gender: genderOf(genderType),
      workPlaceText,
      workPlaces: places.codes,
      validFrom,
      validTo,
      isHandicap,
      isOriginal,
      isLocalOriginal,
      isTraning,
      isTransfer,
      typeText,
      rankTypes: parseRankTypes(typeText),
      vitaeEmail,
      resumesByEmail: vitaeEmail !== '',
      workQuality: verbatim(raw.WORK_QUALITY),
      workItem: verbatim(raw.WORK_ITEM),
      workAddress: verbatim(raw.WORK_ADDRESS),
      contactMethod: verbatim(raw.CONTACT_METHOD),
      urlLink: line(raw.URL_LINK),
      viewUrl,
      workType: optional(raw.Work_Type),
      accessMode: defaultAccessMode(kind?.code ?? null),
      source: ctx.source ?? 'opendata_import',
      announceDate: ctx.announceDate,
      // The feed has no 刊登日期: the start of the validity window stands in for it (newest first works).
      postedAt: taipeiMidnight(validFrom),
    },
  };
}

function feedDate(name: string, value: string | undefined, problems: string[]): string | null {
  const text = line(value);
  if (text === '') {
    problems.push(`${name} is empty`);
    return null;
  }
  const date = parseFeedDate(text);
  if (date === null) problems.push(`${name} ${text} is not a real date (ROC yyyMMdd)`);
  return date;
}
