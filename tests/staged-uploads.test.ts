// Issue 9 item 5: staged uploads are bounded per person and purged on a schedule; crash temp files are cleaned.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resumeUploads } from '../src/modules/resumes/resume.schema.ts';
import { MAX_STAGED_PER_PERSON, purgeExpiredStagedUploads } from '../src/modules/resumes/stage-upload.ts';
import { postForm, signInApplicant, tinyPdf, jpeg, validFields } from '../src/modules/resumes/resumes.test-support.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { runMaintenance } from '../src/platform/jobs/maintenance-jobs.ts';
import { resumesModule } from '../src/modules/resumes/index.ts';
import { purgeStaleTempFiles } from '../src/platform/storage/temp-files.ts';
import { useTestApp } from './helpers/app.ts';

describe('staged uploads (issue 9 item 5)', () => {
  const clock = fixedClock(new Date('2026-12-03T08:00:00Z'));
  const t = useTestApp('pglite', { overrides: { clock } });
  const staged = async (applicantId: string) => t.current.services.db.select().from(resumeUploads).where(eq(resumeUploads.applicantId, applicantId));

  it('RES-9 item 5: uploads without a staged id never keep more than 4 files per person; the newest photo stays', async () => {
    const a = await signInApplicant(t.current);
    await postForm(t.current, a, { ...validFields(), action: 'upload' }, [{ name: 'photo', filename: 'me.jpg', bytes: await jpeg() }]);
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      const res = await postForm(t.current, a, { ...validFields(), action: 'upload' }, [{ name: 'attachment', filename: `f${i}.pdf`, bytes: tinyPdf() }]);
      expect(res.statusCode).toBeLessThan(500);
    }
    const rows = await staged(a.id);
    expect(rows.length).toBe(MAX_STAGED_PER_PERSON);
    expect(rows.filter((r) => r.kind === 'photo')).toHaveLength(1);
    for (const r of rows) expect(await t.current.services.storage.exists(r.fileKey)).toBe(true);
  });

  it('RES-9 item 5: the scheduled purge removes staged rows and files older than 24 h, and keeps newer ones', async () => {
    const a = await signInApplicant(t.current);
    await postForm(t.current, a, { ...validFields(), action: 'upload' }, [{ name: 'attachment', filename: 'old.pdf', bytes: tinyPdf() }]);
    const [old] = await staged(a.id);
    expect(old).toBeDefined();
    clock.advance(25 * 3600_000);
    const b = await signInApplicant(t.current);
    await postForm(t.current, b, { ...validFields(), action: 'upload' }, [{ name: 'photo', filename: 'new.jpg', bytes: await jpeg() }]);
    const purged = await purgeExpiredStagedUploads({ db: t.current.services.db, storage: t.current.services.storage, clock });
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await staged(a.id)).toEqual([]);
    expect((await staged(b.id)).map((r) => r.kind)).toEqual(['photo']);
    expect(await t.current.services.storage.exists(old!.fileKey)).toBe(false);
    // The hourly maintenance runs it too.
    clock.advance(25 * 3600_000);
    let purgedByJob = 0;
    await runMaintenance(t.current.services, [async () => void (purgedByJob = (await resumesModule.maintenance!(t.current.services)) ?? 0)]);
    expect(purgedByJob).toBe(1);
  });

  it('SYS-4 item 5: .tmp-* files a crash left in disk storage are removed once older than an hour', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sqr-tmp-'));
    mkdirSync(join(root, 'objects', 'resumes'), { recursive: true });
    const stale = join(root, 'objects', 'resumes', '.tmp-stale');
    const fresh = join(root, 'objects', 'resumes', '.tmp-fresh');
    const kept = join(root, 'objects', 'resumes', 'a-real-object');
    for (const f of [stale, fresh, kept]) writeFileSync(f, 'x');
    const now = new Date();
    const twoHoursAgo = new Date(now.getTime() - 2 * 3600_000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    utimesSync(kept, twoHoursAgo, twoHoursAgo);
    expect(await purgeStaleTempFiles(root, now)).toBe(1);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(kept)).toBe(true);
  });
});
