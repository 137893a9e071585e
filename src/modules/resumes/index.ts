// Front door of the resumes module (ADR 0003): 履歷 (RES-*), its files, and the RES-4 import from the HR database.
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { hrdbImportOffer, hrdbImportRoutes } from './hrdb-import.routes.ts';
import { resumeRoutes } from './resume.routes.tsx';
import { purgeExpiredStagedUploads } from './stage-upload.ts';

export const resumesModule: AppModule<Services> = {
  name: 'resumes',
  async routes(app, services) {
    await resumeRoutes(app, services, { hrdbImportOffer: hrdbImportOffer(services, services.hrdb) });
    await hrdbImportRoutes(app, services, services.hrdb);
  },
  // Issue 9 item 5: staged uploads nobody saved are removed after their time.
  async maintenance(services) {
    return purgeExpiredStagedUploads(services.deps.resumes);
  },
};

export { resumeDeps, type ResumeDeps } from './resume.deps.ts';
export { resumes } from './resume.schema.ts';
export { findResume } from './resume.repo.ts';
export { resumePolicy, resumeFilePolicy, stagedUploadPolicy } from './resume.policy.ts';
export { purgeExpiredStagedUploads } from './stage-upload.ts';
