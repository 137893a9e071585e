// Front door of the applications module (ADR 0003): 應徵職缺, 我的應徵, 取消應徵 (APP-1..APP-7) and the resume
// file produced at once (GEN-1).
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { applyRoutes } from './apply.routes.tsx';
import { registerResumeBatchJobs } from './civil-service-batch.ts';
import { dkRoutes } from './dk.routes.tsx';
import { purgeExpiredApplications } from './delete-application.ts';
import { registerResumeFileJobs } from './produce-resume-file.ts';

export const applicationsModule: AppModule<Services> = {
  name: 'applications',
  async routes(app, services) {
    await applyRoutes(app, services);
    await dkRoutes(app, services);
  },
  async jobs(jobs, services) {
    await registerResumeFileJobs(jobs, services.deps.applications);
    await registerResumeBatchJobs(jobs, services.deps.applications);
  },
  // SYS-3: records nobody deleted are purged APPLICATION_RETENTION_MONTHS after their job closed.
  maintenance: (services) => purgeExpiredApplications(services.deps.applications),
};

export { applications, type ApplicationStatus, type ResumeFileState } from './application.schema.ts';
export { applicationDeps, type ApplicationDeps } from './application.deps.ts';
export { applicationCounts, applicationById, type ApplicationRow } from './application.repo.ts';
export { applicationPaths } from './application.paths.ts';
export { applicationPolicy, applicationSubject } from './application.policy.ts';
export { CONSENT_TEXT, CONSENT_VERSION } from './application.rules.ts';
export type { ResumeSnapshot } from './application.types.ts';
export { applyToVacancies } from './apply-to-vacancies.ts';
export { produceResumeFile, sweepResumeFiles, resumeFileKey, PRODUCE_RESUME_QUEUE, registerResumeFileJobs } from './produce-resume-file.ts';
export { applicationOwnerKind, batchFailureOf, type BatchFailure } from './civil-service.public.ts';
export { produceNowForVacancy, runResumeBatch, RESUME_BATCH_QUEUE, type BatchReport } from './civil-service-batch.ts';
export { civilServiceFileCounts, recentBatchRuns } from './application.repo.ts';
export { dkPaths } from './dk.paths.ts';
export { DkNav } from './views/dk-pages.tsx';
