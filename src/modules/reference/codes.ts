// Code tables of ADM-2 held in committed JSON (./data, each file names its _source): 工作地, 職系,
// 官等職等, 人員區分, and the agencies seen in data. Agencies also live in the `agencies` table (agency.repo.ts).
import type { AccessMode, RankType } from '../vacancies/index.ts';
import { agencyNameKey } from './agency.rules.ts';
import agenciesJson from './data/agencies.json' with { type: 'json' };
import personKindsJson from './data/person-kinds.json' with { type: 'json' };
import rankGradesJson from './data/rank-grades.json' with { type: 'json' };
import sysnamJson from './data/sysnam.json' with { type: 'json' };
import workPlacesJson from './data/work-places.json' with { type: 'json' };

export interface WorkPlace {
  readonly code: string;
  readonly name: string;
  /** Seen in older data only; search forms offer current codes only. */
  readonly historical: boolean;
  /** For a historical code: the current code that replaced it (21 福建省連江縣 → 98 連江縣). */
  readonly currentCode?: string;
}
export interface Sysnam {
  readonly code: string;
  readonly name: string;
  readonly class: '行政類' | '技術類' | null;
}
export interface RankTypeEntry {
  readonly name: RankType;
  readonly grades: readonly number[];
}
export interface PersonKind {
  readonly code: string;
  readonly name: string;
  /** 'spec': the code is given by SPEC AGY-3; 'inferred': a documented guess (see data/person-kinds.json). */
  readonly codeSource: 'spec' | 'inferred';
}
export interface ReferenceAgency {
  readonly code: string;
  readonly name: string;
  readonly codeKnown: boolean;
}

const freezeAll = <T extends object>(rows: T[]): readonly T[] => Object.freeze(rows.map((r) => Object.freeze(r)));

const WORK_PLACES: readonly WorkPlace[] = freezeAll(
  workPlacesJson.workPlaces.map((w) => ({
    code: w.code,
    name: w.name,
    historical: w.historical,
    ...('currentCode' in w && typeof w.currentCode === 'string' ? { currentCode: w.currentCode } : {}),
  })),
);
const SYSNAM: readonly Sysnam[] = freezeAll(
  sysnamJson.sysnam.map((s) => ({ code: s.code, name: s.name, class: s.class as Sysnam['class'] })),
);
const RANK_TYPES: readonly RankTypeEntry[] = freezeAll(
  rankGradesJson.rankTypes.map((r) => ({ name: r.name as RankType, grades: Object.freeze([...r.grades]) })),
);
const PERSON_KINDS: readonly PersonKind[] = freezeAll(
  personKindsJson.personKinds.map((p) => ({ code: p.code, name: p.name, codeSource: p.codeSource as PersonKind['codeSource'] })),
);
const AGENCIES: readonly ReferenceAgency[] = freezeAll(
  agenciesJson.agencies.map((a) => ({ code: a.code, name: a.name, codeKnown: a.codeKnown })),
);

const byKey = <T, K>(rows: readonly T[], key: (r: T) => K): ReadonlyMap<K, T> => new Map(rows.map((r) => [key(r), r]));
const WORK_PLACE_BY_CODE = byKey(WORK_PLACES, (w) => w.code);
const SYSNAM_BY_CODE = byKey(SYSNAM, (s) => s.code);
const SYSNAM_BY_NAME = byKey(SYSNAM, (s) => s.name);
const PERSON_KIND_BY_CODE = byKey(PERSON_KINDS, (p) => p.code);
const PERSON_KIND_BY_KEY = byKey(PERSON_KINDS, (p) => nameKey(p.name));
const AGENCY_BY_CODE = byKey(AGENCIES, (a) => a.code);
const AGENCY_BY_NAME = byKey(AGENCIES, (a) => agencyNameKey(a.name));

/** NFKC (full-width → half-width, （）→ ()) and no whitespace: how free-text names are matched. */
function nameKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

// ── 工作地 (AGY-2) ─────────────────────────────────────────────────────────────

/** Every known code, current ones first (SPEC AGY-2 order), then historical ones. */
export function allWorkPlaces(): readonly WorkPlace[] {
  return WORK_PLACES;
}

/** The codes a search form or the vacancy form offers (no historical codes). */
export function currentWorkPlaces(): readonly WorkPlace[] {
  return WORK_PLACES.filter((w) => !w.historical);
}

export function workPlaceName(code: string): string | null {
  return WORK_PLACE_BY_CODE.get(code)?.name ?? null;
}

