// 應徵清單: the jobs an applicant added with 【我要應徵】 during this visit (APP-2: several jobs at once), kept in the
// server session (never a cookie), as 職缺編號 in the order added.
import type { FastifyRequest } from 'fastify';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import { basketOf, MAX_BASKET } from './application.rules.ts';

const KEY = 'applyList';

export function readBasket(req: FastifyRequest): string[] {
  const raw = req.session?.data[KEY];
  return Array.isArray(raw) ? basketOf(raw) : [];
}

export async function writeBasket(req: FastifyRequest, sessions: SessionStore, workIds: readonly string[]): Promise<void> {
  const session = req.session;
  if (!session) return;
  const list = basketOf(workIds);
  // Unchanged (e.g. 確定應徵 of a job that was never in the list): no write.
  if (JSON.stringify(list) === JSON.stringify(readBasket(req))) return;
  const { [KEY]: _old, ...rest } = session.data;
  const data = list.length ? { ...rest, [KEY]: list } : rest;
  await sessions.setData(session.id, data);
  session.data = data;
}

/** Adds a job at the end (the newest last); a full list drops its oldest. */
export function withJob(list: readonly string[], workId: string): string[] {
  const rest = list.filter((id) => id !== workId);
  return [...rest, workId].slice(-MAX_BASKET);
}
