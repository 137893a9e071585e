// Front door of the newsletters module (ADR 0003): 電子報 (PUB-5), its routes and its daily job.
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { registerNewsletterJobs } from './newsletter.jobs.ts';
import { newsletterRoutes } from './newsletter.routes.tsx';

export const newslettersModule: AppModule<Services> = {
  name: 'newsletters',
  routes: (app, services) => newsletterRoutes(app, services),
  jobs: (jobs, services) => registerNewsletterJobs(jobs, services),
};

export { newsletterDeps, type NewsletterDeps } from './newsletter.deps.ts';
