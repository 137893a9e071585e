// Front door of the back-office module (ADR 0003): 切換至後臺 for the `backoffice` role — ADM-1 review and take-down,
// the search of every agency's vacancies, SYS-2/ADM-3 audit log search and export, ADM-4 mail outbox, ADM-2 code tables, staff accounts and roles, ADM-3 查詢回覆紀錄 across agencies, the dashboards (統計圖表).
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { codesRoutes } from './codes.routes.tsx';
import { recordsRoutes } from './backoffice-records.routes.tsx';
import { dashboardRoutes } from './dashboard.routes.tsx';
import { reviewRoutes } from './review.routes.tsx';
import { staffRoutes } from './staff.routes.tsx';

export const backofficeModule: AppModule<Services> = {
  name: 'backoffice',
  async routes(app, services) {
    await reviewRoutes(app, services);
    await recordsRoutes(app, services);
    await codesRoutes(app, services);
    await staffRoutes(app, services);
    await dashboardRoutes(app, services);
  },
};
