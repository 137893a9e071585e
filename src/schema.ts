// Every table of the system, for drizzle-kit generate (drizzle.config.ts): platform's tables and each module's.
// An aggregate outside platform, so that platform imports no module (ADR 0003).
export * from './platform/db/schema/platform.ts';
export * from './modules/reference/agency.schema.ts';
export * from './modules/reference/code-table.schema.ts';
export * from './modules/accounts/account.schema.ts';
export * from './modules/ecpa/staff.schema.ts';
export * from './modules/vacancies/vacancy.schema.ts';
export * from './modules/resumes/resume.schema.ts';
export * from './modules/newsletters/newsletter.schema.ts';
export * from './modules/applications/application.schema.ts';
export * from './modules/agency/agency-import.schema.ts';
export * from './modules/agency/agency.schema.ts';
export * from './modules/notices/notice.schema.ts';
