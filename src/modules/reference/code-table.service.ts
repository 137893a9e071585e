// Use cases of the back office's code tables (ADM-2): add, edit, 停用/啟用 an agency or a code of 工作地, 職系,
// 官等職等, 人員區分 — each in one transaction with its audit row (before/after) and a bump of code_tables_version —
// and the freshness of the in-memory tables: after a change this process reloads at once, and every web process
// checks the version at most every few seconds (checkCodeTables, an onRequest hook) and reloads when it moved.
// Never a delete, never a change of a code's key: vacancies keep resolving every code they name.
import type { Actor } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import type { FieldErrors } from '../../platform/http/forms.ts';
import {
  agencyParents,
  bumpCodeTablesVersion,
  countVacanciesUsing,
  findAgencyRow,
  findEntry,
  insertAgencyRow,
  insertEntry,
  loadCodeTables,
  nextSortOrder,
  readCodeTablesVersion,
  updateAgencyRow,
  updateEntry,
  type AgencyRow,
  type CodeEntry,
} from './code-table.repo.ts';
import type {
  FORM_OF} from './code-table.rules.ts';
import {
  changedFields,
  currentCodeError,
  ENTRY_TABLE,
  parentAgencyError,
  type AgencyForm,
  type CodeTableSlug,
  type EditableSlug,
  type EntryTable
} from './code-table.rules.ts';
import { allWorkPlaces, replaceCodeTables } from './codes.ts';
import type { z } from 'zod';

export interface CodeTableDeps {
  db: Db;
  clock: Clock;
}

export type FormData<S extends EditableSlug> = z.output<(typeof FORM_OF)[S]>;
export type SaveResult = { ok: true; code: string } | { ok: false; errors: FieldErrors } | { ok: false; notFound: true };
export type ToggleResult = { ok: true; code: string; name: string; active: boolean; inUse: number } | { ok: false; notFound: true };

// ── freshness ────────────────────────────────────────────────────────────────────────────────────────────────────

let seenVersion: number | null = null;
let checkedAt = -Infinity;
let checking: Promise<void> | null = null;

/** Loads the tables from the database into memory now (start-up, and after this process changed them). */
export async function reloadCodeTables(q: Queryable): Promise<string> {
  const version = await readCodeTablesVersion(q);
  const tables = await loadCodeTables(q);
  if (tables.workPlaces.length + tables.sysnam.length + tables.personKinds.length > 0) replaceCodeTables(tables);
  seenVersion = version;
  checkedAt = performance.now();
  return `reference: code tables v${version} loaded (${tables.workPlaces.length} 工作地, ${tables.sysnam.length} 職系, ${tables.personKinds.length} 人員區分)`;
}

/**
 * Reloads the tables when code_tables_version moved, asking the database at most once per `maxAgeMs` (a change
 * made by another process shows here within that time). Cheap when not due: no query.
 */
export async function checkCodeTables(q: Queryable, maxAgeMs: number): Promise<void> {
  if (performance.now() - checkedAt < maxAgeMs) return;
  checking ??= (async () => {
    try {
      checkedAt = performance.now();
      const version = await readCodeTablesVersion(q);
      if (version !== seenVersion) await reloadCodeTables(q);
    } finally {
      checking = null;
    }
  })();
  await checking;
}

// ── agencies ─────────────────────────────────────────────────────────────────────────────────────────────────────

const agencyView = (a: AgencyRow) => ({ name: a.name, address: a.address, parentCode: a.parentCode, active: a.active });

async function parentError(q: Queryable, code: string, parentCode: string): Promise<string | null> {
  if (parentCode === '') return null;
  const chain = await agencyParents(q, parentCode);
  return parentAgencyError(code, parentCode, (c) => (chain.has(c) ? chain.get(c)! : c === parentCode ? undefined : null));
}

