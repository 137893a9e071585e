// Every module's routes, in one place.
import type { FastifyInstance } from 'fastify';
import type { Services } from './container.ts';
import { vacancyPublicRoutes } from './modules/vacancies/public.routes.tsx';
import { doorRoutes } from './modules/doors/doors.routes.tsx';

export async function moduleRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await vacancyPublicRoutes(app, services);
  await doorRoutes(app, services);
}
