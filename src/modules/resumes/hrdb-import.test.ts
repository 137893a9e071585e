// RES-4 從公務人力資料庫帶入相關資料 end to end over fastify.inject: the offer beside 身分證統一編號 on a first
// resume, the button (a submit button of the form) keeping what was typed, 人事服務網身分驗證, the pre-filled form,
// nothing saved until 儲存履歷, and the refusals.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_CAPTCHA, useTestApp } from '../../../tests/helpers/app.ts';
import { fixedClock } from '../../platform/clock.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { getThenPost } from '../ecpa/ecpa.test-support.ts';
import { HRDB_VERIFIED_KEY, HRDB_VERIFICATION_TTL_MS } from '../ecpa/index.ts';
import { HRDB_IMPORT_FORM_KEY, HRDB_IMPORTED_KEY } from './hrdb-handoff.ts';
import { OFFER_PROBE_ACTION } from './probe-limits.ts';
import { findResume } from './resume.repo.ts';
import { formData, postForm, validFields } from './resumes.test-support.ts';
import { HRDB_IMPORT_PATH } from './hrdb-import.routes.ts';
import { seedHrdbDemo, HRDB_DEMO_PASSWORD, WELL_KNOWN_PEOPLE } from '../hrdb/index.ts';
import { signInApplicant, type Applicant } from '../../../tests/factories/index.ts';
import { freshIp } from '../../../tests/helpers/http-client.ts';

const FORMER = WELL_KNOWN_PEOPLE.formerContract; // 黃雅婷 G221508377, former 約僱
const BUTTON = '<button type="submit" id="b-hrdb-import" name="action" value="hrdb-import" class="secondary">從公務人力資料庫帶入相關資料</button>';
const VERIFY_URL = `/ecpa/verify?next=${encodeURIComponent(HRDB_IMPORT_PATH)}`;

/** The values a browser would send for the resume form in `html` (no files, no buttons). */
function formFields(html: string): Record<string, string | string[]> {
  const start = html.indexOf('class="resume-form"');
  const form = html.slice(start, html.indexOf('</form>', start));
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const attr = (tag: string, name: string) => {
    const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
    return m ? decode(m[1]!) : undefined;
  };
  const out: Record<string, string[]> = {};
  const add = (k: string, v: string) => (out[k] ??= []).push(v);
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    if (!name || name === '_csrf' || type === 'file' || type === 'submit') continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked(?=[\s>=/])/.test(tag)) continue;
    add(name, attr(tag, 'value') ?? 'on');
  }
  for (const [, open, options] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const chosen = /<option\b[^>]*\sselected(?=[\s>=/])[^>]*>/.exec(options!) ?? /<option\b[^>]*>/.exec(options!);
    add(attr(open!, 'name')!, chosen ? (attr(chosen[0], 'value') ?? '') : '');
  }
  for (const [, open, text] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) add(attr(open!, 'name')!, decode(text!));
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

