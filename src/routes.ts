// Every module's routes, in one place.
import type { FastifyInstance } from 'fastify';
import type { Services } from './container.ts';
import { applyRoutes } from './modules/applications/apply.routes.tsx';
import { vacancyPublicRoutes } from './modules/vacancies/public.routes.tsx';
import { doorRoutes } from './modules/doors/doors.routes.tsx';
import { captchaRoutes } from './platform/captcha/index.ts';
import { jobPageRoutes } from './modules/vacancies/job-page/job-page.routes.tsx';
import { guideRoutes } from './modules/guides/guides.routes.tsx';
import { openDataRoutes } from './modules/vacancies/opendata-export/opendata.routes.tsx';
import { accountRoutes } from './modules/accounts/account.routes.tsx';
import { newsletterRoutes } from './modules/newsletters/newsletter.routes.tsx';
import { ecpaRoutes } from './modules/ecpa/ecpa.routes.ts';
import { resumeRoutes } from './modules/resumes/resume.routes.tsx';
import { createLocalHrDatabase } from './modules/hrdb/local-hrdb.ts';
import { hrdbImportOffer, hrdbImportRoutes } from './modules/hrdb/hrdb-import.routes.ts';

export async function moduleRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await vacancyPublicRoutes(app, services);
  await doorRoutes(app, services);
  await captchaRoutes(app, services);
  await jobPageRoutes(app, services);
  await guideRoutes(app, services);
  await openDataRoutes(app, services);
  await accountRoutes(app, services);
  await newsletterRoutes(app, services);
  // One HR database (公務人力資料庫) for the eCPA verification and the RES-4 import into a first resume.
  const hrdb = createLocalHrDatabase();
  await ecpaRoutes(app, services, { hrdb });
  await resumeRoutes(app, services, { hrdbImportOffer: hrdbImportOffer(services, hrdb) });
  await hrdbImportRoutes(app, services, hrdb);
  await applyRoutes(app, services);
}
