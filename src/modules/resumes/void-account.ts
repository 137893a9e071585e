// 註銷 (RES-3): another live account's resume uses this ID number; the person proves that account is theirs by
// its email (the account) and the birth date on its resume. Both must match. Then, in one transaction, that
// account is voided (it can no longer sign in; its sessions end), its resume is removed so the ID number is
// free (applications keep their own copy), the change is audited and a mail goes to the old address. A wrong
// answer changes nothing but an audit row, which also counts the attempts (VOID_ATTEMPTS).
import { recordAudit } from '../../platform/audit/audit.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { maskIdNumber, parseIdNumber } from '../../platform/tw/id-number.ts';
import { parseRocDate } from '../../platform/tw/roc-date.ts';
import { normaliseEmail } from '../accounts/index.ts';
import { deleteFiles, type ResumeActor, type ResumeDeps } from './resume.deps.ts';
import { VOID_ATTEMPTS } from './resume.limits.ts';
import { accountVoidedMail } from './resume.mails.ts';
import { countVoidFailures, deleteResumeRow, deleteUploads, findIdConflict, lockIdNumberHash, voidAccountRow } from './resume.repo.ts';
import { voidAttemptsExceeded } from './resume.rules.ts';

export type VoidResult =
  | { kind: 'voided' }
  | { kind: 'bad-id' }
  | { kind: 'missing'; fields: ('email' | 'birthDate')[] }
  | { kind: 'bad-birth-date' }
  | { kind: 'no-conflict' }
  | { kind: 'mismatch' }
  | { kind: 'too-many' };

export interface VoidInput extends ResumeActor {
  idNumber: string;
  email: string;
  birthDate: string;
}

export async function voidAccountUsingId(deps: ResumeDeps, input: VoidInput): Promise<VoidResult> {
  const id = parseIdNumber(input.idNumber);
  if (!id.ok) return { kind: 'bad-id' };
  const email = normaliseEmail(input.email);
  const missing = [...(email ? [] : ['email' as const]), ...(input.birthDate.trim() ? [] : ['birthDate' as const])];
  if (missing.length) return { kind: 'missing', fields: missing };
  const birth = parseRocDate(input.birthDate);
  if (!birth.ok) return { kind: 'bad-birth-date' };

  const now = deps.clock.now();
  const hash = deps.ids.hash(id.id);
  const actor = { kind: 'applicant' as const, id: input.applicantId, ip: input.ip ?? null };
  const outcome = await deps.db.transaction(async (tx) => {
    await lockIdNumberHash(tx, hash);
    const other = await findIdConflict(tx, deps.ids.candidates(id.id), input.applicantId, { forUpdate: true });
    if (!other) return { result: { kind: 'no-conflict' } as VoidResult, drop: [] as string[] };
    const subject = { kind: 'applicant_account', id: other.accountId };
    const since = new Date(now.getTime() - VOID_ATTEMPTS.windowMinutes * 60_000);
    if (voidAttemptsExceeded(await countVoidFailures(tx, { applicantId: input.applicantId, targetAccountId: other.accountId, since }))) {
      return { result: { kind: 'too-many' } as VoidResult, drop: [] };
    }
    if (other.accountEmail !== email || other.birthDate !== birth.date) {
      await recordAudit(tx, actor, 'account.void.failure', subject, { idNumber: maskIdNumber(id.id), emailMatched: other.accountEmail === email });
      return { result: { kind: 'mismatch' } as VoidResult, drop: [] };
    }
    await voidAccountRow(tx, other.accountId, now);
    await deps.sessions.destroyAllFor(tx, { kind: 'applicant', id: other.accountId });
    await deleteResumeRow(tx, other.resumeId);
    const staged = await deleteUploads(tx, other.accountId);
    await recordAudit(tx, actor, 'account.void', subject, { reason: 'id-number-reused', idNumber: maskIdNumber(id.id), resumeRemoved: other.resumeId });
    await enqueueMail(tx, accountVoidedMail({ to: other.accountEmail, maskedId: maskIdNumber(id.id), at: now, baseUrl: deps.baseUrl }));
    return { result: { kind: 'voided' } as VoidResult, drop: [other.photoKey, other.attachmentKey, ...staged].filter((k): k is string => !!k) };
  });
  await deleteFiles(deps.storage, outcome.drop);
  if (outcome.result.kind === 'voided') deps.kickMail();
  return outcome.result;
}
