// Front door of the guides module (ADR 0003): SOP pages and blank forms.
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { guideRoutes } from './guides.routes.tsx';

export const guidesModule: AppModule<Services> = {
  name: 'guides',
  routes: (app, services) => guideRoutes(app, services),
};
