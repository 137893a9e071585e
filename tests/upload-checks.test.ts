// Issue 9 item 10 through the real form: polyglots are refused; what is stored is served as an attachment with nosniff.
import { describe, expect, it } from 'vitest';
import { findResume } from '../src/modules/resumes/resume.repo.ts';
import { jpeg, postForm, signInApplicant, tinyPdf, validFields } from '../src/modules/resumes/resumes.test-support.ts';
import { useTestApp } from './helpers/app.ts';
import { testIdNumber } from './helpers/id-numbers.ts';

describe('uploads (issue 9 item 10)', () => {
  const t = useTestApp('pglite');
  const html = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>', 'latin1');

  it('RES-9 item 10: a %PDF- + HTML or JPEG-magic + HTML attachment is refused with a message, the resume not saved with it', async () => {
    for (const [i, bytes] of [Buffer.concat([Buffer.from('%PDF-1.7\n'), html]), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html])].entries()) {
      const a = await signInApplicant(t.current);
      const res = await postForm(t.current, a, validFields({ idNumber: testIdNumber(8200 + i) }), [{ name: 'attachment', filename: 'cv.pdf', bytes }]);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.statusCode).not.toBe(303);
      expect(res.body).toContain('error-summary');
      expect((await findResume(t.current.services.db, a.id))?.attachmentKey ?? null).toBeNull();
    }
  });

  it('RES-9 item 10: a real attachment is served as attachment with nosniff; the photo with nosniff', async () => {
    const a = await signInApplicant(t.current);
    const res = await postForm(t.current, a, validFields({ idNumber: testIdNumber(8210) }), [
      { name: 'attachment', filename: 'cv.pdf', bytes: tinyPdf() },
      { name: 'photo', filename: 'me.jpg', bytes: await jpeg() },
    ]);
    expect(res.statusCode).toBe(303);
    const dl = await t.current.app.inject({ url: '/platform/resume/attachment', headers: { cookie: a.cookie } });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    const photo = await t.current.app.inject({ url: '/platform/resume/photo', headers: { cookie: a.cookie } });
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expect(photo.headers['content-type']).toMatch(/^image\//);
  });
});
