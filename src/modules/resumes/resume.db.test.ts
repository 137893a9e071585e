import { rmSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../tests/helpers/app.ts';
import { createTestDatabase, dbDrivers, type TestDatabase } from '../../../tests/helpers/db.ts';
import { createServices, type Services } from '../../container.ts';
import { formValues } from '../../platform/http/forms.ts';
import { auditEvents, outboxMessages, sessions } from '../../platform/db/schema/platform.ts';
import { applicantAccounts } from '../accounts/index.ts';
import { deleteResume } from './delete-resume.ts';
import { resumeDeps, type ResumeDeps } from './resume.deps.ts';
import { resumeErrors } from './resume.errors.ts';
import { readResumeForm } from './resume.form.ts';
import { resumeMessages } from './resume.messages.ts';
import { resumeData } from './resume.mapping.ts';
import { findResume } from './resume.repo.ts';
import { validateResume } from './resume.rules.ts';
import { resumes, resumeUploads } from './resume.schema.ts';
import type { ResumeData } from './resume.types.ts';
import { jpeg, tinyPdf, validFields } from './resumes.test-support.ts';
import { saveResume } from './save-resume.ts';
import { stageAttachment, stagePhoto } from './stage-upload.ts';
import { voidAccountUsingId } from './void-account.ts';
import { signInApplicant } from '../../../tests/factories/index.ts';

const ctx = { today: '2026-11-22', m: resumeMessages('zh-TW'), e: resumeErrors('zh-TW') };
function data(overrides: Record<string, string | string[]> = {}): ResumeData {
  const v = validateResume(readResumeForm(formValues(validFields(overrides))), ctx);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.data;
}
const noFiles = { stagedPhotoId: '', stagedAttachmentId: '', deletePhoto: false, replaceAttachment: false };

describe.each(dbDrivers())('resume use cases on %s', (driver) => {
  let database: TestDatabase;
  let services: Services;
  let deps: ResumeDeps;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    services = createServices(testConfig(), database);
    deps = resumeDeps(services);
  });
  afterAll(async () => {
    await database?.close();
    if (services) rmSync(services.config.dataDir, { recursive: true, force: true });
  });
  const t = () => ({ services });
  const audits = (action: string) => services.db.select().from(auditEvents).where(eq(auditEvents.action, action));

  it('RES-11 saves every section in one row, then replaces it; audited', async () => {
    const a = await signInApplicant(t());
    expect(await saveResume(deps, { applicantId: a.id, data: data(), files: noFiles, importedFromHrdb: false })).toEqual({ kind: 'saved', first: true });
    const again = data({ chineseName: '王大明', 'experience-1-organization': '', 'experience-1-jobTitle': '', 'experience-1-status': '', 'experience-1-start': '' });
    expect(await saveResume(deps, { applicantId: a.id, data: again, files: noFiles, importedFromHrdb: false })).toEqual({ kind: 'saved', first: false });
    const rows = await services.db.select().from(resumes).where(eq(resumes.applicantId, a.id));
    expect(rows).toHaveLength(1);
    expect(resumeData(rows[0]!)).toEqual(again);
    expect((await audits('resume.save')).filter((r) => r.actorId === a.id)).toHaveLength(2);
  });

  it('RES-9 RES-10 staged files are taken on 儲存履歷; replaced and deleted ones leave storage', async () => {
    const a = await signInApplicant(t());
    const p1 = await stagePhoto(deps, { applicantId: a.id, file: { filename: 'me.jpg', bytes: await jpeg(), truncated: false }, replaces: '' });
    const f1 = await stageAttachment(deps, { applicantId: a.id, file: { filename: '證照.pdf', bytes: tinyPdf(), truncated: false }, replaces: '' });
    if (!p1.ok || !f1.ok) throw new Error('staging failed');
    expect(await saveResume(deps, { applicantId: a.id, data: data({ idNumber: 'AB23456789' }), files: { ...noFiles, stagedPhotoId: p1.id, stagedAttachmentId: f1.id }, importedFromHrdb: false })).toEqual({ kind: 'saved', first: true });
    const first = (await findResume(services.db, a.id))!;
    expect(first).toMatchObject({ attachmentName: '證照.pdf', attachmentType: 'application/pdf' });
    expect(await services.storage.exists(first.photoKey!)).toBe(true);
    expect(await services.db.select().from(resumeUploads).where(eq(resumeUploads.applicantId, a.id))).toHaveLength(0);

    const f2 = await stageAttachment(deps, { applicantId: a.id, file: { filename: '作品.pdf', bytes: tinyPdf(), truncated: false }, replaces: '' });
    if (!f2.ok) throw new Error('staging failed');
    await saveResume(deps, { applicantId: a.id, data: data({ idNumber: 'AB23456789' }), files: { ...noFiles, deletePhoto: true, stagedAttachmentId: f2.id, replaceAttachment: true }, importedFromHrdb: false });
    const second = (await findResume(services.db, a.id))!;
    expect(second.photoKey).toBeNull();
    expect(second.attachmentName).toBe('作品.pdf');
    expect(await services.storage.exists(first.photoKey!)).toBe(false);
    expect(await services.storage.exists(first.attachmentKey!)).toBe(false);
    expect(await services.storage.exists(second.attachmentKey!)).toBe(true);
  });

  it("SYS-4 another person's staged upload id is not taken", async () => {
    const a = await signInApplicant(t());
    const b = await signInApplicant(t());
    const p = await stagePhoto(deps, { applicantId: a.id, file: { filename: 'me.jpg', bytes: await jpeg(), truncated: false }, replaces: '' });
    if (!p.ok) throw new Error('staging failed');
    const r = await saveResume(deps, { applicantId: b.id, data: data({ idNumber: 'F131104093' }), files: { ...noFiles, stagedPhotoId: p.id }, importedFromHrdb: false });
    expect(r).toEqual({ kind: 'staged-missing', what: 'photo' });
    expect(await findResume(services.db, b.id)).toBeNull();
  });

  describe('RES-3 the same ID number on another account', () => {
    const ID = 'N116247806';
    it('RES-3 a second account cannot save a live account’s ID number; nothing changes', async () => {
      const a = await signInApplicant(t());
      const b = await signInApplicant(t());
      await saveResume(deps, { applicantId: a.id, data: data({ idNumber: ID }), files: noFiles, importedFromHrdb: false });
      expect(await saveResume(deps, { applicantId: b.id, data: data({ idNumber: ID }), files: noFiles, importedFromHrdb: false })).toEqual({ kind: 'id-conflict' });
      expect(await findResume(services.db, b.id)).toBeNull();
    });

    it('RES-3 wrong email or birth date: nothing changes, an audit row; 5 wrong answers stop further tries', async () => {
      const a = await signInApplicant(t());
      const b = await signInApplicant(t());
      await saveResume(deps, { applicantId: a.id, data: data({ idNumber: 'L122544270' }), files: noFiles, importedFromHrdb: false });
      expect(await voidAccountUsingId(deps, { applicantId: b.id, idNumber: 'L122544270', email: 'other@example.com', birthDate: '080/01/14' })).toEqual({ kind: 'mismatch' });
      expect(await voidAccountUsingId(deps, { applicantId: b.id, idNumber: 'L122544270', email: a.email, birthDate: '080/01/15' })).toEqual({ kind: 'mismatch' });
      const [acct] = await services.db.select().from(applicantAccounts).where(eq(applicantAccounts.id, a.id));
      expect(acct!.status).toBe('active');
      expect(await findResume(services.db, a.id)).not.toBeNull();
      const failures = (await audits('account.void.failure')).filter((r) => r.actorId === b.id);
      expect(failures).toHaveLength(2);
      expect(JSON.stringify(failures)).not.toContain('L122544270');
      for (let i = 0; i < 3; i++) await voidAccountUsingId(deps, { applicantId: b.id, idNumber: 'L122544270', email: 'x@example.com', birthDate: '080/01/14' });
      expect(await voidAccountUsingId(deps, { applicantId: b.id, idNumber: 'L122544270', email: a.email, birthDate: '080/01/14' })).toEqual({ kind: 'too-many' });
      expect((await services.db.select().from(applicantAccounts).where(eq(applicantAccounts.id, a.id)))[0]!.status).toBe('active');
    });

    it('RES-3 the right email and birth date void the old account: sign-in gone, resume and files removed, mail, audit; then the save works', async () => {
      const a = await signInApplicant(t(), { email: 'old.owner@example.com' });
      const b = await signInApplicant(t());
      const p = await stagePhoto(deps, { applicantId: a.id, file: { filename: 'me.jpg', bytes: await jpeg(), truncated: false }, replaces: '' });
      if (!p.ok) throw new Error('staging failed');
      await saveResume(deps, { applicantId: a.id, data: data({ idNumber: 'C180661564' }), files: { ...noFiles, stagedPhotoId: p.id }, importedFromHrdb: false });
      const old = (await findResume(services.db, a.id))!;
      expect(await voidAccountUsingId(deps, { applicantId: b.id, idNumber: 'c180661564', email: ' Old.Owner@example.com ', birthDate: '民國80年1月14日' })).toEqual({ kind: 'voided' });

      const [acct] = await services.db.select().from(applicantAccounts).where(eq(applicantAccounts.id, a.id));
      expect(acct).toMatchObject({ status: 'voided' });
      expect(acct!.voidedAt).toBeInstanceOf(Date);
      expect(await services.sessions.load(a.token)).toBeNull();
      expect(await services.db.select().from(sessions).where(and(eq(sessions.principalId, a.id)))).toHaveLength(0);
      expect(await findResume(services.db, a.id)).toBeNull();
      expect(await services.storage.exists(old.photoKey!)).toBe(false);
      const [mail] = await services.db.select().from(outboxMessages).where(eq(outboxMessages.to, 'old.owner@example.com'));
      expect(mail!.subject).toContain('帳號註銷通知');
      expect(mail!.text).toContain('C18****564');
      expect(mail!.text).not.toContain('C180661564');
      const [row] = (await audits('account.void')).filter((r) => r.subjectId === a.id);
      expect(row).toMatchObject({ actorKind: 'applicant', actorId: b.id, subjectKind: 'applicant_account' });

      expect(await saveResume(deps, { applicantId: b.id, data: data({ idNumber: 'C180661564' }), files: noFiles, importedFromHrdb: false })).toEqual({ kind: 'saved', first: true });
      expect(await voidAccountUsingId(deps, { applicantId: b.id, idNumber: 'C180661564', email: 'x@example.com', birthDate: '080/01/14' })).toEqual({ kind: 'no-conflict' });
    });

    it('RES-3 two accounts saving the same ID number at once: one is saved, the other meets the conflict', async () => {
      const a = await signInApplicant(t());
      const b = await signInApplicant(t());
      const results = await Promise.all([a, b].map((x) => saveResume(deps, { applicantId: x.id, data: data({ idNumber: 'Y123456788' }), files: noFiles, importedFromHrdb: false })));
      expect(results.map((r) => r.kind).sort()).toEqual(['id-conflict', 'saved']);
    });
  });

  it('RES-12 刪除履歷 needs the confirmation; removes the resume and its files, audited', async () => {
    const a = await signInApplicant(t());
    const p = await stagePhoto(deps, { applicantId: a.id, file: { filename: 'me.jpg', bytes: await jpeg(), truncated: false }, replaces: '' });
    const f = await stageAttachment(deps, { applicantId: a.id, file: { filename: 'c.pdf', bytes: tinyPdf(), truncated: false }, replaces: '' });
    if (!p.ok || !f.ok) throw new Error('staging failed');
    await saveResume(deps, { applicantId: a.id, data: data({ idNumber: 'O158238845' }), files: { ...noFiles, stagedPhotoId: p.id, stagedAttachmentId: f.id }, importedFromHrdb: false });
    const row = (await findResume(services.db, a.id))!;
    expect(await deleteResume(deps, { applicantId: a.id, confirmed: false })).toEqual({ kind: 'not-confirmed' });
    expect(await findResume(services.db, a.id)).not.toBeNull();
    expect(await deleteResume(deps, { applicantId: a.id, confirmed: true })).toEqual({ kind: 'deleted' });
    expect(await findResume(services.db, a.id)).toBeNull();
    expect(await services.storage.exists(row.photoKey!)).toBe(false);
    expect(await services.storage.exists(row.attachmentKey!)).toBe(false);
    expect((await audits('resume.delete')).filter((r) => r.subjectId === row.id)).toHaveLength(1);
    expect(await deleteResume(deps, { applicantId: a.id, confirmed: true })).toEqual({ kind: 'none' });
  });
});