export async function createAgency(deps: CodeTableDeps, actor: Actor, f: AgencyForm): Promise<SaveResult> {
  const r = await deps.db.transaction(async (tx): Promise<SaveResult> => {
    if (await findAgencyRow(tx, f.code)) return { ok: false, errors: { code: '此機關代碼已存在' } };
    const bad = await parentError(tx, f.code, f.parentCode);
    if (bad) return { ok: false, errors: { parentCode: bad } };
    const after = { name: f.name, address: f.address || null, parentCode: f.parentCode || null, active: f.active };
    if (!(await insertAgencyRow(tx, { code: f.code, ...after, codeKnown: true }))) return { ok: false, errors: { code: '此機關代碼已存在' } };
    await bumpCodeTablesVersion(tx);
    await recordAudit(tx, actor, 'code.agency.create', { kind: 'agency', id: f.code }, { table: 'agencies', code: f.code, before: null, after });
    return { ok: true, code: f.code };
  });
  if (r.ok) await reloadCodeTables(deps.db);
  return r;
}

/** Edits name, address, parent and 啟用 of a stored agency; its code (the key) is the one in the URL. */
export async function updateAgency(deps: CodeTableDeps, actor: Actor, code: string, f: AgencyForm): Promise<SaveResult> {
  const r = await deps.db.transaction(async (tx): Promise<SaveResult> => {
    const a = await findAgencyRow(tx, code, true);
    if (!a) return { ok: false, notFound: true };
    const bad = await parentError(tx, code, f.parentCode);
    if (bad) return { ok: false, errors: { parentCode: bad } };
    const before = agencyView(a);
    const after = { name: f.name, address: f.address || null, parentCode: f.parentCode || null, active: f.active };
    const changed = changedFields(before, after);
    if (Object.keys(changed).length === 0) return { ok: true, code };
    await updateAgencyRow(tx, code, after, deps.clock.now());
    await bumpCodeTablesVersion(tx);
    await recordAudit(tx, actor, 'code.agency.update', { kind: 'agency', id: code }, { table: 'agencies', code, before, after, changed: Object.keys(changed) });
    return { ok: true, code };
  });
  if (r.ok) await reloadCodeTables(deps.db);
  return r;
}

// ── 工作地, 職系, 官等職等, 人員區分 ─────────────────────────────────────────────────────────────────────────────

const entryView = (e: CodeEntry) => ({
  name: e.name,
  active: e.active,
  ...(e.tableName === 'sysnam' ? { sysnamClass: e.sysnamClass } : {}),
  ...(e.tableName === 'person_kind' ? { openAccess: e.openAccess } : {}),
  ...(e.tableName === 'work_place' ? { historical: e.historical, currentCode: e.currentCode } : {}),
  ...(e.tableName === 'rank_type' ? { grades: e.grades } : {}),
});

const ACTION_TABLE: Record<EntryTable, string> = { work_place: 'work_place', sysnam: 'sysnam', rank_type: 'rank_type', person_kind: 'person_kind' };

/** The columns a form sets, with the checks that need other rows; errors by field. */
function entryColumns(slug: Exclude<EditableSlug, 'agencies'>, code: string, data: FormData<typeof slug>): { set: Partial<CodeEntry>; errors: FieldErrors } {
  if (slug === 'work-places') {
    const d = data as FormData<'work-places'>;
    const bad = currentCodeError(d.historical, code, d.currentCode, (c) => allWorkPlaces().some((w) => w.code === c && !w.historical));
    return { set: { name: d.name, active: d.active, historical: d.historical, currentCode: d.historical ? d.currentCode : null }, errors: bad ? { currentCode: bad } : {} };
  }
  if (slug === 'sysnam') {
    const d = data as FormData<'sysnam'>;
    return { set: { name: d.name, active: d.active, sysnamClass: d.sysnamClass || null }, errors: {} };
  }
  const d = data as FormData<'person-kinds'>;
  return { set: { name: d.name, active: d.active, openAccess: d.openAccess === 'open' }, errors: {} };
}

