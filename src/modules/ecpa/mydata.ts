// MyData 履歷表下載 (ECPA-6): a signed-in civil servant downloads their own HR-database resume (公務人員履歷表,
// every part) as PDF. The eCPA account is tied to its HR person the way RES-4's verification ties it: the person
// found by the eCPA 自訂帳號 must carry the national ID whose keyed hash the account holds. A person no longer
// found, or no longer serving (卸職 since signing in), gets a message instead. Every download is audited
// (hrdb.resume_download: who and when, never the content).
import { recordAudit } from '../../platform/audit/audit.ts';
import { idHasher } from '../../platform/crypto/id-hash.ts';
import { renderCivilServiceResumePdf } from '../../platform/pdf/index.ts';
import { civilServiceResumeDocument, type HrPerson } from '../hrdb/index.ts';
import type { EcpaDeps } from './ecpa.deps.ts';
import { findStaffById } from './staff.repo.ts';

export type MyResumeResult = { kind: 'ok'; pdf: Buffer } | { kind: 'not-found' } | { kind: 'left-service' };

/** The neutral file name of the download (no name, no ID number). */
export const MY_RESUME_FILE_NAME = 'mydata-resume.pdf';

/** The HR person behind a staff account, or why there is none. */
export type MyHrPerson = { kind: 'ok'; person: HrPerson; /** the staff account's own address (忘記密碼) */ staffEmail: string | null } | { kind: 'not-found' } | { kind: 'left-service' };

/** Also DK 職缺應徵 (ECPA-5) and the GEN-2 batch (applications module) find a civil servant's HR person this way. */
export async function myHrPerson(deps: Pick<EcpaDeps, 'db' | 'hrdb' | 'config'>, staffId: string): Promise<MyHrPerson> {
  const staff = await findStaffById(deps.db, staffId);
  if (!staff?.nationalIdHash) return { kind: 'not-found' };
  const person = await deps.hrdb.findPersonByAccount(staff.account);
  if (!person || !idHasher(deps.config).matches(staff.nationalIdHash, person.nationalId)) return { kind: 'not-found' };
  if (person.status !== 'current') return { kind: 'left-service' };
  return { kind: 'ok', person, staffEmail: staff.email };
}

/** ECPA-6: the signed-in civil servant's own resume as PDF, audited. */
export async function downloadMyResume(deps: EcpaDeps, input: { staffId: string; ip?: string | null }): Promise<MyResumeResult> {
  const found = await myHrPerson(deps, input.staffId);
  if (found.kind !== 'ok') return found;
  const { document, parts } = civilServiceResumeDocument(found.person);
  const pdf = await renderCivilServiceResumePdf(document, parts, { generatedAt: deps.clock.now() });
  await recordAudit(deps.db, { kind: 'staff', id: input.staffId, ip: input.ip ?? null }, 'hrdb.resume_download', { kind: 'staff_user', id: input.staffId }, {});
  return { kind: 'ok', pdf };
}
