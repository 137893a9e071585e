// Front door of the applications module (ADR 0003): 投遞履歷.
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { applyRoutes } from './apply.routes.tsx';

export const applicationsModule: AppModule<Services> = {
  name: 'applications',
  routes: (app, services) => applyRoutes(app, services),
};
