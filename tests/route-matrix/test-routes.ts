// Test-only routes of the route matrix (SYS-4): one per staff audience no real page uses yet (back office, agency
// HR, civil servant), and an agency's vacancy fetched the way agency pages will: the scoped finder forAgency, then
// the vacancy policy. Registered with createTestApp(driver, { routes: testOnlyRoutes }).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../src/container.ts';
import { vacancySubject } from '../../src/modules/vacancies/vacancy.policy.ts';
import { forAgency } from '../../src/modules/vacancies/vacancy.repo.ts';
import { authorizeOr404 } from '../../src/platform/auth/policy.ts';
import { routes } from '../../src/platform/http/route-options.ts';

export function testOnlyRoutes(app: FastifyInstance, services: Services): void {
  app.get('/test/backoffice', routes.backoffice, async () => ({ page: 'backoffice' }));
  app.get('/test/agency-hr', routes.agencyHr, async () => ({ page: 'agency' }));
  app.get('/test/civil-servant', routes.civilServant, async () => ({ page: 'dk' }));
  app.get('/test/agency/vacancies/:id', routes.agencyHr, async (req) => {
    const p = req.principal!;
    const v = await forAgency(services.db, p.agencyCode, (req.params as { id: string }).id);
    authorizeOr404(p, 'manage', v ? vacancySubject(v, services.clock.today()) : null);
    return { workId: v!.workId, agency: v!.orgId };
  });
}

