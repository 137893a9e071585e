// The vacancy whose applicants the principal may see (ACS-*): found through the vacancies module's manager finder,
// then the policy's accessApplicants — agency HR staff of the vacancy's own agency only (ADR 0002; the back office
// does not read resumes). Anything else is 404.
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { authorizeOr404 } from '../../platform/auth/policy.ts';
import { AppError } from '../../platform/http/errors.ts';
import { forManager, vacancySubject } from '../vacancies/index.ts';

export type AccessVacancy = NonNullable<Awaited<ReturnType<typeof forManager>>>;

export async function accessVacancy(services: Services, req: FastifyRequest<{ Params: { id: string } }>): Promise<AccessVacancy> {
  const p = req.principal ?? null;
  const v = await forManager(services.db, p, req.params.id);
  if (!v) throw new AppError('not-found');
  authorizeOr404(p, 'accessApplicants', vacancySubject(v, services.clock.today()));
  return v;
}
