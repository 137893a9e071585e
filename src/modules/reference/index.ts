// Front door of the reference module (code tables and agencies, ADR 0003): the code tables' freshness (warm loads
// them from the database; a hook on every request reloads them when code_tables_version moved, asking at most every
// CODE_TABLES_CHECK_MS), and the public functions below. The back-office pages of ADM-2 live in the backoffice module.
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { checkCodeTables, reloadCodeTables } from './code-table.service.ts';

/** How stale a web process's code tables may be after another process changed them. */
export const CODE_TABLES_CHECK_MS = 5_000;

export const referenceModule: AppModule<Services> = {
  name: 'reference',
  async routes(app, services) {
    // A failed check (database away) never fails the request: the tables in memory keep serving, and the next
    // check is due after the interval again.
    app.addHook('onRequest', async (req) => {
      await checkCodeTables(services.db, CODE_TABLES_CHECK_MS).catch((err: unknown) => req.log.warn({ err }, 'code tables: version check failed'));
    });
  },
  async warm(services) {
    return reloadCodeTables(services.db);
  },
};

export { agencies } from './agency.schema.ts';
export {
  findAgenciesByNames,
  findAgency,
  findAgencyByName,
  listAgencies,
  seedReferenceAgencies,
  upsertAgencies,
  type Agency,
  type AgencyInput,
  type UpsertCounts,
} from './agency.repo.ts';
export { agencyNameKey, isAgencyCode, isSyntheticAgencyCode, syntheticAgencyCode } from './agency.rules.ts';
export * from './codes.ts';
export {
  CODE_TABLES,
  FIELDS as CODE_TABLE_FIELDS,
  FORM_OF as CODE_TABLE_FORMS,
  EDIT_FORM_OF as CODE_TABLE_EDIT_FORMS,
  PAGE_SIZE as CODE_TABLE_PAGE_SIZE,
  canAdd as canAddCode,
  canEdit as canEditCode,
  ENTRY_TABLE,
  isCodeTable,
  parseListQuery as parseCodeListQuery,
  type CodeTableSlug,
  type EditableSlug,
  type EntryTable,
} from './code-table.rules.ts';
export { findAgencyRow, findEntry as findCodeEntry, listAgencyPage, listEntries as listCodeEntries, type AgencyRow, type CodeEntry } from './code-table.repo.ts';
export { createAgency, createEntry as createCodeEntry, setCodeActive, updateAgency, updateEntryOf as updateCodeEntry, reloadCodeTables, checkCodeTables, type CodeTableDeps, type SaveResult, type ToggleResult } from './code-table.service.ts';
