// Code tables of ADM-2 read synchronously everywhere: 工作地, 職系, 官等職等, 人員區分. Their rows live in the
// database (code_entries, seeded from the committed JSON in ./data, each file naming its _source); this process holds
// a snapshot, the JSON until the database's rows are loaded, replaced at once when the back office changes them
// (code-table.service.ts). The agencies seen in data stay committed JSON (referenceAgencies); the live agency table
// is `agencies` (agency.repo.ts).
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
  /** 停用 by the back office: still resolvable by code (old vacancies), not offered in forms. */
  readonly active: boolean;
}
export interface Sysnam {
  readonly code: string;
  readonly name: string;
  readonly class: '行政類' | '技術類' | null;
  readonly active: boolean;
}
export interface RankTypeEntry {
  readonly name: RankType;
  readonly grades: readonly number[];
  readonly active: boolean;
}
export interface PersonKind {
  readonly code: string;
  readonly name: string;
  /** 'spec': the code is given by SPEC AGY-3; 'inferred': a documented guess (see data/person-kinds.json); 'backoffice': added in the back office. */
  readonly codeSource: 'spec' | 'inferred' | 'backoffice';
  /** AGY-3 default: true = 不須具公務人員任用資格 (open), false = 須具. */
  readonly openAccess: boolean;
  readonly active: boolean;
}
export interface ReferenceAgency {
  readonly code: string;
  readonly name: string;
  readonly codeKnown: boolean;
}

/** SPEC AGY-3: these 人員區分 default to 不須具公務人員任用資格 (open); every other code to 須具 (the seed of the table). */
export const OPEN_PERSON_KIND_CODES: ReadonlySet<string> = new Set([
  '12', '13', '80', '81', '82', '83', '84', '90', '91', '92', '93', '95', '96', '99',
]);

/** The four code tables as rows, in display order: what the database holds (code_entries) or the committed JSON. */
export interface CodeTables {
  readonly workPlaces: readonly WorkPlace[];
  readonly sysnam: readonly Sysnam[];
  readonly rankTypes: readonly RankTypeEntry[];
  readonly personKinds: readonly PersonKind[];
}

const freezeAll = <T extends object>(rows: readonly T[]): readonly T[] => Object.freeze(rows.map((r) => Object.freeze({ ...r })));

/** The committed JSON (reference/data): the migration seeds the table with exactly these rows. */
export function committedCodeTables(): CodeTables {
  return {
    workPlaces: workPlacesJson.workPlaces.map((w) => ({
      code: w.code,
      name: w.name,
      historical: w.historical,
      active: true,
      ...('currentCode' in w && typeof w.currentCode === 'string' ? { currentCode: w.currentCode } : {}),
    })),
    sysnam: sysnamJson.sysnam.map((s) => ({ code: s.code, name: s.name, class: s.class as Sysnam['class'], active: true })),
    rankTypes: rankGradesJson.rankTypes.map((r) => ({ name: r.name as RankType, grades: [...r.grades], active: true })),
    personKinds: personKindsJson.personKinds.map((p) => ({
      code: p.code,
      name: p.name,
      codeSource: p.codeSource as PersonKind['codeSource'],
      openAccess: OPEN_PERSON_KIND_CODES.has(p.code),
      active: true,
    })),
  };
}

const byKey = <T, K>(rows: readonly T[], key: (r: T) => K): ReadonlyMap<K, T> => new Map(rows.map((r) => [key(r), r]));

function snapshotOf(t: CodeTables) {
  const workPlaces = freezeAll(t.workPlaces);
  const sysnam = freezeAll(t.sysnam.map((s) => ({ ...s })));
  const rankTypes = freezeAll(t.rankTypes.map((r) => ({ ...r, grades: Object.freeze([...r.grades]) })));
  const personKinds = freezeAll(t.personKinds);
  return Object.freeze({
    workPlaces,
    currentWorkPlaces: Object.freeze(workPlaces.filter((w) => !w.historical && w.active)),
    sysnam,
    activeSysnam: Object.freeze(sysnam.filter((s) => s.active)),
    rankTypes,
    activeRankTypes: Object.freeze(rankTypes.filter((r) => r.active)),
    personKinds,
    activePersonKinds: Object.freeze(personKinds.filter((p) => p.active)),
    workPlaceByCode: byKey(workPlaces, (w) => w.code),
    sysnamByCode: byKey(sysnam, (s) => s.code),
    sysnamByName: byKey(sysnam, (s) => s.name),
    personKindByCode: byKey(personKinds, (p) => p.code),
    personKindByKey: byKey(personKinds, (p) => nameKey(p.name)),
  });
}

/**
 * The snapshot every accessor below reads: the committed JSON until the database's rows are loaded (the module's
 * warm hook, then whenever code_tables_version moves — code-table.service.ts), replaced in one assignment.
 */
let S = snapshotOf(committedCodeTables());
let generation = 0;

/** Replaces the in-memory code tables at once (readers see the old or the new tables, never a mix). */
export function replaceCodeTables(tables: CodeTables): void {
  S = snapshotOf(tables);
  generation += 1;
}

/** Moves whenever the in-memory tables are replaced: what is rendered or derived from them once is stale then. */
export function codeTablesGeneration(): number {
  return generation;
}

/** The tables as currently held in memory. */
export function currentCodeTables(): CodeTables {
  return { workPlaces: S.workPlaces, sysnam: S.sysnam, rankTypes: S.rankTypes, personKinds: S.personKinds };
}

