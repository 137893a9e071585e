// 統計圖表 (issue 14 item 6): GET /backoffice/dashboard, back office only. Reads only; not audited (no personal data).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../container.ts';
import { pageContext } from '../../platform/http/context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { recentBatchRuns } from '../applications/index.ts';
import { loadDashboard } from './dashboard.service.ts';
import { dashboardCharts } from './dashboard.view.ts';
import { DashboardPage } from './views/dashboard-page.tsx';

export async function dashboardRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/backoffice/dashboard', routes.backoffice, async (req, reply) => {
    const data = await loadDashboard(services.db, services.clock.now(), services.clock.today());
    const charts = await dashboardCharts(data, req.locale);
    const batchRuns = await recentBatchRuns(services.db, 10);
    return sendPage(reply, DashboardPage({ ctx: pageContext(req, reply, !services.config.isProduction), charts, batchRuns }));
  });
}
