// 確定應徵 (APP-1, APP-2, APP-3, APP-7, GEN-1): in one transaction, for each job of the list: the rule (published
// 不須具 job inside its validity), the application row (the partial unique index makes a second one impossible,
// ON CONFLICT answers 「您已應徵過此職缺」), the frozen resume, copies of its photo/attachment, the produce-resume
// job (none when an earlier application made from the same content lends its ready file); then one mail listing
// the jobs applied for this time and an audit row per application, in one statement.
import { auditInsert } from '../../platform/audit/audit.ts';
import { together } from '../../platform/db/together.ts';
import { jobsTx } from '../../platform/jobs/jobs.ts';
import { mailInsert } from '../../platform/outbox/outbox.ts';
import { newObjectKey } from '../../platform/storage/index.ts';
import { findResume, resumeData } from '../resumes/index.ts';
import { deleteFiles, type ApplicantActor, type ApplicationDeps } from './application.deps.ts';
import { appliedMail } from './application.mails.ts';
import { insertApplication, setFileCopies, vacanciesByWorkId } from './application.repo.ts';
import { applyRefusal, basketOf, CONSENT_VERSION, resumeFileDigest, type ApplyRefusal } from './application.rules.ts';
import type { ResumeSnapshot } from './application.types.ts';
import { PRODUCE_RESUME_QUEUE, PRODUCE_RESUME_QUEUE_OPTIONS } from './produce-resume-file.ts';

export interface ApplyInput extends ApplicantActor {
  workIds: readonly unknown[];
  attachFiles: boolean;
  consent: boolean;
  /** The consent version the page showed (APP-7); must be the current one. */
  consentVersion: string;
}

export interface JobOutcome {
  workId: string;
  title: string | null;
  orgName: string | null;
  reason: ApplyRefusal | 'duplicate';
}

export type ApplyResult =
  | { kind: 'done'; applied: { applicationId: string; workId: string; title: string; orgName: string }[]; refused: JobOutcome[] }
  | { kind: 'no-consent' }
  | { kind: 'no-jobs' }
  | { kind: 'no-resume' };

export async function applyToVacancies(deps: ApplyDepsLike, input: ApplyInput): Promise<ApplyResult> {
  if (!input.consent || input.consentVersion !== CONSENT_VERSION) return { kind: 'no-consent' };
  const workIds = basketOf(input.workIds);
  if (workIds.length === 0) return { kind: 'no-jobs' };
  const jobs = deps.jobs;
  // The queue must be known before the transaction (jobs.ts: jobs.send in a transaction).
  if (jobs) await jobs.createQueue(PRODUCE_RESUME_QUEUE, PRODUCE_RESUME_QUEUE_OPTIONS);
  const copies: string[] = [];
  try {
    const result = await deps.db.transaction(async (tx): Promise<ApplyResult> => {
      const resume = await findResume(tx, input.applicantId);
      if (!resume) return { kind: 'no-resume' };
      const now = deps.clock.now();
      const today = deps.clock.today();
      const found = await vacanciesByWorkId(tx, workIds);
      const data = resumeData(resume);
      const attach = input.attachFiles && resume.attachmentKey !== null;
      const snapshot: ResumeSnapshot = { v: 1, resumeId: resume.id, savedAt: resume.updatedAt.toISOString(), data, attachmentName: attach ? resume.attachmentName : null };
      // GEN-1: the applicant's applications made from this same content share one resume file.
      const digest = resumeFileDigest({ data, attachmentName: snapshot.attachmentName, photoKey: resume.photoKey });
      let fileQueued = false;
      const applied: { applicationId: string; workId: string; title: string; orgName: string }[] = [];
      const refused: JobOutcome[] = [];
      for (const workId of workIds) {
        const v = found.get(workId) ?? null;
        const reason = applyRefusal(v, today);
        if (reason || !v) {
          refused.push({ workId, title: v?.title ?? null, orgName: v?.orgName ?? null, reason: reason ?? 'not-found' });
          continue;
        }
        const row = await insertApplication(tx, {
          vacancyId: v.vacancyId,
          applicantId: input.applicantId,
          appliedAt: now,
          consentVersion: CONSENT_VERSION,
          consentAt: now,
          resumeSnapshot: snapshot,
          attachFiles: attach,
          attachmentName: attach ? resume.attachmentName : null,
          attachmentType: attach ? resume.attachmentType : null,
          attachmentSize: attach ? resume.attachmentSize : null,
          resumeFileDigest: digest,
        });
        if (!row) {
          refused.push({ workId, title: v.title, orgName: v.orgName, reason: 'duplicate' });
          continue;
        }
        // APP-3: the application's own copies, so that a later 儲存履歷 or 刪除履歷 never changes what was sent.
        const photoKey = resume.photoKey ? await copyFile(deps, resume.photoKey, 'applications/photo', 'image/jpeg', copies) : null;
        const attachmentKey = attach && resume.attachmentKey ? await copyFile(deps, resume.attachmentKey, 'applications/attachment', resume.attachmentType ?? 'application/octet-stream', copies) : null;
        if (photoKey || attachmentKey) await setFileCopies(tx, row.id, { photoKey, attachmentKey });
        // Ready at once when an earlier application lent its file; otherwise one job makes the file for every
        // application of this 確定應徵 (the others are marked ready with it: markSiblingsReady).
        if (jobs && row.resumeFileState !== 'ready' && !fileQueued) {
          await jobs.send(PRODUCE_RESUME_QUEUE, { applicationId: row.id }, { db: jobsTx(tx), singletonKey: row.id });
          fileQueued = true;
        }
        applied.push({ applicationId: row.id, workId, title: v.title, orgName: v.orgName });
      }
      if (applied.length > 0) {
        // An audit row per application and the one mail, written together in one statement (platform/db/together.ts).
        const audits = auditInsert(
          tx,
          { kind: 'applicant', id: input.applicantId, ip: input.ip ?? null },
          applied.map((a) => ({ action: 'application.create', subject: { kind: 'application', id: a.applicationId }, details: { workId: a.workId, consentVersion: CONSENT_VERSION, attachFiles: attach } })),
        );
        if (data.basic.email) await together(tx, audits, mailInsert(tx, appliedMail({ to: data.basic.email, name: data.basic.chineseName, jobs: applied, at: now, baseUrl: deps.baseUrl, attached: attach })));
        else await audits;
      }
      return { kind: 'done', applied, refused };
    });
    if (result.kind !== 'done' || result.applied.length === 0) await deleteFiles(deps.storage, copies);
    if (result.kind === 'done' && result.applied.length > 0) deps.kickMail();
    return result;
  } catch (err) {
    await deleteFiles(deps.storage, copies);
    throw err;
  }
}

type ApplyDepsLike = Pick<ApplicationDeps, 'db' | 'clock' | 'storage' | 'jobs' | 'baseUrl' | 'kickMail'>;

async function copyFile(deps: ApplyDepsLike, from: string, prefix: string, contentType: string, copies: string[]): Promise<string | null> {
  const bytes = await deps.storage.getBuffer(from);
  if (!bytes) return null;
  const key = newObjectKey(prefix, deps.clock.now());
  copies.push(key);
  await deps.storage.put(key, bytes, { contentType });
  return key;
}
