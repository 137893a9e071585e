// Front door of the agency module (ADR 0003): 機關徵才登錄 (AGY-1..AGY-7, with AGY-6's daily applicant counts) and the
// automatic check of ADM-1.
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { agencyImportRoutes } from './agency-import.routes.ts';
import { purgeStagedAttachments } from './agency-attachments.ts';
import { registerAgencyJobs } from './agency-count-mail.jobs.ts';
import { agencyRoutes } from './agency.routes.ts';
import { seedAgencyDemo } from './agency.seed.ts';

export const agencyModule: AppModule<Services> = {
  name: 'agency',
  async routes(app, services) {
    await agencyRoutes(app, services);
    await agencyImportRoutes(app, services);
  },
  // AGY-6: the daily applicant counts to each vacancy's 聯絡E-mail (08:00 Asia/Taipei).
  jobs: (jobs, services) => registerAgencyJobs(jobs, services),
  // 職缺相關附件 staged on a form that was never sent: purged after a day (rows and files).
  async maintenance(services) {
    return purgeStagedAttachments(services, services.clock.now());
  },
  async seedDemo(services) {
    const made = await seedAgencyDemo(services.db, services.clock.now(), services.clock.today());
    if (made) return `agency demo: ${made} vacancies of 宜蘭縣政府 and 基隆市政府 (every access mode)`;
  },
};

export { checkVacancyText, reviewLabel } from './agency-check.rules.ts';