describe('RES-4 從公務人力資料庫帶入相關資料', () => {
  const clock = fixedClock('2025-06-02T09:00:00+08:00');
  const t = useTestApp('pglite', { overrides: { clock } });

  // These tests type the same few IDs from many accounts: the per-ID probe limit (issue 9 item 11, proven in
  // tests/enumeration-limits.test.ts) starts afresh for each. The audit log is append-only (migration 0013's
  // trigger refuses DELETE): the test removes the probe rows as a database superuser would, with triggers off.
  beforeEach(async () => {
    await t.current.services.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.delete(auditEvents).where(eq(auditEvents.action, OFFER_PROBE_ACTION));
    });
  });
  beforeAll(async () => {
    await seedHrdbDemo(t.current.services.db, t.current.config);
  });

  /** The form as it comes back after a button that only re-renders it (上傳, with nothing chosen). */
  const typed = (a: Applicant, fields: Record<string, string | string[]>) => postForm(t.current, a, { ...fields, action: 'upload' });
  /** Presses 從公務人力資料庫帶入相關資料 with these typed values. */
  const pressImport = (a: Applicant, fields: Record<string, string | string[]>) => postForm(t.current, a, { ...fields, action: 'hrdb-import' });
  const verify = (a: Applicant, account: string) =>
    getThenPost(t.current.app, VERIFY_URL, '/ecpa/verify', { next: HRDB_IMPORT_PATH, account, password: HRDB_DEMO_PASSWORD, captcha: TEST_CAPTCHA }, { cookie: a.cookie, ip: freshIp() });
  const openImport = (a: Applicant) => t.current.app.inject({ url: HRDB_IMPORT_PATH, headers: { cookie: a.cookie } });
  const sessionData = async (a: Applicant) => (await t.current.services.sessions.load(a.token))?.data ?? {};
  const auditOf = async (a: Applicant, action: string) => t.current.services.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.actorId, a.id)));
  /** The flash shown after a redirect to 履歷填寫. */
  async function followed(a: Applicant, res: { headers: Record<string, unknown>; cookies: { name: string; value: string }[] }) {
    const flashCookie = res.cookies.find((c) => c.name === 'flash');
    return t.current.app.inject({ url: String(res.headers.location), headers: { cookie: flashCookie ? `${a.cookie}; flash=${flashCookie.value}` : a.cookie } });
  }

  it('RES-4 a first resume with 黃雅婷’s ID (a former 約僱 employee) offers the button beside 身分證統一編號', async () => {
    const a = await signInApplicant(t.current);
    const empty = await t.current.app.inject({ url: '/platform/resume', headers: { cookie: a.cookie } });
    expect(empty.body).not.toContain('value="hrdb-import"'); // no ID typed yet
    const res = await typed(a, { idNumber: FORMER.nationalId });
    expect(res.statusCode).toBe(200);
    const idRow = res.body.slice(res.body.indexOf('class="id-row"'), res.body.indexOf('class="gender-field"'));
    expect(idRow).toContain(BUTTON);
    expect(res.body).not.toMatch(/href="[^"]*G221508377/);
    // 蔡志明, a former 聘用 employee, too; lower case and full-width typing are the same ID.
    expect((await typed(a, { idNumber: WELL_KNOWN_PEOPLE.formerHire.nationalId.toLowerCase() })).body).toContain(BUTTON);
  });

  it('RES-4 on blur (JavaScript): POST /platform/resume/hrdb-offer answers the offer as JSON, by the same probe as 「檢查」; CSRF needed; none once a resume is saved', async () => {
    const a = await signInApplicant(t.current);
    const page = await t.current.app.inject({ url: '/platform/resume', headers: { cookie: a.cookie } });
    const token = decodeURIComponent(/action="\/platform\/resume\?_csrf=([^"&]+)"/.exec(page.body)![1]!);
    const cookie = [a.cookie, ...(page.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`)].join('; ');
    expect(page.body).toContain('data-offer-url="/platform/resume/hrdb-offer"');
    expect(page.body).toContain('src="/assets/js/hrdb-offer.js"');
    const ask = (idNumber: string, csrf: string | null = token) =>
      t.current.app.inject({
        method: 'POST',
        url: '/platform/resume/hrdb-offer',
        payload: new URLSearchParams({ idNumber }).toString(),
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...(csrf ? { 'csrf-token': csrf } : {}) },
        remoteAddress: freshIp(),
      });
    const offered = await ask(FORMER.nationalId.toLowerCase());
    expect(offered.statusCode).toBe(200);
    expect(offered.headers['cache-control']).toBe('no-store');
    expect(offered.json()).toEqual({ offer: { label: '從公務人力資料庫帶入相關資料' } });
    expect((await ask('A223456781')).json()).toEqual({ offer: null }); // valid, not a former 聘用/約僱 employee
    expect((await ask('A123456788')).json()).toEqual({ offer: null }); // checksum wrong: no probe
    expect((await auditOf(a, OFFER_PROBE_ACTION)).length).toBe(2);
    expect((await ask(FORMER.nationalId, null)).statusCode).toBe(403);
    expect((await postForm(t.current, a, validFields({ idNumber: 'A800000014' }))).statusCode).toBe(303);
    expect((await ask(FORMER.nationalId)).json()).toEqual({ offer: null });
  });

  it('RES-4 「檢查」 beside the ID offers 帶入 at once (no failed 儲存履歷 needed), focused; not once a resume is saved', async () => {
    const a = await signInApplicant(t.current);
    const empty = await t.current.app.inject({ url: '/platform/resume', headers: { cookie: a.cookie } });
    const idRow = (body: string) => body.slice(body.indexOf('class="id-row"'), body.indexOf('class="gender-field"'));
    expect(idRow(empty.body)).toContain('name="action" value="check-id"');
    expect(idRow(empty.body)).toContain('檢查');
    const checked = await postForm(t.current, a, { idNumber: FORMER.nationalId, chineseName: '黃雅婷', action: 'check-id' });
    expect(checked.statusCode).toBe(200);
    expect(idRow(checked.body)).toContain(BUTTON.replace('id="b-hrdb-import"', 'id="b-hrdb-import" autofocus'));
    expect(checked.body).not.toContain('value="check-id"');
    expect(checked.body).toContain('value="黃雅婷"'); // nothing typed is lost
    expect(await findResume(t.current.services.db, a.id)).toBeNull(); // nothing saved
    // An ID that does not qualify: no offer, and it says so; the button stays.
    const other = await postForm(t.current, a, { idNumber: 'A223456781', action: 'check-id' });
    expect(other.body).not.toContain('value="hrdb-import"');
    expect(other.body).toContain('此身分證統一編號無法從公務人力資料庫帶入資料');
    expect(other.body).toContain('value="check-id"');
    // Every check is a probe (audited, limited: probe-limits.ts).
    expect((await auditOf(a, OFFER_PROBE_ACTION)).length).toBeGreaterThanOrEqual(2);
    const saved = await signInApplicant(t.current);
    expect((await postForm(t.current, saved, validFields({ idNumber: 'A123456789' }))).statusCode).toBe(303);
    const page = await t.current.app.inject({ url: '/platform/resume', headers: { cookie: saved.cookie } });
    expect(page.body).not.toContain('value="check-id"');
    expect((await postForm(t.current, saved, { ...validFields({ idNumber: FORMER.nationalId }), action: 'check-id' })).body).not.toContain('value="hrdb-import"');
  });

  it('RES-4 no button for 吳佳蓉 (still in service), 周建宏 (技工), an ID unknown to the HR database, an invalid ID, or once a resume is saved', async () => {
    const a = await signInApplicant(t.current);
    for (const idNumber of [WELL_KNOWN_PEOPLE.currentContract.nationalId, WELL_KNOWN_PEOPLE.formerTechnician.nationalId, 'A223456781', 'G221508378']) {
      const res = await typed(a, { idNumber });
      expect(res.statusCode, idNumber).toBe(200);
      expect(res.body, idNumber).not.toContain('value="hrdb-import"');
    }
    const saved = await signInApplicant(t.current);
    expect((await postForm(t.current, saved, validFields({ idNumber: 'A870000015' }))).statusCode).toBe(303);
    expect((await typed(saved, { idNumber: FORMER.nationalId })).body).not.toContain('value="hrdb-import"');
    // Pressing the button anyway (an old page) leaves nothing in the session and says why.
    const pressed = await pressImport(saved, { idNumber: FORMER.nationalId });
    expect(pressed.statusCode).toBe(200);
    expect(pressed.body).toContain('此身分證統一編號無法從公務人力資料庫帶入資料');
    expect((await sessionData(saved))[HRDB_IMPORT_FORM_KEY]).toBeUndefined();
    const craftsman = await pressImport(a, { idNumber: WELL_KNOWN_PEOPLE.formerTechnician.nationalId });
    expect(craftsman.statusCode).toBe(200);
    expect(craftsman.body).toContain('此身分證統一編號無法從公務人力資料庫帶入資料');
  });

  it('RES-4 the whole flow: button → 人事服務網身分驗證 → the form filled from the HR database with what was typed kept → nothing saved until 儲存履歷', async () => {
    const a = await signInApplicant(t.current, { email: 'yating@example.com' });
    const pressed = await pressImport(a, {
      chineseName: '黃雅婷',
      idNumber: FORMER.nationalId.toLowerCase(),
      'languages-1-language': '日語',
      'languages-1-reading': '中等',
      skills: '公文撰寫、戶籍登記',
      autobiography: '我在宜蘭縣政府擔任約僱人員。',
    });
    expect(pressed.statusCode).toBe(303);
    expect(pressed.headers.location).toBe('/ecpa/verify?next=%2Fplatform%2Fresume%2Fhrdb-import');
    // The typed form waits in the session, with the ID as a keyed hash only.
    const kept = (await sessionData(a))[HRDB_IMPORT_FORM_KEY];
    expect(kept).toMatchObject({ applicantId: a.id, form: { skills: '公文撰寫、戶籍登記', basic: { idNumber: '' } } });
    expect(JSON.stringify(kept)).not.toMatch(/G221508377/i);

    const page = await t.current.app.inject({ url: String(pressed.headers.location), headers: { cookie: a.cookie }, remoteAddress: freshIp() });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('人事服務網身分驗證');
    const v = await verify(a, FORMER.ecpaAccount);
    expect(v.status).toBe(303);
    expect(v.location).toBe(HRDB_IMPORT_PATH);

    const filled = await openImport(a);
    expect(filled.statusCode).toBe(200);
    expect(filled.body).toContain('已從公務人力資料庫帶入基本資料、學歷及經歷，請確認後按「儲存履歷」。');
    expect(filled.body).toContain('value="黃雅婷"');
    expect(filled.body).toContain(`value="${FORMER.nationalId}"`);
    expect(filled.body).toContain('value="079/04/12"');
    expect(filled.body).toContain('value="0962-815-960"');
    expect(filled.body).toContain('value="國立宜蘭大學"');
    expect(filled.body).toContain('value="國立中央大學"');
    expect(filled.body).toContain('value="國立基隆高級中學"');
    expect(filled.body).toContain('value="宜蘭縣政府"');
    expect(filled.body).toContain('value="臺北市內湖區戶政事務所"');
    expect(filled.body).toContain('id="f-experience-2-organization"');
    expect(filled.body).not.toContain('id="f-experience-3-organization"');
    expect(filled.body).not.toContain('name="importedFromHrdb"'); // no client-side flag: the session holds the import
    expect((await sessionData(a))[HRDB_IMPORTED_KEY]).toMatchObject({ applicantId: a.id });
    // What was typed and the HR database does not hold is kept.
    expect(filled.body).toContain('value="日語"');
    expect(filled.body).toContain('公文撰寫、戶籍登記');
    expect(filled.body).toContain('我在宜蘭縣政府擔任約僱人員。');
    expect(filled.body).not.toContain('value="hrdb-import"'); // imported: no second offer

    // Nothing is saved yet; the verification and the kept form are used up.
    expect(await findResume(t.current.services.db, a.id)).toBeNull();
    const data = await sessionData(a);
    expect(data[HRDB_VERIFIED_KEY]).toBeUndefined();
    expect(data[HRDB_IMPORT_FORM_KEY]).toBeUndefined();
    const audit = await auditOf(a, 'resume.hrdb_import');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: 'applicant', subjectKind: 'hrdb_person', subjectId: FORMER.personId, details: { education: 3, experience: 2 } });
    expect(JSON.stringify(audit[0])).not.toContain(FORMER.nationalId);

    // Opening it again imports nothing more.
    const again = await openImport(a);
    expect(again.statusCode).toBe(303);
    expect((await followed(a, again)).body).toContain('請在「履歷填寫」輸入身分證統一編號後');

    // 儲存履歷 with the pre-filled values as they are.
    const fields = formFields(filled.body);
    expect(fields.chineseName).toBe('黃雅婷');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(filled.body)?.[1] ?? '';
    const csrfCookie = filled.cookies.find((c) => c.name === '_csrf');
    const save = await t.current.app.inject({
      method: 'POST',
      url: `/platform/resume?_csrf=${encodeURIComponent(csrf)}`,
      headers: { cookie: csrfCookie ? `${a.cookie}; _csrf=${csrfCookie.value}` : a.cookie },
      payload: formData({ ...fields, action: 'save' }),
    });
    expect(save.statusCode, save.body.slice(save.body.indexOf('error-summary'), save.body.indexOf('error-summary') + 800)).toBe(303);
    const row = await findResume(t.current.services.db, a.id);
    expect(row?.importedFromHrdbAt).toBeInstanceOf(Date);
    expect(row?.basic.chineseName).toBe('黃雅婷');
    expect(row?.education.map((e) => e.school)).toEqual(['國立宜蘭大學', '國立中央大學', '國立基隆高級中學']);
    expect(row?.experience.map((e) => e.organization)).toEqual(['宜蘭縣政府', '臺北市內湖區戶政事務所']);
    expect(row?.skills).toBe('公文撰寫、戶籍登記');
    // A saved resume: no more offer.
    expect((await typed(a, validFields({ idNumber: FORMER.nationalId }))).body).not.toContain('value="hrdb-import"');
  });

  it('RES-4 verifying as a different person than the typed ID is refused: nothing brought in', async () => {
    const a = await signInApplicant(t.current);
    expect((await pressImport(a, { idNumber: FORMER.nationalId })).statusCode).toBe(303);
    expect((await verify(a, WELL_KNOWN_PEOPLE.formerHire.ecpaAccount!)).status).toBe(303); // 蔡志明, also a former 聘用
    const res = await openImport(a);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/resume');
    const page = await followed(a, res);
    expect(page.body).toContain('人事服務網驗證的身分與履歷上的身分證統一編號不是同一人，未帶入任何資料。');
    expect(page.body).not.toContain('蔡志明');
    expect((await sessionData(a))[HRDB_IMPORTED_KEY]).toBeUndefined();
    expect((await sessionData(a))[HRDB_VERIFIED_KEY]).toBeUndefined();
    expect(await auditOf(a, 'resume.hrdb_import')).toHaveLength(0);
    expect((await auditOf(a, 'resume.hrdb_import.refused'))[0]).toMatchObject({ details: { reason: 'different-person' } });
  });

  it('RES-4 no verification, an expired one, or a resume saved in the meantime: back to 履歷填寫 with the reason', async () => {
    const direct = await signInApplicant(t.current);
    const none = await openImport(direct);
    expect(none.statusCode).toBe(303);
    expect((await followed(direct, none)).body).toContain('請在「履歷填寫」輸入身分證統一編號後');

    const unverified = await signInApplicant(t.current);
    await pressImport(unverified, { idNumber: FORMER.nationalId });
    expect((await followed(unverified, await openImport(unverified))).body).toContain('人事服務網身分驗證未完成或已逾時');

    const slow = await signInApplicant(t.current);
    await pressImport(slow, { idNumber: FORMER.nationalId });
    await verify(slow, FORMER.ecpaAccount);
    clock.advance(HRDB_VERIFICATION_TTL_MS);
    expect((await followed(slow, await openImport(slow))).body).toContain('人事服務網身分驗證未完成或已逾時');

    const twoTabs = await signInApplicant(t.current);
    await pressImport(twoTabs, { idNumber: FORMER.nationalId });
    await verify(twoTabs, FORMER.ecpaAccount);
    // (another ID: 黃雅婷's is saved by the flow above, and one ID has one resume — RES-3)
    expect((await postForm(t.current, twoTabs, validFields({ idNumber: 'A223456781' }))).statusCode).toBe(303);
    const res = await openImport(twoTabs);
    expect(res.statusCode).toBe(303);
    expect((await followed(twoTabs, res)).body).toContain('「從公務人力資料庫帶入相關資料」僅適用於初次填寫履歷');
    expect((await findResume(t.current.services.db, twoTabs.id))?.importedFromHrdbAt).toBeNull();
  });
});
