// The test kit itself, on both databases: factories insert rows with their overrides, and the HTTP client signs
// in on both front doors (captcha test code, CSRF from the form) and follows redirects.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { staffUsers } from '../src/modules/ecpa/staff.schema.ts';
import { newsletterSubscriptions } from '../src/modules/newsletters/newsletter.schema.ts';
import { resumes } from '../src/modules/resumes/resume.schema.ts';
import { vacancies } from '../src/modules/vacancies/vacancy.schema.ts';
import {
  createAccount,
  createAgency,
  createNewsletterSubscription,
  createResume,
  createStaff,
  createVacancy,
  PASSWORD,
  signInApplicant,
  STAFF_PASSWORD,
} from './factories/index.ts';
import { useTestApp } from './helpers/app.ts';
import { dbDrivers } from './helpers/db.ts';
import { HttpClient } from './helpers/http-client.ts';

describe.each(dbDrivers())('test kit (%s)', (driver) => {
  const h = useTestApp(driver);
  const db = () => h.current.services.db;

  it('factories insert one row each with defaults and overrides, and return the plain password', async () => {
    const pending = await createAccount(db(), { email: 'pending@example.tw', status: 'pending_activation' });
    expect(pending).toMatchObject({ email: 'pending@example.tw', status: 'pending_activation', activatedAt: null, password: PASSWORD });
    expect((await createAccount(h.current.services)).status).toBe('active');

    const agency = await createAgency(db(), { name: '測試局' });
    const hr = await createStaff(db(), { agencyCode: agency.code, roles: ['agency_hr', 'backoffice'], password: 'Other#2026xy' });
    expect(hr.password).toBe('Other#2026xy');
    const [stored] = await db().select().from(staffUsers).where(eq(staffUsers.id, hr.id));
    expect(stored).toMatchObject({ agencyCode: agency.code, roles: ['agency_hr', 'backoffice'], status: 'active' });

    for (const accessMode of ['civil_service', 'open', 'none'] as const) {
      const v = await createVacancy(db(), { accessMode, source: 'bulk_import', orgId: agency.code, validFrom: '2026-01-01', validTo: '2026-01-31' });
      const [row] = await db().select().from(vacancies).where(eq(vacancies.id, v.id));
      expect(row).toMatchObject({ accessMode, source: 'bulk_import', orgId: agency.code, validFrom: '2026-01-01', validTo: '2026-01-31' });
    }

    const r = await createResume(db(), { photoKey: 'photos/x.jpg' });
    const [resume] = await db().select().from(resumes).where(eq(resumes.id, r.id));
    expect(resume).toMatchObject({ photoKey: 'photos/x.jpg', attachmentKey: null });

    const sub = await createNewsletterSubscription(db(), { status: 'pending' });
    const [subRow] = await db().select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.id, sub.id));
    expect(subRow).toMatchObject({ status: 'pending', confirmedAt: null });
  });

  it('PUB-3 the client signs an applicant in through the form and follows the redirect to the resume page', async () => {
    const a = await createAccount(db());
    const c = new HttpClient(h.current.app);
    const res = await c.signInApplicant(a.email, a.password);
    expect(res.statusCode).toBe(303);
    const landing = await c.followRedirects(res);
    expect(landing.statusCode).toBe(200);
    expect(c.lastPage).toContain('履歷');
    const session = await signInApplicant(h.current);
    expect((await new HttpClient(h.current.app).get('/platform/resume', { cookie: session.cookie })).statusCode).toBe(200);
  });

  it('ECPA-1 the client signs a staff user in on /ecpa/login and a wrong password makes no session', async () => {
    const s = await createStaff(db());
    const c = new HttpClient(h.current.app);
    await c.signInStaff(s.account, STAFF_PASSWORD);
    expect((await c.followRedirects(await c.get('/ecpa'))).statusCode).toBe(200);
    await expect(new HttpClient(h.current.app).signInStaff(s.account, 'Wrong#2026zz')).rejects.toThrow(/sign-in .* failed/);
  });
});
