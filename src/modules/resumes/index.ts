// Front door of the resumes module (ADR 0003): 履歷 (RES-*), its files, and the RES-4 import from the HR database.
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { hrdbImportOffer, hrdbImportRoutes } from './hrdb-import.routes.ts';
import { resumeRoutes } from './resume.routes.tsx';
import { purgeExpiredStagedUploads } from './stage-upload.ts';
import { rehashResumeIdNumbers } from './rehash-ids.ts';

export const resumesModule: AppModule<Services> = {
  name: 'resumes',
  async routes(app, services) {
    await resumeRoutes(app, services, { hrdbImportOffer: hrdbImportOffer(services, services.hrdb) });
    await hrdbImportRoutes(app, services, services.hrdb);
  },
  // Issue 9 item 5: staged uploads nobody saved are removed after their time. ADR 0005: ID hashes of before the
  // data key (or under DATA_KEY_PREVIOUS) are recomputed from the ID the resume keeps (a no-op once done).
  async maintenance(services) {
    const purged = await purgeExpiredStagedUploads(services.deps.resumes);
    await rehashResumeIdNumbers(services.db, services.deps.resumes.ids);
    return purged;
  },
};

export { resumeDeps, type ResumeDeps } from './resume.deps.ts';
export { resumes } from './resume.schema.ts';
export { findResume } from './resume.repo.ts';
export { resumePolicy, resumeFilePolicy, stagedUploadPolicy } from './resume.policy.ts';
export { purgeExpiredStagedUploads } from './stage-upload.ts';
export { resumeData, toResumeDocument } from './resume.mapping.ts';
export type { ResumeRow } from './resume.repo.ts';
export type { ResumeData } from './resume.types.ts';
export { loadPreview, type Preview } from './load-preview.ts';
export { ResumePreviewArticle } from './views/preview-page.tsx';
