// Every table of the system, for drizzle's typed queries and for drizzle-kit generate.
export * from './platform.ts';
export * from '../../../modules/reference/agency.schema.ts';
export * from '../../../modules/accounts/account.schema.ts';
export * from '../../../modules/ecpa/staff.schema.ts';
export * from '../../../modules/vacancies/vacancy.schema.ts';
export * from '../../../modules/resumes/resume.schema.ts';
export * from '../../../modules/newsletters/newsletter.schema.ts';
