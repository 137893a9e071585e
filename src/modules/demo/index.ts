// Front door of the demo module (ADR 0003): the demo seed (SEED_DEMO), on an empty database only, and the daily
// refresh that keeps the demo vacancies current (outside production).
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { registerDemoRefresh } from './refresh.service.ts';
import { seedDemo } from './seed.ts';

export const demoModule: AppModule<Services> = {
  name: 'demo',
  async seedDemo(services) {
    const seed = await seedDemo(services.db, services.clock.today());
    if (!seed.seeded) return;
    return `demo seed: ${seed.feed?.inserted ?? 0} real jobs imported (${seed.feed?.rejected.length ?? 0} rejected), ${seed.staff} staff, ${seed.applicants} applicants — sign-ins are listed in README.md`;
  },
  // The demo never empties: a daily shift of the demo vacancies' validity (Asia/Taipei), outside production only.
  async jobs(jobs, services) {
    await registerDemoRefresh(jobs, services);
  },
};

export { DEMO_APPLICANTS, DEMO_PASSWORD, DEMO_STAFF, seedDemo, type SeedReport } from './seed.ts';
