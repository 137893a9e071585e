// Enumeration by design (RES-3, RES-4; issue 9 item 11). The RES-4 offer (從公務人力資料庫帶入) reveals whether a
// typed ID belongs to a former 約僱/聘用 employee, so every offer check is a probe: audited, and limited per
// account and per ID, counted from the audit rows (no table of its own). A limited probe learns nothing (no offer).
import { and, eq, gt } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';

export const OFFER_PROBE_ACTION = 'resume.hrdb_offer.probe';
export const ID_CONFLICT_ACTION = 'resume.id_conflict';
/** Different IDs one account may probe per hour. */
export const OFFER_IDS_PER_ACCOUNT_PER_HOUR = 5;
/** Different accounts that may probe one ID per day. */
export const OFFER_ACCOUNTS_PER_ID_PER_DAY = 3;

export type ProbeLimit = 'account' | 'id' | null;

/** Pure: is a probe of `idHash` by `applicantId` over the limits, given the recent probes? A repeat is free. */
export function offerProbeLimit(
  recent: { byAccount: readonly string[]; byId: readonly string[] },
  applicantId: string,
  idHash: string,
): ProbeLimit {
  const ids = new Set(recent.byAccount);
  if (!ids.has(idHash) && ids.size >= OFFER_IDS_PER_ACCOUNT_PER_HOUR) return 'account';
  const accounts = new Set(recent.byId);
  if (!accounts.has(applicantId) && accounts.size >= OFFER_ACCOUNTS_PER_ID_PER_DAY) return 'id';
  return null;
}

/**
 * Decides whether the offer may be looked up for this (account, ID) and audits the probe. `lookup` runs only when
 * allowed; its answer (offered or not) goes into the audit row.
 */
export async function probeOffer<T>(
  deps: { db: Db; clock: Clock },
  input: { applicantId: string; idHash: string; ip?: string | null },
  lookup: () => Promise<T | null>,
): Promise<T | null> {
  const now = deps.clock.now().getTime();
  const [byAccount, byId] = await Promise.all([
    deps.db
      .select({ id: auditEvents.subjectId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, OFFER_PROBE_ACTION), eq(auditEvents.actorId, input.applicantId), gt(auditEvents.at, new Date(now - 3600_000)))),
    deps.db
      .select({ id: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, OFFER_PROBE_ACTION), eq(auditEvents.subjectId, input.idHash), gt(auditEvents.at, new Date(now - 24 * 3600_000)))),
  ]);
  const limited = offerProbeLimit({ byAccount: byAccount.map((r) => r.id ?? ''), byId: byId.map((r) => r.id ?? '') }, input.applicantId, input.idHash);
  const offer = limited ? null : await lookup();
  await recordAudit(deps.db, { kind: 'applicant', id: input.applicantId, ip: input.ip ?? null }, OFFER_PROBE_ACTION, { kind: 'id_number_hash', id: input.idHash }, {
    offered: offer !== null,
    ...(limited ? { limited } : {}),
  });
  return offer;
}