export async function createEntry<S extends Exclude<EditableSlug, 'agencies'>>(deps: CodeTableDeps, actor: Actor, slug: S, data: FormData<S>): Promise<SaveResult> {
  const table = ENTRY_TABLE[slug];
  const code = data.code;
  const r = await deps.db.transaction(async (tx): Promise<SaveResult> => {
    if (await findEntry(tx, table, code)) return { ok: false, errors: { code: '此代碼已存在' } };
    const { set, errors } = entryColumns(slug, code, data);
    if (Object.keys(errors).length) return { ok: false, errors };
    const row = { tableName: table, code, name: set.name!, ...set, sortOrder: await nextSortOrder(tx, table), ...(table === 'person_kind' ? { codeSource: 'backoffice' } : {}) };
    if (!(await insertEntry(tx, row))) return { ok: false, errors: { code: '此代碼已存在' } };
    await bumpCodeTablesVersion(tx);
    const stored = (await findEntry(tx, table, code))!;
    await recordAudit(tx, actor, `code.${ACTION_TABLE[table]}.create`, { kind: `code_${table}`, id: code }, { table, code, before: null, after: entryView(stored) });
    return { ok: true, code };
  });
  if (r.ok) await reloadCodeTables(deps.db);
  return r;
}

export async function updateEntryOf<S extends Exclude<EditableSlug, 'agencies'>>(deps: CodeTableDeps, actor: Actor, slug: S, code: string, data: FormData<S>): Promise<SaveResult> {
  const table = ENTRY_TABLE[slug];
  const r = await deps.db.transaction(async (tx): Promise<SaveResult> => {
    const e = await findEntry(tx, table, code, true);
    if (!e) return { ok: false, notFound: true };
    const { set, errors } = entryColumns(slug, code, data);
    if (Object.keys(errors).length) return { ok: false, errors };
    const before = entryView(e);
    const after = entryView({ ...e, ...set } as CodeEntry);
    const changed = changedFields(before, after);
    if (Object.keys(changed).length === 0) return { ok: true, code };
    await updateEntry(tx, table, code, set, deps.clock.now());
    await bumpCodeTablesVersion(tx);
    await recordAudit(tx, actor, `code.${ACTION_TABLE[table]}.update`, { kind: `code_${table}`, id: code }, { table, code, before, after, changed: Object.keys(changed) });
    return { ok: true, code };
  });
  if (r.ok) await reloadCodeTables(deps.db);
  return r;
}

/**
 * 停用 or 啟用 a code of any table. 停用 is allowed when vacancies use the code (they keep showing its name; it is
 * only left out of the forms for new vacancies); the count is returned for the message.
 */
export async function setCodeActive(deps: CodeTableDeps, actor: Actor, slug: CodeTableSlug, code: string, active: boolean): Promise<ToggleResult> {
  const r = await deps.db.transaction(async (tx): Promise<ToggleResult> => {
    if (slug === 'agencies') {
      const a = await findAgencyRow(tx, code, true);
      if (!a) return { ok: false, notFound: true };
      const inUse = await countVacanciesUsing(tx, 'agency', code);
      if (a.active !== active) {
        await updateAgencyRow(tx, code, { active }, deps.clock.now());
        await bumpCodeTablesVersion(tx);
        await recordAudit(tx, actor, active ? 'code.agency.activate' : 'code.agency.deactivate', { kind: 'agency', id: code }, { table: 'agencies', code, before: agencyView(a), after: { ...agencyView(a), active }, vacancies: inUse });
      }
      return { ok: true, code, name: a.name, active, inUse };
    }
    const table = ENTRY_TABLE[slug];
    const e = await findEntry(tx, table, code, true);
    if (!e) return { ok: false, notFound: true };
    const inUse = await countVacanciesUsing(tx, table, code);
    if (e.active !== active) {
      await updateEntry(tx, table, code, { active }, deps.clock.now());
      await bumpCodeTablesVersion(tx);
      await recordAudit(tx, actor, `code.${ACTION_TABLE[table]}.${active ? 'activate' : 'deactivate'}`, { kind: `code_${table}`, id: code }, { table, code, before: entryView(e), after: { ...entryView(e), active }, vacancies: inUse });
    }
    return { ok: true, code, name: e.name, active, inUse };
  });
  if (r.ok) await reloadCodeTables(deps.db);
  return r;
}

/** Tests: makes the next checkCodeTables ask the database (as if the interval had passed). */
export function expireCodeTablesCheck(): void {
  checkedAt = -Infinity;
}
