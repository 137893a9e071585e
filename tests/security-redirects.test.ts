// Issue 9 items 1 and 2: no off-site or unsendable Location from a `next`, and never Fastify's raw error body.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { resumes } from '../src/modules/resumes/resume.schema.ts';
import { postForm, signInApplicant, validFields } from '../src/modules/resumes/resumes.test-support.ts';
import { useTestApp } from './helpers/app.ts';
import { testIdNumber } from './helpers/id-numbers.ts';

const HOSTILE = ['/%09/evil.example/phish', '/%0a', '/%0d', '/%00', '/%FF', '/%E3%80%80', '//evil.example', '/%5Cevil.example', 'https://evil.example'];

function sameSite(location: unknown): boolean {
  return typeof location === 'string' && /^\/(?![/\\])[!-~]*$/.test(location);
}

describe('redirect targets and error bodies (issue 9 items 1, 2)', () => {
  const t = useTestApp('pglite', {
    routes: (app) => {
      app.get('/test/bad-header', { config: { auth: 'public' } }, async (_req, reply) => reply.header('x-test', 'a\nb').send('ok'));
      app.get('/test/bad-location', { config: { auth: 'public' } }, async (_req, reply) => reply.redirect('/\u3000x', 303));
    },
  });

  it('SYS-4 item 1: /lang refuses a tab-prefixed protocol-relative next and every hostile next', async () => {
    for (const next of HOSTILE) {
      const res = await t.current.app.inject(`/lang?to=en&next=${next}`);
      expect(res.statusCode, next).toBe(303);
      expect(res.headers.location, next).toBe('/');
    }
    const ok = await t.current.app.inject('/lang?to=en&next=%2Fjobs%3Fq%3Da');
    expect(ok.headers.location).toBe('/jobs?q=a');
  });

  it('SYS-4 item 1: sign-in pages never land off-site or answer 500', async () => {
    for (const next of HOSTILE) {
      for (const url of [`/platform/login?next=${next}`, `/ecpa/login?next=${next}`]) {
        const res = await t.current.app.inject(url);
        expect(res.statusCode, url).toBeLessThan(500);
        if (res.headers.location) expect(sameSite(res.headers.location), url).toBe(true);
      }
    }
  });

  it('RES-11 item 2: 儲存履歷 with a hostile next saves the resume and lands on the form', async () => {
    for (const [i, next] of ['/\t/evil.example', '/\n', '/\r', '/\0', '/\u3000', '//evil.example', '/%FF'].entries()) {
      const a = await signInApplicant(t.current);
      const res = await postForm(t.current, a, validFields({ next, idNumber: testIdNumber(9100 + i) }));
      expect(res.statusCode, JSON.stringify(next)).toBe(303);
      expect(res.headers.location).toBe('/platform/resume');
      const rows = await t.current.services.db.select().from(resumes).where(eq(resumes.applicantId, a.id));
      expect(rows).toHaveLength(1);
    }
  });

  it('SYS-4 item 2: an error while sending the reply (a header Node refuses) is the HTML error page, not JSON', async () => {
    for (const url of ['/test/bad-header', '/test/bad-location']) {
      for (const accept of ['text/html', 'application/json', '*/*']) {
        const res = await t.current.app.inject({ url, headers: { accept } });
        expect(res.statusCode, url).toBe(500);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).not.toContain('"statusCode"');
        expect(res.body).not.toContain('ERR_INVALID_CHAR');
        expect(res.headers.location).toBeUndefined();
      }
    }
  });

  it('SYS-4 item 2: a 404 or 403 asked for as JSON is still the HTML page', async () => {
    const res = await t.current.app.inject({ url: '/no/such', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
