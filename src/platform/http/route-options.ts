// The one table of route options (SYS-4): every route says who may call it with one of these, e.g.
//   app.get(path, routes.applicant, handler)
//   app.post(path, limited(routes.public, 10), handler)      // + a per-IP rate limit
//   app.post(path, noCsrf(routes.public), handler)           // a cross-site POST target (one-click unsubscribe)
//   app.post(path, parksForm(routes.applicant), handler)     // sent after the session expired: kept until sign-in
// The audience is checked before the handler by auth/http.ts: anonymous → 303 to the door's sign-in page with
// `next`; signed in at the other door → the same; signed in but without the role → the 404 page.
import type { Role } from '../auth/principal.ts';

/**
 * public: anyone. applicant: a signed-in applicant (應徵平台). staff: any signed-in eCPA staff member (人事服務網).
 * agency_hr, backoffice, civil_servant: a staff member holding that role. agency_or_backoffice: agency HR staff or
 * the back office (機關徵才登錄: 「A back-office user may act for any agency」; which agency is the policy's word).
 */
export type Audience = 'public' | 'applicant' | 'staff' | Role | 'agency_or_backoffice';
export const AUDIENCES: readonly Audience[] = ['public', 'applicant', 'staff', 'agency_hr', 'backoffice', 'civil_servant', 'agency_or_backoffice'];

export interface RouteConfig {
  auth: Audience;
  rateLimit?: { max: number; timeWindow: number };
  csrf?: false;
  /** Sent after the session expired, the form is parked for the same account (platform/http/parked-form.ts). */
  parkForm?: true;
}
export interface RouteOptions {
  readonly config: Readonly<RouteConfig>;
}

const of = (auth: Audience): RouteOptions => Object.freeze({ config: Object.freeze({ auth }) });

export const routes = {
  public: of('public'),
  applicant: of('applicant'),
  staff: of('staff'),
  agencyHr: of('agency_hr'),
  backoffice: of('backoffice'),
  civilServant: of('civil_servant'),
  agencyOrBackoffice: of('agency_or_backoffice'),
} as const;

/** `base`, limited to `perMinute` requests per IP address and minute (on top of the site-wide limit). */
export function limited(base: RouteOptions, perMinute: number): RouteOptions {
  return Object.freeze({ config: Object.freeze({ ...base.config, rateLimit: { max: perMinute, timeWindow: 60_000 } }) });
}

/** `base` without the CSRF check: only for POST targets that must accept cross-site requests. */
export function noCsrf(base: RouteOptions): RouteOptions {
  return Object.freeze({ config: Object.freeze({ ...base.config, csrf: false as const }) });
}

/**
 * `base`, whose form sent after its session expired is parked (encrypted, for the same account, 24 hours) on the
 * way to the sign-in page; the GET of the same path restores it with takeParkedForm (platform/http/parked-form.ts).
 */
export function parksForm(base: RouteOptions): RouteOptions {
  return Object.freeze({ config: Object.freeze({ ...base.config, parkForm: true as const }) });
}

/** Which sign-in page serves an audience (applicant → 應徵平台, every staff audience → 人事服務網). */
export function signInDoor(auth: Audience): 'applicant' | 'staff' | null {
  if (auth === 'public') return null;
  return auth === 'applicant' ? 'applicant' : 'staff';
}

/**
 * What the audience check does with a request (pure; auth/http.ts acts on it): 'ok' runs the handler;
 * 'sign-in' sends an anonymous visitor — or one signed in at the other door — to the audience's sign-in page;
 * 'not-found' answers a signed-in staff member without the role exactly as an unknown address would.
 */
export type AudienceVerdict = 'ok' | 'sign-in' | 'not-found';

export function audienceVerdict(auth: Audience, principal: { kind: 'applicant' | 'staff'; roles: readonly Role[] } | null | undefined): AudienceVerdict {
  if (auth === 'public') return 'ok';
  if (!principal) return 'sign-in';
  if (auth === 'applicant') return principal.kind === 'applicant' ? 'ok' : 'sign-in';
  if (principal.kind !== 'staff') return 'sign-in';
  if (auth === 'staff') return 'ok';
  if (auth === 'agency_or_backoffice') return principal.roles.includes('agency_hr') || principal.roles.includes('backoffice') ? 'ok' : 'not-found';
  return principal.roles.includes(auth) ? 'ok' : 'not-found';
}
