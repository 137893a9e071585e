import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testConfig } from '../../../tests/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/db.ts';
import { buildApp } from '../../app.ts';
import { createServices, type Services } from '../../container.ts';
import { postForm, validFields } from './resumes.test-support.ts';
import { findResume } from './resume.repo.ts';
import { HRDB_IMPORTED_KEY } from './hrdb-handoff.ts';
import { renderResumeForm } from './resume.routes.tsx';
import { signInApplicant } from '../../../tests/factories/index.ts';


describe('RES-4 seam: pre-filling the form from the HR database', () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  const offer = vi.fn(async ({ idNumber }: { idNumber: string }) => (idNumber === 'A223456781' ? { href: '/hrdb/import', label: '從公務人力資料庫帶入相關資料' } : null));

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    services = createServices(testConfig(), database);
    app = await buildApp(services);
    // What the hrdb module's route will do after eCPA verification.
    app.get('/test/hrdb-prefill', { config: { auth: 'applicant' } }, (req, reply) =>
      renderResumeForm(
        services,
        req,
        reply,
        {
          basic: { chineseName: '林小華', idNumber: 'A223456781', gender: 'F', birthDate: '1982-03-04' },
          education: [{ school: '國立政治大學', degree: '碩士', status: '畢業', startDate: '2005-09-01', endDate: '2007-06-30' }],
          experience: Array.from({ length: 7 }, (_, i) => ({ organization: `機關${i + 1}`, jobTitle: '約僱人員', status: '離職' as const, startDate: '2008-01-01', endDate: '2009-01-01' })),
        },
        { hrdbImportOffer: offer },
      ),
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    if (services) rmSync(services.config.dataDir, { recursive: true, force: true });
  });

  it('RES-4 renderResumeForm shows the form filled from a draft (≤ 5 經歷), unsaved, with the button beside the ID on a first resume', async () => {
    const a = await signInApplicant({ services });
    const res = await app.inject({ url: '/test/hrdb-prefill', headers: { cookie: a.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="林小華"');
    expect(res.body).toContain('value="071/03/04"');
    expect(res.body).toContain('value="國立政治大學"');
    expect(res.body).toContain('id="f-experience-5-organization"');
    expect(res.body).not.toContain('id="f-experience-6-organization"');
    expect(res.body).not.toContain('name="importedFromHrdb"'); // the server records the import (issue 9 item 6)
    const idRow = res.body.slice(res.body.indexOf('class="id-row"'), res.body.indexOf('class="gender-field"'));
    // A submit button of the form (works without JavaScript; what was typed is kept on the way to eCPA).
    expect(idRow).toContain('<button type="submit" id="b-hrdb-import" name="action" value="hrdb-import" class="secondary">從公務人力資料庫帶入相關資料</button>');
    expect(offer).toHaveBeenCalledWith(expect.objectContaining({ applicantId: a.id, idNumber: 'A223456781' }));
  });

  it('RES-4 the button is not offered once a resume is saved; the save records the import', async () => {
    const a = await signInApplicant({ services });
    const t = { app, services, database, config: services.config, close: async () => undefined };
    // The verified import as the hrdb route records it in the session (issue 9 item 6; a form field does not count).
    const session = (await services.sessions.load(a.token))!;
    await services.sessions.setData(session.id, { ...session.data, [HRDB_IMPORTED_KEY]: { applicantId: a.id, at: new Date().toISOString() } });
    expect((await postForm(t, a, validFields({ idNumber: 'A870000015' }))).statusCode).toBe(303);
    expect((await findResume(services.db, a.id))?.importedFromHrdbAt).toBeInstanceOf(Date);
    offer.mockClear();
    const res = await app.inject({ url: '/test/hrdb-prefill', headers: { cookie: a.cookie } });
    expect(res.body).not.toContain('value="hrdb-import"');
    expect(offer).not.toHaveBeenCalled();
  });
});
