// Front door of the doors module (ADR 0003): the home page and the doors to each half of the site.
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { doorRoutes } from './doors.routes.tsx';

export const doorsModule: AppModule<Services> = {
  name: 'doors',
  routes: (app, services) => doorRoutes(app, services),
};
