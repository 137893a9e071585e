// The business modules, in order (ADR 0003). src/routes.ts registers their routes in this order, src/main.ts their
// demo seeds (demo before hrdb: the HR-database accounts come after the demo staff, on an empty database only), jobs and maintenance tasks.
// A new module adds its index.ts here; nothing else names a module's files.
import type { Services } from '../container.ts';
import type { AppModule } from '../platform/module.ts';
import { accessModule } from './access/index.ts';
import { accountsModule } from './accounts/index.ts';
import { agencyModule } from './agency/index.ts';
import { applicationsModule } from './applications/index.ts';
import { backofficeModule } from './backoffice/index.ts';
import { countersModule } from './counters/index.ts';
import { demoModule } from './demo/index.ts';
import { doorsModule } from './doors/index.ts';
import { ecpaModule } from './ecpa/index.ts';
import { guidesModule } from './guides/index.ts';
import { hrdbModule } from './hrdb/index.ts';
import { newslettersModule } from './newsletters/index.ts';
import { noticesModule } from './notices/index.ts';
import { referenceModule } from './reference/index.ts';
import { resumesModule } from './resumes/index.ts';
import { vacanciesModule } from './vacancies/index.ts';

export const modules: readonly AppModule<Services>[] = [
  referenceModule,
  demoModule,
  vacanciesModule,
  doorsModule,
  countersModule,
  guidesModule,
  accountsModule,
  newslettersModule,
  ecpaModule,
  hrdbModule,
  resumesModule,
  applicationsModule,
  agencyModule,
  accessModule,
  noticesModule,
  backofficeModule,
];
