// SYS-2 / ADM-3 (audit log search, CSV export, append-only) and ADM-4 (mail outbox) over HTTP on both databases.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../platform/audit/audit.ts';
import { auditEvents, outboxMessages } from '../../platform/db/schema/platform.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { formatRoc } from '../../platform/tw/roc-date.ts';
import { createAgency, createStaff, createVacancy, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';

describe.each(dbDrivers())('back office records (%s)', (driver) => {
  const h = useTestApp(driver);
  const db = () => h.current.services.db;

  async function signedIn(roles: ('backoffice' | 'agency_hr')[], name = '王小明') {
    await createAgency(db(), { code: '376420000A', name: '宜蘭縣政府' });
    const staff = await createStaff(db(), { agencyCode: '376420000A', name, roles });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(staff.account, STAFF_PASSWORD);
    return { staff, c };
  }

  it('SYS-2 ADM-3 searches by actor, action, subject (職缺編號), time range and IP; each row is a sentence with the name masked', async () => {
    const { staff, c } = await signedIn(['backoffice']);
    const v = await createVacancy(db(), { orgId: '376420000A', orgName: '宜蘭縣政府', vitaeEmail: '' });
    await c.get(`/backoffice/vacancies/${v.id}`);
    await c.post(`/backoffice/vacancies/${v.id}/take-down`, { reason: '稽核測試' });
    await recordAudit(db(), { kind: 'staff', id: staff.id, ip: '192.0.2.77' }, 'vacancy.update', { kind: 'vacancy', id: v.id }, { workId: v.workId });
    const today = formatRoc(h.current.services.clock.today());
    /** The result table only (the form's action list names every action). */
    const get = async (qs: string) => /<tbody>[\s\S]*<\/tbody>/.exec((await c.get(`/backoffice/audit?${qs}`)).body)?.[0] ?? '';
    const sentence = new RegExp(`宜蘭縣政府 王○○ 於 \\d{3}/\\d{2}/\\d{2} \\d{2}:\\d{2} 下架職缺（職缺 ${v.workId}）`);
    expect(await get(`actor=${encodeURIComponent('王小明')}&action=vacancy.take_down`)).toMatch(sentence);
    expect(await get(`actor=${encodeURIComponent('王小明')}`)).not.toContain('王小明');
    expect(await get(`subject=${v.workId}`)).toMatch(sentence);
    expect(await get(`subject=${v.workId}&action=vacancy.`)).toContain('修改職缺');
    expect(await get(`ip=192.0.2.77`)).toContain('修改職缺');
    expect(await get(`ip=192.0.2.77`)).not.toContain('下架職缺');
    expect(await get(`ip=192.0.2.`)).toContain('修改職缺');
    expect(await get(`from=${encodeURIComponent(today)}&to=${encodeURIComponent(today)}&subject=${v.workId}`)).toMatch(sentence);
    expect(await get(`to=${encodeURIComponent('100/01/01')}&subject=${v.workId}`)).not.toMatch(sentence);
    expect(await get(`actor=${encodeURIComponent('沒有這個人')}&subject=${v.workId}`)).toContain('查無紀錄');
    const bad = await c.get('/backoffice/audit?from=115/99/99&ip=%3Cx%3E');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('時間（起）請以民國日期填寫');
  });

  it('SYS-2 the CSV export of a search: UTF-8 with BOM, formula-guarded, and the export itself is audited', async () => {
    const { staff, c } = await signedIn(['backoffice']);
    await recordAudit(db(), { kind: 'staff', id: staff.id, ip: '=1+2' }, 'vacancy.update', { kind: 'vacancy', id: 'x' }, { note: '=HYPERLINK("http://evil.example")' });
    const res = await c.get('/backoffice/audit.csv?action=vacancy.update');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="audit-\d{8}\.csv"$/);
    expect(res.rawPayload.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(res.body).toContain("'=1+2");
    expect(res.body).not.toMatch(/(^|,)=1\+2/m);
    expect(res.body).toContain('修改職缺');
    const [exported] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'audit.export'), eq(auditEvents.actorId, staff.id)));
    expect(exported!.details).toMatchObject({ query: 'action=vacancy.update', count: expect.any(Number) });
    expect(exported!.details.count).toBeGreaterThanOrEqual(1);
  });

  it('SYS-6 the back-office pages read in English: menu, search fields, errors and flash messages', async () => {
    const { c } = await signedIn(['backoffice']);
    const home = await c.get('/backoffice?lang=en');
    expect(home.body).toContain('DGPA back office');
    expect(home.body).toContain('Vacancy review: 0 waiting');
    expect(home.body).not.toContain('人事總處後臺');
    const bad = await c.get('/backoffice/audit?lang=en&from=x&ip=%3C');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('From: enter an ROC date, e.g. 115/12/03');
    expect(bad.body).toContain('An IP address has only digits');
    const search = await c.get('/backoffice/vacancies?lang=en&state=flagged');
    expect(search.body).toContain('<option value="flagged" selected>Awaiting review</option>');
    const outbox = await c.get('/backoffice/outbox?lang=en');
    expect(outbox.body).toContain('Recipient e-mail (part is enough)');
    await c.get('/backoffice/outbox?lang=en');
    const retried = await c.post('/backoffice/outbox/retry-failed?lang=en', {});
    expect(retried.statusCode).toBe(303);
    expect((await c.get('/backoffice/outbox?lang=en')).body).toContain('No mail has failed.');
  });

  it('SYS-2 the audit log is append-only: the database refuses UPDATE, DELETE and TRUNCATE of its rows', async () => {
    await recordAudit(db(), { kind: 'system' }, 'test.append_only', null);
    const attempts = [
      sql`UPDATE audit_events SET action = 'changed' WHERE action = 'test.append_only'`,
      sql`DELETE FROM audit_events WHERE action = 'test.append_only'`,
      sql`TRUNCATE audit_events`,
    ];
    for (const statement of attempts) {
      const error = await db().execute(statement).then(() => null, (e: unknown) => e as Error & { cause?: Error });
      expect(`${error?.message} ${error?.cause?.message}`).toMatch(/audit_events is append-only/);
    }
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.action, 'test.append_only'));
    expect(rows).toHaveLength(1);
  });

  it('SYS-2 no application code updates or deletes audit rows (the only write is recordAudit’s insert)', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
          const text = readFileSync(p, 'utf8');
          if (/\.(update|delete)\(\s*auditEvents\b/.test(text) || /(UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?audit_events/i.test(text)) offenders.push(p.slice(root.length));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });

  it('ADM-4 lists sent, pending and failed mail with the last error and attempts; filters by state and address; bodies for the back office only, the read audited', async () => {
    const { staff, c } = await signedIn(['backoffice']);
    const [failedId, pendingId] = await enqueueMail(db(), { to: 'broken@example.tw', subject: '失敗的信', text: '個資：A123456789' }, { to: 'waiting@example.tw', subject: '待寄的信', text: '內容' });
    await db().update(outboxMessages).set({ state: 'failed', attempts: 8, lastError: '550 mailbox unavailable' }).where(eq(outboxMessages.id, failedId!));
    const failed = await c.get('/backoffice/outbox?state=failed');
    expect(failed.body).toContain('broken@example.tw');
    expect(failed.body).toContain('550 mailbox unavailable');
    expect(failed.body).toMatch(/<td[^>]*><span>8<\/span><\/td>/);
    expect(failed.body).not.toContain('waiting@example.tw');
    expect(failed.body).not.toContain('A123456789');
    const byAddress = await c.get('/backoffice/outbox?to=WAITING');
    expect(byAddress.body).toContain('waiting@example.tw');
    expect(byAddress.body).not.toContain('broken@example.tw');
    const body = await c.get(`/backoffice/outbox/${failedId}`);
    expect(body.statusCode).toBe(200);
    expect(body.body).toContain('個資：A123456789');
    const [read] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'mail.read'), eq(auditEvents.subjectId, failedId!)));
    expect(read!.actorId).toBe(staff.id);
    expect((await c.get('/backoffice/outbox/not-a-uuid')).statusCode).toBe(404);
    const { c: hr } = await signedIn(['agency_hr'], '林人事');
    expect((await hr.get(`/backoffice/outbox/${pendingId}`)).statusCode).toBe(404);
  });

  it('ADM-4 retry one failed mail and all failed mail: pending again, attempts reset, audited; a non-failed one is not touched', async () => {
    const { staff, c } = await signedIn(['backoffice']);
    const ids = await enqueueMail(db(), { to: 'r1@example.tw', subject: '一', text: '1' }, { to: 'r2@example.tw', subject: '二', text: '2' }, { to: 'r3@example.tw', subject: '三', text: '3' });
    await db().update(outboxMessages).set({ state: 'failed', attempts: 8, lastError: 'timeout' }).where(sql`${outboxMessages.id} IN (${sql.join(ids.slice(0, 2).map((i) => sql`${i}::uuid`), sql`, `)})`);
    await c.get('/backoffice/outbox?state=failed');
    const one = await c.post(`/backoffice/outbox/${ids[0]}/retry`, { back: '/backoffice/outbox?state=failed' });
    expect(one.statusCode).toBe(303);
    expect(one.headers.location).toBe('/backoffice/outbox?state=failed');
    const [r1] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, ids[0]!));
    expect(r1).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'mail.retry'), eq(auditEvents.subjectId, ids[0]!)))).toHaveLength(1);
    const evil = await c.post(`/backoffice/outbox/${ids[2]}/retry`, { back: 'https://evil.example/' });
    expect(evil.headers.location).toBe('/backoffice/outbox');
    expect((await db().select().from(outboxMessages).where(eq(outboxMessages.id, ids[2]!)))[0]!.attempts).toBe(0);
    await c.get('/backoffice/outbox');
    const all = await c.post('/backoffice/outbox/retry-failed', {});
    expect(all.statusCode).toBe(303);
    const [r2] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, ids[1]!));
    expect(r2).toMatchObject({ state: 'pending', attempts: 0 });
    const [bulk] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'mail.retry_all'), eq(auditEvents.actorId, staff.id)));
    expect((bulk!.details as { count: number }).count).toBeGreaterThanOrEqual(1);
  });
});