/** True for a current code; with includeHistorical, also for codes seen only in older data (21, 32). */
export function isWorkPlaceCode(code: string, opts: { includeHistorical?: boolean } = {}): boolean {
  const w = WORK_PLACE_BY_CODE.get(code);
  return w !== undefined && (!w.historical || opts.includeHistorical === true);
}

/** The current code for a known code (historical codes map to their successor); null if unknown. */
export function currentWorkPlaceCode(code: string): string | null {
  const w = WORK_PLACE_BY_CODE.get(code);
  if (!w) return null;
  return w.historical ? (w.currentCode ?? null) : w.code;
}

// ── 職系 ──────────────────────────────────────────────────────────────────────

/** 0100 無, then the 57 職系 in code order. */
export function sysnamList(): readonly Sysnam[] {
  return SYSNAM;
}

export function sysnamName(code: string): string | null {
  return SYSNAM_BY_CODE.get(code)?.name ?? null;
}

export function isSysnamCode(code: string): boolean {
  return SYSNAM_BY_CODE.has(code);
}

/**
 * The 職系 named by a free-text value such as the feed's SYSNAM: whitespace and full-width forms are
 * ignored, a trailing 「職系」 is dropped, 「無」 is 0100. Only exact names of the 57 current 職系 match:
 * pre-2020 names (一般行政, 電力工程…), lists (「建築工程職系、土木工程職系」) and noise give null.
 */
export function sysnamByName(text: string): Sysnam | null {
  let key = nameKey(text);
  if (key.endsWith('職系')) key = key.slice(0, -'職系'.length);
  if (key === '') return null;
  return SYSNAM_BY_NAME.get(key) ?? null;
}

// ── 官等職等 ──────────────────────────────────────────────────────────────────

/** 委任 1–5, 薦任 6–9, 簡任 10–14 (公務人員任用法 §5), 其他 (no grade). */
export function rankTypes(): readonly RankTypeEntry[] {
  return RANK_TYPES;
}

export function isRankType(text: string): text is RankType {
  return RANK_TYPES.some((r) => r.name === text);
}

export function gradesOf(rankType: RankType): readonly number[] {
  return RANK_TYPES.find((r) => r.name === rankType)?.grades ?? [];
}

/** The 官等 a 職等 (1..14) belongs to; null outside 1..14. */
export function rankTypeOfGrade(grade: number): RankType | null {
  return RANK_TYPES.find((r) => r.grades.includes(grade))?.name ?? null;
}

// ── 人員區分 (AGY-3) ──────────────────────────────────────────────────────────

/** SPEC AGY-3: these 人員區分 default to 不須具公務人員任用資格 (open); every other code to 須具. */
export const OPEN_PERSON_KIND_CODES: ReadonlySet<string> = new Set([
  '12', '13', '80', '81', '82', '83', '84', '90', '91', '92', '93', '95', '96', '99',
]);

export function personKinds(): readonly PersonKind[] {
  return PERSON_KINDS;
}

export function personKindName(code: string): string | null {
  return PERSON_KIND_BY_CODE.get(code)?.name ?? null;
}

/** The 人員區分 named by free text (feed PERSON_KIND); full-width/half-width brackets and spaces ignored. */
export function personKindByName(text: string): PersonKind | null {
  return PERSON_KIND_BY_KEY.get(nameKey(text)) ?? null;
}

/** AGY-3: 'open' (不須具) for the codes of OPEN_PERSON_KIND_CODES, 'civil_service' (須具) for any other. */
export function defaultAccessMode(code: string | null): Extract<AccessMode, 'open' | 'civil_service'> {
  return code !== null && OPEN_PERSON_KIND_CODES.has(code) ? 'open' : 'civil_service';
}

// ── 機關 (committed seed; the live table is `agencies`) ───────────────────────

/** Every agency of the committed seed: those of the 2016 feed plus A58000000A 行政院人事行政總處. */
export function referenceAgencies(): readonly ReferenceAgency[] {
  return AGENCIES;
}

export function referenceAgency(code: string): ReferenceAgency | null {
  return AGENCY_BY_CODE.get(code) ?? null;
}

/** The seed agency with this name (whitespace and full-width forms ignored), known code or synthetic. */
export function referenceAgencyByName(name: string): ReferenceAgency | null {
  return AGENCY_BY_NAME.get(agencyNameKey(name)) ?? null;
}
