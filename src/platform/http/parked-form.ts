// Parked forms (SYS-5, RES-11; issue 16 item 2): a form sent after its session expired is not lost. When a POST
// to a route that opted in (`parksForm(routes.applicant)`) arrives without a live session but with the cookie of
// an expired one (its row keeps the owner while the cookie can still be sent: auth/sessions.ts), the typed
// fields (never a password, a captcha or a token, never a file: kept-fields.ts) are sealed with AES-256-GCM under
// DATA_KEY, bound to the account and the page (crypto/seal.ts), and stored in `parked_forms` for 24 hours, one
// per account and page; the person goes to sign in with `next` = the page. After signing in again as THE SAME
// account, the page's GET takes the form back once (takeParkedForm) and shows it unsaved, with a notice. Another
// account finds nothing; platform maintenance purges what was never taken back. The content is never logged;
// the audit log records that a form was parked and restored, and for which page.
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import { seal, unseal } from '../crypto/seal.ts';
import type { Db } from '../db/client.ts';
import { parkedForms } from '../db/schema/platform.ts';
import type { PlatformServices } from '../services.ts';
import { flash } from './context.ts';
import type { FormValues } from './forms.ts';
import { formPagePath, isSameOrigin, readKeptFields } from './kept-fields.ts';
import { decodeParked, encodeParked, isParkedCurrent, mayPark, PARK_SEAL_LABEL, PARK_TTL_MS, sealContext } from './parked-form.rules.ts';

type Services = Pick<PlatformServices, 'config' | 'db' | 'clock' | 'sessions'>;

/** On the sign-in page after parking. */
const PARKED_MESSAGE = {
  'zh-TW': '您的登入已逾時，請重新登入。您剛才送出的內容已暫時保留（密碼與選擇的檔案不保留），登入同一個帳號後會再顯示，請確認後再送出。',
  en: 'Your session timed out: please sign in again. What you just sent is kept for now (not passwords or chosen files) and is shown again once you sign in to the same account; please check it and send it again.',
} as const;

/**
 * For a POST that would be sent to sign in: parks its form when the route opted in and the request carries an
 * expired session of the route's door. Returns the page to come back to after sign-in (the `next`), or null
 * when nothing was parked. `checkOrigin`: required when the CSRF check failed (a forged POST must plant nothing).
 */
export async function parkExpiredForm(req: FastifyRequest, reply: FastifyReply, services: Services, token: string | undefined, opts: { checkOrigin: boolean }): Promise<string | null> {
  const config = req.routeOptions.config;
  if (req.method !== 'POST' || !config.parkForm || !token || req.principal) return null;
  if (opts.checkOrigin && !isSameOrigin(req, services)) return null;
  const path = formPagePath(req.url);
  if (!path) return null;
  const expired = await services.sessions.expiredIdentity(token);
  const check = { method: req.method, parkForm: true, audience: config.auth ?? 'public', signedIn: false, expired };
  if (!mayPark(check)) return null;
  let text: string | null;
  try {
    text = encodeParked(await readKeptFields(req));
  } catch {
    return null; // an unreadable body: to sign in as before
  }
  if (text === null) return null;
  const { kind, id } = check.expired;
  const now = services.clock.now();
  const row = { principalKind: kind, principalId: id, path, payload: seal(services.config, PARK_SEAL_LABEL, sealContext(kind, id, path), text), createdAt: now, expiresAt: new Date(now.getTime() + PARK_TTL_MS) };
  await services.db.transaction(async (tx) => {
    await tx
      .insert(parkedForms)
      .values(row)
      .onConflictDoUpdate({ target: [parkedForms.principalKind, parkedForms.principalId, parkedForms.path], set: { payload: row.payload, createdAt: now, expiresAt: row.expiresAt } });
    await recordAudit(tx, { kind, id, ip: req.ip }, 'form.parked', null, { path });
  });
  flash(reply, { kind: 'warning', text: PARKED_MESSAGE[req.locale === 'en' ? 'en' : 'zh-TW'] });
  return path;
}

/**
 * The form parked for the signed-in principal and this page (its path), once: the row is deleted whether or not
 * it still opens. Undefined when there is none, it expired, or it does not open (e.g. DATA_KEY changed twice).
 */
export async function takeParkedForm(req: FastifyRequest, services: Services): Promise<FormValues | undefined> {
  const p = req.principal;
  const path = formPagePath(req.url);
  if (!p || !path) return undefined;
  const [row] = await services.db
    .delete(parkedForms)
    .where(and(eq(parkedForms.principalKind, p.kind), eq(parkedForms.principalId, p.id), eq(parkedForms.path, path)))
    .returning();
  if (!row || !isParkedCurrent(row, services.clock.now())) return undefined;
  const text = unseal(services.config, PARK_SEAL_LABEL, sealContext(p.kind, p.id, path), row.payload);
  const values = text === null ? null : decodeParked(text);
  if (!values) return undefined;
  await recordAudit(services.db, { kind: p.kind, id: p.id, ip: req.ip }, 'form.restored', null, { path });
  return values;
}

/** Maintenance: parked forms past their 24 hours. */
export async function purgeParkedForms(db: Db, now: Date): Promise<number> {
  const r = await db.delete(parkedForms).where(lt(parkedForms.expiresAt, now)).returning({ id: parkedForms.principalId });
  return r.length;
}
