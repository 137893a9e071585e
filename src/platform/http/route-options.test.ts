import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/principal.ts';
import { audienceVerdict, limited, noCsrf, routes } from './route-options.ts';

const applicant = { kind: 'applicant' as const, roles: [] as Role[] };
const staff = (...roles: Role[]) => ({ kind: 'staff' as const, roles });

describe('route options', () => {
  it('SYS-4 one table: every audience, a per-IP limit and the CSRF exemption keep the base audience', () => {
    expect(Object.values(routes).map((r) => r.config.auth)).toEqual(['public', 'applicant', 'staff', 'agency_hr', 'backoffice', 'civil_servant', 'agency_or_backoffice']);
    expect(limited(routes.applicant, 10).config).toEqual({ auth: 'applicant', rateLimit: { max: 10, timeWindow: 60_000 } });
    expect(noCsrf(routes.public).config).toEqual({ auth: 'public', csrf: false });
    expect(routes.public.config).toEqual({ auth: 'public' }); // the helpers copy, never change the table
  });

  it('SYS-4 anonymous visitors are sent to sign in for every audience but public', () => {
    expect(audienceVerdict('public', null)).toBe('ok');
    for (const a of ['applicant', 'staff', 'agency_hr', 'backoffice', 'civil_servant'] as const) expect(audienceVerdict(a, null)).toBe('sign-in');
  });

  it('SYS-4 a principal of the other door is sent to that door’s sign-in, as an anonymous visitor would be', () => {
    expect(audienceVerdict('applicant', staff('backoffice'))).toBe('sign-in');
    for (const a of ['staff', 'agency_hr', 'backoffice', 'civil_servant'] as const) expect(audienceVerdict(a, applicant)).toBe('sign-in');
  });

  it('SYS-4 staff without the route’s role get not-found (404, never 403); with it, through', () => {
    expect(audienceVerdict('backoffice', staff('agency_hr'))).toBe('not-found');
    expect(audienceVerdict('agency_hr', staff('civil_servant'))).toBe('not-found');
    expect(audienceVerdict('civil_servant', staff('agency_hr', 'backoffice'))).toBe('not-found');
    expect(audienceVerdict('backoffice', staff('agency_hr', 'backoffice'))).toBe('ok');
    expect(audienceVerdict('staff', staff())).toBe('ok');
    // 機關徵才登錄: agency HR staff or the back office (issue 10); a civil servant only is not-found
    expect(audienceVerdict('agency_or_backoffice', staff('agency_hr'))).toBe('ok');
    expect(audienceVerdict('agency_or_backoffice', staff('backoffice'))).toBe('ok');
    expect(audienceVerdict('agency_or_backoffice', staff('civil_servant'))).toBe('not-found');
    expect(audienceVerdict('agency_or_backoffice', applicant)).toBe('sign-in');
    expect(audienceVerdict('applicant', applicant)).toBe('ok');
  });
});
