// Audit log (SYS-2): one append-only row per sign-in, resume access, export, notice, posting or account change.
// Always written with the transaction of the change it records.
import type { Queryable } from '../db/client.ts';
import { auditEvents } from '../db/schema/platform.ts';

export interface Actor {
  kind: 'applicant' | 'staff' | 'system' | 'visitor';
  id?: string | null;
  ip?: string | null;
}
export interface Subject {
  kind: string;
  id: string;
}

export async function recordAudit(
  q: Queryable,
  actor: Actor,
  action: string,
  subject: Subject | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await auditInsert(q, actor, [{ action, subject, details }]);
}

/**
 * The INSERT of audit rows of one actor, not yet run: await it, or hand it to `together` (platform/db/together.ts) to
 * write it in one statement with another independent change.
 */
export function auditInsert(q: Queryable, actor: Actor, entries: readonly { action: string; subject: Subject | null; details?: Record<string, unknown> }[]) {
  return q.insert(auditEvents).values(
    entries.map((e) => ({
      actorKind: actor.kind,
      actorId: actor.id ?? null,
      action: e.action,
      subjectKind: e.subject?.kind ?? null,
      subjectId: e.subject?.id ?? null,
      details: e.details ?? {},
      ip: actor.ip ?? null,
    })),
  );
}

/** Many audit rows of one actor in a few statements (a bulk change: each object still gets its own row). */
export async function recordAudits(q: Queryable, actor: Actor, entries: readonly { action: string; subject: Subject | null; details?: Record<string, unknown> }[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) await auditInsert(q, actor, entries.slice(i, i + 200));
}

export const audit = { record: recordAudit };
