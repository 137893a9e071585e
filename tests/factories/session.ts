// Signed-in applicants without the login form: an account (createAccount) and a session made by the session
// store, as a Cookie header. (To sign in through the form, use HttpClient.signInApplicant.)
import type { ApplicantStatus } from '../../src/modules/accounts/account.schema.ts';
import type { Services } from '../../src/container.ts';
import { createAccount } from './account.ts';

export interface Applicant {
  id: string;
  email: string;
  cookie: string;
  token: string;
}

/** A session for an existing applicant account. */
export async function createApplicantSession(services: Pick<Services, 'sessions'>, applicantId: string): Promise<{ token: string; cookie: string }> {
  const { token } = await services.sessions.create({ principal: { kind: 'applicant', id: applicantId, method: '帳號' } });
  return { token, cookie: `sid=${token}` };
}

/** A new applicant account (active unless `status` says otherwise) with a session. */
export async function signInApplicant(t: { services: Pick<Services, 'db' | 'sessions'> }, opts: { email?: string; status?: ApplicantStatus } = {}): Promise<Applicant> {
  const row = await createAccount(t.services.db, opts);
  const session = await createApplicantSession(t.services, row.id);
  return { id: row.id, email: row.email, ...session };
}
