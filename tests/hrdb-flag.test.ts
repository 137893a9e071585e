// Issue 9 item 6: 「從公務人力資料庫帶入」 on a saved resume comes from the verified import in the session, never
// from a form field. (The whole verified flow, which sets it, is proven in src/modules/hrdb/hrdb-import.test.ts.)
import { describe, expect, it } from 'vitest';
import { findResume } from '../src/modules/resumes/resume.repo.ts';
import { HRDB_IMPORTED_KEY } from '../src/modules/resumes/hrdb-handoff.ts';
import { postForm, signInApplicant, validFields } from '../src/modules/resumes/resumes.test-support.ts';
import { useTestApp } from './helpers/app.ts';
import { testIdNumber } from './helpers/id-numbers.ts';

describe('importedFromHrdb (issue 9 item 6)', () => {
  const t = useTestApp('pglite');

  it('RES-4 item 6: a forged importedFromHrdb field has no effect', async () => {
    const a = await signInApplicant(t.current);
    const res = await postForm(t.current, a, validFields({ idNumber: testIdNumber(7101), importedFromHrdb: '1' }));
    expect(res.statusCode).toBe(303);
    expect((await findResume(t.current.services.db, a.id))?.importedFromHrdbAt).toBeNull();
  });

  it('RES-4 item 6: the verified import recorded in the session marks the saved resume, once', async () => {
    const a = await signInApplicant(t.current);
    const session = (await t.current.services.sessions.load(a.token))!;
    await t.current.services.sessions.setData(session.id, { ...session.data, [HRDB_IMPORTED_KEY]: { applicantId: a.id, at: new Date().toISOString() } });
    expect((await postForm(t.current, a, validFields({ idNumber: testIdNumber(7102) }))).statusCode).toBe(303);
    expect((await findResume(t.current.services.db, a.id))?.importedFromHrdbAt).toBeInstanceOf(Date);
    expect((await t.current.services.sessions.load(a.token))!.data[HRDB_IMPORTED_KEY]).toBeUndefined();
  });

  it('RES-4 item 6: another applicant’s recorded import does not count', async () => {
    const a = await signInApplicant(t.current);
    const session = (await t.current.services.sessions.load(a.token))!;
    await t.current.services.sessions.setData(session.id, { ...session.data, [HRDB_IMPORTED_KEY]: { applicantId: '00000000-0000-4000-8000-0000000000aa', at: new Date().toISOString() } });
    expect((await postForm(t.current, a, validFields({ idNumber: testIdNumber(7103), importedFromHrdb: '1' }))).statusCode).toBe(303);
    expect((await findResume(t.current.services.db, a.id))?.importedFromHrdbAt).toBeNull();
  });
});
