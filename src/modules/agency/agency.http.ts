// HTTP helpers of 機關徵才登錄: which agency the request acts for (the vacancy policy's actingAgency / forManager:
// agency HR staff their own, the back office any agency it chose), and the form's body (multipart with the
// 職缺相關附件 files, or urlencoded).
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { authorizeOr404 } from '../../platform/auth/policy.ts';
import { hasRole } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/http/errors.ts';
import { readMultipartForm, type MultipartForm } from '../../platform/http/multipart.ts';
import { findAgency } from '../reference/index.ts';
import { actingAgency, forManager, vacancySubject } from '../vacancies/index.ts';
import { MAX_ATTACHMENTS } from './agency-attachments.rules.ts';
import type { VacancyRow } from './agency.repo.ts';
import type { AgencyRef } from './agency.service.ts';

/** The agency acted for, or the chooser (a back-office user who has not chosen, or chose an unknown code). */
export type Acting = { kind: 'agency'; agency: AgencyRef } | { kind: 'choose'; unknown: string | null };

const chosenOf = (req: FastifyRequest): string | null => {
  const v = (req.query as Record<string, unknown> | undefined)?.agency;
  return typeof v === 'string' ? v.trim().slice(0, 20) : null; // '' (present, empty): the back office's chooser
};

export async function actingFor(services: Services, req: FastifyRequest): Promise<Acting> {
  const p = req.principal ?? null;
  const chosen = chosenOf(req);
  const code = actingAgency(p, chosen);
  if (code === null) throw new AppError('not-found');
  if (code === 'choose') return { kind: 'choose', unknown: null };
  const a = await findAgency(services.db, code);
  const byChoice = hasRole(p, 'backoffice') && code === chosen && chosen !== '';
  if (!a && byChoice) return { kind: 'choose', unknown: code };
  return { kind: 'agency', agency: { code, name: a?.name ?? code, via: byChoice ? code : null } };
}

/** The vacancy the principal may manage (their agency's; any agency's for the back office), and its agency. */
export async function managedVacancy(services: Services, req: FastifyRequest<{ Params: { id: string } }>): Promise<{ v: VacancyRow; agency: AgencyRef }> {
  const p = req.principal ?? null;
  const v = await forManager(services.db, p, req.params.id);
  if (!v) throw new AppError('not-found');
  authorizeOr404(p, 'manage', vacancySubject(v, services.clock.today()));
  const own = p?.agencyCode === v.orgId && hasRole(p, 'agency_hr');
  return { v, agency: { code: v.orgId ?? '', name: v.orgName ?? v.orgId ?? '', via: own ? null : v.orgId } };
}

export function readVacancyBody(services: Services, req: FastifyRequest): Promise<MultipartForm> {
  return readMultipartForm(req, { fileFields: ['attachments'], fileLimit: services.config.uploadLimitBytes, maxFiles: MAX_ATTACHMENTS });
}
