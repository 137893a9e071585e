// RES-11 (issue 16 item 4): after a button that does not save, the page comes back with focus on the section
// acted on (`autofocus`, so without JavaScript too), not at the top.
import { describe, expect, it } from 'vitest';
import { signInApplicant } from '../../../tests/factories/index.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { jpeg, postForm, tinyPdf, validFields } from './resumes.test-support.ts';

/** The tag that carries `autofocus` (there must be exactly one). */
function focused(body: string): string {
  const all = body.match(/<[^>]*\sautofocus[\s>][^>]*>?/g) ?? [];
  expect(all).toHaveLength(1);
  return all[0]!;
}

describe('履歷填寫 focus after a row or file button', () => {
  const t = useTestApp();
  const two = { ...validFields(), 'education-2-school': '建國中學', 'education-2-degree': '高中（職）', 'education-2-status': '畢業', 'education-2-start': '095/09/01', 'education-2-end': '098/06/30' };

  it('RES-11 新增學歷/經歷/語文能力 focus the new row’s first field', async () => {
    const a = await signInApplicant(t.current);
    expect(focused((await postForm(t.current, a, { ...validFields(), action: 'add-education' })).body)).toContain('id="f-education-2-school"');
    expect(focused((await postForm(t.current, a, { ...validFields(), action: 'add-experience' })).body)).toContain('id="f-experience-2-organization"');
    expect(focused((await postForm(t.current, a, { ...validFields(), action: 'add-languages' })).body)).toContain('id="f-languages-2-language"');
  });

  it('RES-11 上移/下移 focus the same button on the moved row (or its first field at the end); 刪除 the section', async () => {
    const a = await signInApplicant(t.current);
    const three = { ...two, 'education-3-school': '某國中', 'education-3-degree': '國中', 'education-3-status': '畢業', 'education-3-start': '092/09/01', 'education-3-end': '095/06/30' };
    expect(focused((await postForm(t.current, a, { ...three, action: 'up-education-3' })).body)).toContain('id="b-up-education-2"');
    expect(focused((await postForm(t.current, a, { ...three, action: 'down-education-1' })).body)).toContain('id="b-down-education-2"');
    expect(focused((await postForm(t.current, a, { ...two, action: 'up-education-2' })).body)).toContain('id="f-education-1-school"');
    expect(focused((await postForm(t.current, a, { ...two, action: 'remove-education-2' })).body)).toMatch(/<section[^>]*id="f-education"/);
  });

  it('RES-11 上傳照片 / 上傳附件 / 刪除照片 focus the file field of the section used; 儲存履歷 with errors does not', async () => {
    const a = await signInApplicant(t.current);
    const photo = await postForm(t.current, a, { ...validFields(), action: 'upload' }, [{ name: 'photo', filename: 'me.jpg', bytes: await jpeg(), type: 'image/jpeg' }]);
    expect(focused(photo.body)).toContain('id="f-photo"');
    const pdf = await postForm(t.current, a, { ...validFields(), action: 'upload' }, [{ name: 'attachment', filename: '證照.pdf', bytes: tinyPdf() }]);
    expect(focused(pdf.body)).toContain('id="f-attachment"');
    expect(focused((await postForm(t.current, a, { ...validFields(), action: 'delete-photo' })).body)).toContain('id="f-photo"');
    const bad = await postForm(t.current, a, { ...validFields({ chineseName: '' }), action: 'save' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/\sautofocus[\s>]/);
  });
});
