// Front door of the hrdb module (ADR 0003): the 公務人力資料庫 port, its local synthetic dataset and demo accounts.
// The port is built once by the composition root (src/container.ts: services.hrdb).
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { seedHrdbDemo } from './hrdb.seed.ts';

export const hrdbModule: AppModule<Services> = {
  name: 'hrdb',
  // After the demo module's seed (which only runs on an empty database): eCPA accounts of the demo people.
  async seedDemo(services) {
    await seedHrdbDemo(services.db, services.config);
  },
};

export type * from './hrdb.types.ts';
export { createLocalHrDatabase } from './local-hrdb.ts';
export { isFormerContractEmployee, resumeImportFrom, RESUME_SECTIONS, RESUME_SECTION_LABELS, type ResumeImport, type ResumeSectionKey, type ResumeSelection } from './hrdb.rules.ts';
export { civilServiceResumeDocument, type CivilServiceResumeInput } from './civil-service-resume.ts';
export { seedHrdbDemo, type HrdbSeedReport } from './hrdb.seed.ts';
export { HRDB_DEMO_PASSWORD, WELL_KNOWN_PEOPLE, wellKnownPeople, type WellKnownPerson } from './well-known-people.ts';
