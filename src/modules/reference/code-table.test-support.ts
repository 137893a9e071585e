// For tests of other modules: the code-table rows and the freshness check, as another process would see them.
export { codeEntries, codeTablesVersion } from './code-table.schema.ts';
export { expireCodeTablesCheck } from './code-table.service.ts';
