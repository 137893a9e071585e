// Front door of the access module (ADR 0003): an agency's access to the applicants of its own vacancies —
// the applicant list (ACS-1), 調閱履歷 as an AES-256 zip (ACS-2), 調閱簡歷 (ACS-3) and 匯出聯絡資訊 (ACS-4).
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { accessRoutes } from './access.routes.ts';

export const accessModule: AppModule<Services> = {
  name: 'access',
  routes: (app, services) => accessRoutes(app, services),
};

export { accessPaths } from './access.paths.ts';
export type { NoticeCell } from './views/applicants-page.tsx';
