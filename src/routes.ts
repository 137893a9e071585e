// Every module's routes, in the order of the module list (src/modules/index.ts), after the platform's own.
import type { FastifyInstance } from 'fastify';
import type { Services } from './container.ts';
import { modules } from './modules/index.ts';
import { captchaRoutes } from './platform/captcha/index.ts';

export async function moduleRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await captchaRoutes(app, services);
  for (const module of modules) await module.routes?.(app, services);
}
