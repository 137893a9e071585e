// HTTP helpers of notices: the vacancy the principal may manage (the vacancies module's forManager + policy — another
// agency's vacancy is 404), and the query of ACS-9.
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { authorizeOr404 } from '../../platform/auth/policy.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseRocDate } from '../../platform/tw/roc-date.ts';
import { forManager, vacancySubject } from '../vacancies/index.ts';
import type { NoticeFilter } from './notice.repo.ts';
import type { NoticeKind } from './notice.schema.ts';

export type ManagedVacancy = NonNullable<Awaited<ReturnType<typeof forManager>>>;

export async function managedVacancy(services: Services, req: FastifyRequest, id: string): Promise<ManagedVacancy> {
  const p = req.principal ?? null;
  const v = await forManager(services.db, p, id);
  if (!v) throw new AppError('not-found');
  authorizeOr404(p, 'manage', vacancySubject(v, services.clock.today()));
  return v;
}

export const kindOf = (v: unknown): NoticeKind => (v === 'offer' ? 'offer' : 'interview');

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** ACS-9 filters from the query; a malformed value is dropped (never an error). */
export function parseRecordsQuery(query: unknown, agencyCode: string): NoticeFilter {
  const q = (query ?? {}) as Record<string, unknown>;
  const date = (v: unknown) => {
    const s = str(v, 10);
    if (!s) return null;
    const r = parseRocDate(s);
    return r.ok ? r.date : null;
  };
  const kind = q.kind === 'interview' || q.kind === 'offer' ? q.kind : '';
  const reply = q.reply === 'none' || q.reply === 'accepted' || q.reply === 'declined' || q.reply === 'accept_and_report' ? q.reply : '';
  return { agencyCode, workId: str(q.workId, 20), kind, reply, from: date(q.from), to: date(q.to) };
}
