// Front door of the vacancies module (ADR 0003): 職缺查詢 (PUB-1), the job page, the open-data import and export.
import { sql } from 'drizzle-orm';
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { jobPageRoutes } from './job-page/job-page.routes.tsx';
import { openDataRoutes } from './opendata-export/opendata.routes.tsx';
import { vacancyPublicRoutes } from './public.routes.tsx';
import { warmSearchIndex } from './search.service.ts';

export const vacanciesModule: AppModule<Services> = {
  name: 'vacancies',
  async routes(app, services) {
    await vacancyPublicRoutes(app, services);
    await jobPageRoutes(app, services);
    await openDataRoutes(app, services);
  },
  // PUB-1: the web role loads the search index at start (ADR 0008), so the first search does not wait for it.
  async warm(services) {
    const { rows, grams, postingBytes } = await warmSearchIndex(services.database, services.clock.today());
    return `search index: ${rows} vacancies, ${grams} grams, ${(postingBytes / 1024 / 1024).toFixed(1)} MiB of postings`;
  },
  // Planner statistics for the search (PGlite runs no autovacuum; harmless on PostgreSQL).
  async maintenance(services) {
    await services.db.execute(sql`ANALYZE vacancies`);
  },
};

export { vacancies, type AccessMode, type RankType } from './vacancy.schema.ts';
export { listColumns, publishedOn, searchConditions, searchOrder, type VacancyListRow } from './vacancy.repo.ts';
export { EMPTY_FILTERS, KEYWORD_MAX, KEYWORD_TERMS_MAX, searchHref, splitTerms } from './search.rules.ts';
export { jobPath } from './job-page/job-page.rules.ts';
export { importFeed, type ImportResult } from './opendata/import.service.ts';
export { forAgency, forManager } from './vacancy.repo.ts';
export { vacancyPolicy, vacancySubject, mayManage, manageScope, actingAgency } from './vacancy.policy.ts';
export { JobPreview } from './job-page/views/job-preview.tsx';
export { isPublished } from './vacancy.policy.ts';
export { workIdSerials } from './vacancy.schema.ts';
export { vacancyAttachments } from './vacancy.schema.ts';
export { listAttachments, type AttachmentRow } from './job-page/job-page.repo.ts';