const AGENCIES: readonly ReferenceAgency[] = freezeAll(
  agenciesJson.agencies.map((a) => ({ code: a.code, name: a.name, codeKnown: a.codeKnown })),
);
const AGENCY_BY_CODE = byKey(AGENCIES, (a) => a.code);
const AGENCY_BY_NAME = byKey(AGENCIES, (a) => agencyNameKey(a.name));

/** NFKC (full-width → half-width, （）→ ()) and no whitespace: how free-text names are matched. */
function nameKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

// ── 工作地 (AGY-2) ─────────────────────────────────────────────────────────────

/** Every known code, current ones first (SPEC AGY-2 order), then historical ones. */
export function allWorkPlaces(): readonly WorkPlace[] {
  return S.workPlaces;
}

/** The codes a search form or the vacancy form offers (no historical codes, none the back office has 停用). */
export function currentWorkPlaces(): readonly WorkPlace[] {
  return S.currentWorkPlaces;
}

export function workPlaceName(code: string): string | null {
  return S.workPlaceByCode.get(code)?.name ?? null;
}

/** True for a current code; with includeHistorical, also for codes seen only in older data (21, 32). */
export function isWorkPlaceCode(code: string, opts: { includeHistorical?: boolean } = {}): boolean {
  const w = S.workPlaceByCode.get(code);
  return w !== undefined && (!w.historical || opts.includeHistorical === true);
}

/** A code the vacancy form offers today: current and not 停用 by the back office (ADM-2). */
export function isOfferedWorkPlaceCode(code: string): boolean {
  const w = S.workPlaceByCode.get(code);
  return w !== undefined && !w.historical && w.active;
}

/** The current code for a known code (historical codes map to their successor); null if unknown. */
export function currentWorkPlaceCode(code: string): string | null {
  const w = S.workPlaceByCode.get(code);
  if (!w) return null;
  return w.historical ? (w.currentCode ?? null) : w.code;
}

// ── 職系 ──────────────────────────────────────────────────────────────────────

/** What forms offer: 0100 無, then the 57 職系 in code order (none the back office has 停用). */
export function sysnamList(): readonly Sysnam[] {
  return S.activeSysnam;
}

/** Every 職系, 停用 ones included. */
export function allSysnam(): readonly Sysnam[] {
  return S.sysnam;
}

export function sysnamName(code: string): string | null {
  return S.sysnamByCode.get(code)?.name ?? null;
}

export function isSysnamCode(code: string): boolean {
  return S.sysnamByCode.has(code);
}

/** A 職系 the vacancy form offers today (not 停用, ADM-2). */
export function isOfferedSysnamCode(code: string): boolean {
  return S.sysnamByCode.get(code)?.active === true;
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
  return S.sysnamByName.get(key) ?? null;
}

// ── 官等職等 ──────────────────────────────────────────────────────────────────

/** 委任 1–5, 薦任 6–9, 簡任 10–14 (公務人員任用法 §5), 其他 (no grade). */
export function rankTypes(): readonly RankTypeEntry[] {
  return S.activeRankTypes;
}

/** Every 官等, 停用 ones included. */
export function allRankTypes(): readonly RankTypeEntry[] {
  return S.rankTypes;
}

export function isRankType(text: string): text is RankType {
  return S.rankTypes.some((r) => r.name === text);
}

/** A 官等 the vacancy form offers today (not 停用, ADM-2). */
export function isOfferedRankType(text: string): text is RankType {
  return S.rankTypes.some((r) => r.name === text && r.active);
}

export function gradesOf(rankType: RankType): readonly number[] {
  return S.rankTypes.find((r) => r.name === rankType)?.grades ?? [];
}

/** The 官等 a 職等 (1..14) belongs to; null outside 1..14. */
export function rankTypeOfGrade(grade: number): RankType | null {
  return S.rankTypes.find((r) => r.grades.includes(grade))?.name ?? null;
}

// ── 人員區分 (AGY-3) ──────────────────────────────────────────────────────────

/** What forms offer (none the back office has 停用). */
export function personKinds(): readonly PersonKind[] {
  return S.activePersonKinds;
}

/** Every 人員區分, 停用 ones included. */
export function allPersonKinds(): readonly PersonKind[] {
  return S.personKinds;
}

export function personKindName(code: string): string | null {
  return S.personKindByCode.get(code)?.name ?? null;
}

/** A 人員區分 the vacancy form offers today (not 停用, ADM-2). */
export function isOfferedPersonKindCode(code: string): boolean {
  return S.personKindByCode.get(code)?.active === true;
}

/** The 人員區分 named by free text (feed PERSON_KIND); full-width/half-width brackets and spaces ignored. */
export function personKindByName(text: string): PersonKind | null {
  return S.personKindByKey.get(nameKey(text)) ?? null;
}

/** AGY-3: 'open' (不須具) for a 人員區分 whose table row says so (seeded from OPEN_PERSON_KIND_CODES), 'civil_service' (須具) for any other. */
export function defaultAccessMode(code: string | null): Extract<AccessMode, 'open' | 'civil_service'> {
  if (code === null) return 'civil_service';
  const kind = S.personKindByCode.get(code);
  return (kind ? kind.openAccess : OPEN_PERSON_KIND_CODES.has(code)) ? 'open' : 'civil_service';
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
