// DK 職缺應徵 (ECPA-5): a signed-in current civil servant applies to a published 須具 job inside its validity. The
// HR person is found as MyData finds it (ecpa's myHrPerson: eCPA account + national-ID hash; gone or 卸職 → refused).
// One transaction: the job locked and checked (dkApplyRefusal), the row inserted with ON CONFLICT DO NOTHING on
// the partial unique index (vacancy, staff_user) among active ones (a second one answers 「您已應徵過此職缺」),
// the frozen snapshot (the HR person's basic data, education, experience — what the agency's 調閱簡歷, contact
// export and notices read), the optional certificates PDF copied under the application's own key, an audit row,
// one mail listing the job. The resume file stays `pending` until the next batch (GEN-2).
import { recordAudit } from '../../platform/audit/audit.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { newObjectKey } from '../../platform/storage/index.ts';
import { myHrPerson, type MyHrPerson } from '../ecpa/index.ts';
import { deleteFiles, type ApplicationDeps } from './application.deps.ts';
import { dkAppliedMail } from './application.mails.ts';
import { insertStaffApplication, setFileCopies, vacanciesByWorkId } from './application.repo.ts';
import type { ApplyRefusal } from './application.rules.ts';
import { civilServantSummary, dkApplyRefusal, DK_CONSENT_VERSION, hrdbSnapshot, nextBatchAt, type CivilServantSummary } from './civil-service.rules.ts';

type DkDeps = Pick<ApplicationDeps, 'db' | 'clock' | 'storage' | 'hrdb' | 'config' | 'baseUrl' | 'kickMail'>;

/** A checked upload (platform upload checks by content, ADR 0007): one merged PDF of certificates. */
export interface CertificatesUpload {
  bytes: Buffer;
  name: string;
}

export interface DkApplyInput {
  staffUserId: string;
  workId: string;
  consent: boolean;
  consentVersion: string;
  certificates?: CertificatesUpload | null;
  ip?: string | null;
}

export type DkApplyResult =
  | { kind: 'done'; applicationId: string; workId: string; title: string; orgName: string }
  | { kind: 'no-consent' }
  | { kind: 'no-person'; reason: 'not-found' | 'left-service' }
  | { kind: 'refused'; reason: ApplyRefusal | 'duplicate' };

/** The civil servant's HR person and the address mails go to (the HR database's, else the eCPA account's). */
export async function civilServant(deps: Pick<DkDeps, 'db' | 'hrdb' | 'config'>, staffUserId: string): Promise<MyHrPerson> {
  return myHrPerson(deps, staffUserId);
}

export const emailOf = (found: Extract<MyHrPerson, { kind: 'ok' }>): string => found.person.email ?? found.staffEmail ?? '';

/** 我的簡歷 (summary) of a civil servant, or why there is none. */
export async function mySummary(deps: Pick<DkDeps, 'db' | 'hrdb' | 'config'>, staffUserId: string): Promise<{ kind: 'ok'; summary: CivilServantSummary } | { kind: 'not-found' } | { kind: 'left-service' }> {
  const found = await civilServant(deps, staffUserId);
  if (found.kind !== 'ok') return found;
  return { kind: 'ok', summary: civilServantSummary(found.person, emailOf(found)) };
}

export async function applyAsCivilServant(deps: DkDeps, input: DkApplyInput): Promise<DkApplyResult> {
  if (!input.consent || input.consentVersion !== DK_CONSENT_VERSION) return { kind: 'no-consent' };
  const found = await civilServant(deps, input.staffUserId);
  if (found.kind !== 'ok') return { kind: 'no-person', reason: found.kind };
  const copies: string[] = [];
  try {
    const result = await deps.db.transaction(async (tx): Promise<DkApplyResult> => {
      const now = deps.clock.now();
      const v = (await vacanciesByWorkId(tx, [input.workId])).get(input.workId) ?? null;
      const reason = dkApplyRefusal(v, deps.clock.today());
      if (reason || !v) return { kind: 'refused', reason: reason ?? 'not-found' };
      const email = emailOf(found);
      const cert = input.certificates ?? null;
      const row = await insertStaffApplication(tx, {
        vacancyId: v.vacancyId,
        staffUserId: input.staffUserId,
        appliedAt: now,
        consentVersion: DK_CONSENT_VERSION,
        consentAt: now,
        resumeSnapshot: hrdbSnapshot(found.person, { email, at: now, attachmentName: cert?.name ?? null }),
        attachFiles: cert !== null,
        attachmentName: cert?.name ?? null,
        attachmentType: cert ? 'application/pdf' : null,
        attachmentSize: cert?.bytes.length ?? null,
      });
      if (!row) return { kind: 'refused', reason: 'duplicate' };
      if (cert) {
        const key = newObjectKey('applications/attachment', now);
        copies.push(key);
        await deps.storage.put(key, cert.bytes, { contentType: 'application/pdf' });
        await setFileCopies(tx, row.id, { photoKey: null, attachmentKey: key });
      }
      await recordAudit(tx, { kind: 'staff', id: input.staffUserId, ip: input.ip ?? null }, 'application.create', { kind: 'application', id: row.id }, {
        workId: v.workId,
        consentVersion: DK_CONSENT_VERSION,
        attachFiles: cert !== null,
        door: 'dk',
      });
      if (email) {
        await enqueueMail(tx, dkAppliedMail({ to: email, name: found.person.name, jobs: [v], at: now, baseUrl: deps.baseUrl, nextBatch: nextBatchAt(now), certificates: cert?.name ?? null }));
      }
      return { kind: 'done', applicationId: row.id, workId: v.workId, title: v.title, orgName: v.orgName };
    });
    if (result.kind !== 'done') await deleteFiles(deps.storage, copies);
    else deps.kickMail();
    return result;
  } catch (err) {
    await deleteFiles(deps.storage, copies);
    throw err;
  }
}
