// The Form fuzz test (issue 9): every form of the real app — found by crawling the public pages and the signed-in
// pages of an applicant and of eCPA staff, so new forms are found automatically — is posted with hostile values in
// every field (empty, 100 kB, control characters, invalid UTF-8, arrays for scalars, markup, formula prefixes),
// with a valid CSRF token and session. No response may be ≥ 500; no stored row may break the schema's rules, and no
// page may show the markup unescaped.
import { describe, expect, it } from 'vitest';
import { HttpClient as Client } from './helpers/http-client.ts';
import { createAccount, createApplication, createResume, createVacancy, PASSWORD, STAFF_PASSWORD } from './factories/index.ts';
import { eq } from 'drizzle-orm';
import { notices } from '../src/modules/notices/notice.schema.ts';
import { applications } from '../src/modules/applications/application.schema.ts';
import { applicantAccounts } from '../src/modules/accounts/account.schema.ts';
import { insertStaff } from '../src/modules/ecpa/ecpa.test-support.ts';
import { newsletterSubscriptions } from '../src/modules/newsletters/newsletter.schema.ts';
import { resumes } from '../src/modules/resumes/resume.schema.ts';
import { isValidIdNumber } from '../src/platform/tw/id-number.ts';
import { templateFile } from '../src/modules/agency/agency-import.sheet.ts';
import { fillTemplate, uploadImport, validRow } from '../src/modules/agency/agency-import.test-support.ts';
import { outboxMessages } from '../src/platform/db/schema/platform.ts';
import { cookieHeader, TEST_CAPTCHA, useTestApp } from './helpers/app.ts';

interface FoundForm {
  page: string;
  action: string;
  multipart: boolean;
  fields: string[];
  who: string;
}

const MARKUP = '<script>alert("fz")</script><img src=x onerror=alert(1)>';
const VALUES: Record<string, string | string[]> = {
  empty: '',
  big: 'あ'.repeat(34_000), // 100 kB of UTF-8
  control: 'a\u0000b\u0001c\u0008\u000b\u001b\u007f\u2028\u200e',
  markup: MARKUP,
  formula: '=HYPERLINK("http://evil.example","x")',
  formula2: ' \t@SUM(1+1)*cmd|/C calc',
  array: ['1', '<b>2</b>'],
};
/** Never posted: they end the session the crawl depends on. */
const SKIP_ACTIONS = [/^\/logout/];
const MAX_PAGES = 150;

let ipCounter = 0;
const nextIp = () => `10.77.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`;

function formsIn(html: string, page: string, who: string): FoundForm[] {
  const out: FoundForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1]!;
    if (!/method="post"/i.test(attrs)) continue;
    const action = /action="([^"]*)"/.exec(attrs)?.[1]?.replaceAll('&amp;', '&') ?? page;
    const fields = [...new Set([...m[2]!.matchAll(/<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"/g)].map((x) => x[1]!))].filter((n) => n !== '_csrf');
    out.push({ page, action, multipart: /multipart\/form-data/.test(attrs), fields, who });
  }
  return out;
}

function linksIn(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')).filter((h) => !/^\/(assets|captcha|dev\/mail\/|opendata\/jobs\.|lang)/.test(h) && !h.startsWith('//'));
}

describe('the Form fuzz test', () => {
  const t = useTestApp('pglite', { env: { RATE_LIMIT_PER_MINUTE: '100000', SEED_DEMO: 'false' } });

  it('SYS-4 SYS-3 every form, every field, hostile values: 0 responses ≥ 500, 0 invalid rows, no unescaped markup', { timeout: 540_000 }, async () => {
    const app = t.current.app;
    const fuzzAccount = await createAccount(t.current.services, { email: 'fuzz@example.tw' });
    // 應徵職缺 / 我的應徵 (APP-2, APP-4, APP-5): a resume, an open job on the list and one application to reach their forms.
    await createResume(t.current.services, { applicantId: fuzzAccount.id, basic: { chineseName: '模糊', birthDate: '1991-01-14', gender: 'F', phone: '0912-345-678', email: 'fuzz@example.tw' } });
    const fuzzJob = await createVacancy(t.current.services, { accessMode: 'open' });
    const appliedJob = await createVacancy(t.current.services, { accessMode: 'open' });
    await insertStaff(t.current.services.db, t.current.services.config, { account: 'fuzz.staff', name: '陳模糊', email: 'fuzz.staff@example.gov.tw' });
    const anon = new Client(app);
    const applicant = new Client(app);
    expect((await applicant.login('fuzz@example.tw', PASSWORD)).statusCode).toBe(303);
    await applicant.get(`/platform/apply/${appliedJob.workId}`);
    await applicant.get('/platform/apply');
    expect((await applicant.post('/platform/apply', { workId: appliedJob.workId, consent: '1', consentVersion: 'v1' })).statusCode).toBe(303);
    const staff = new Client(app);
    expect((await staff.submit('/ecpa/login', { account: 'fuzz.staff', password: STAFF_PASSWORD, captcha: TEST_CAPTCHA })).statusCode).toBe(303);
    // The back office (issue 14): a flagged and a published vacancy, so that 審核通過 / 審核不通過 / 下架 forms exist.
    await insertStaff(t.current.services.db, t.current.services.config, { account: 'fuzz.backoffice', name: '王後臺', roles: ['backoffice'], agencyCode: 'A58000000A' });
    await createVacancy(t.current.services, { title: '模糊測試待審核', reviewStatus: 'flagged', reviewReason: '年齡限制：「35歲以下」', workQuality: '35歲以下' });
    await createVacancy(t.current.services, { title: '模糊測試刊登中' });
    await t.current.services.db.insert(outboxMessages).values({ to: 'fuzz.failed@example.tw', subject: '模糊測試失敗郵件', text: '內容', state: 'failed', attempts: 8, lastError: 'timeout' });
    const backoffice = new Client(app);
    expect((await backoffice.submit('/ecpa/login', { account: 'fuzz.backoffice', password: STAFF_PASSWORD, captcha: TEST_CAPTCHA })).statusCode).toBe(303);

    // DK 職缺應徵 (ECPA-5): a civil servant of the local HR database, a 須具 job and one DK application, so that 確定應徵
    // (multipart), 取消應徵 and the back office's 立即產製 (GEN-2) forms are crawled and fuzzed.
    await insertStaff(t.current.services.db, t.current.services.config, { account: 'civil.servant', name: '張家豪', roles: ['civil_servant'], agencyCode: 'A58000000A', nationalId: 'A128730468' });
    const csJob = await createVacancy(t.current.services, { accessMode: 'civil_service', civilServiceSections: { all: true } });
    const csApplied = await createVacancy(t.current.services, { accessMode: 'civil_service', civilServiceSections: { all: false, sections: ['獎懲'] } });
    const servant = new Client(app);
    expect((await servant.submit('/ecpa/login', { account: 'civil.servant', password: STAFF_PASSWORD, captcha: TEST_CAPTCHA })).statusCode).toBe(303);
    await servant.get(`/ecpa/dk/apply/${csApplied.workId}`);
    expect((await servant.post(`/ecpa/dk/apply/${csApplied.workId}`, { consent: '1', consentVersion: 'dk-v1' })).statusCode).toBe(303);

    // 機關徵才匯入 (AGY-7): a checked upload, so that its preview page and 確認匯入 form are crawled and fuzzed too.
    await staff.get('/agency/import');
    const staged = await uploadImport(app, staff, fillTemplate(templateFile('csv'), 'csv', [validRow(t.current.services.clock.today())]), 'fuzz.csv');
    expect(staged.statusCode).toBe(303);
    const importPreview = String(staged.headers.location);

    // Notices (issue 12 B): an application of the fuzz applicant to fuzz.staff's agency and one notice, so that 通知面試 /
    // 錄取通知 (ACS-6, ACS-8), 查看通知, 查詢回覆紀錄 and the applicant's 回覆 form (NTF-1) are crawled and fuzzed.
    const staffJob = await createVacancy(t.current.services, { orgId: '376420000A', accessMode: 'open' });
    const staffApp = await createApplication(t.current.services, { vacancyId: staffJob.id, applicantId: fuzzAccount.id, resumeSnapshot: { v: 1, resumeId: fuzzAccount.id, savedAt: new Date().toISOString(), data: { basic: { chineseName: '模糊', email: 'fuzz@example.tw' } }, attachmentName: null } as never });
    const [fuzzNotice] = await t.current.services.db.insert(notices).values({ applicationId: staffApp.id, kind: 'interview', content: '模糊', contactName: '陳模糊', contactPhone: '02-1234', contactEmail: 'fuzz.staff@example.gov.tw', sentAt: new Date() }).returning();
    // DK 通知我的職缺 (ECPA-5, NTF-1): a notice to the civil servant's DK application, so that its 回覆 form is fuzzed.
    const [dkApp] = await t.current.services.db.select({ id: applications.id }).from(applications).where(eq(applications.vacancyId, csApplied.id));
    const [dkNotice] = await t.current.services.db.insert(notices).values({ applicationId: dkApp!.id, kind: 'interview', content: '模糊', contactName: '陳模糊', contactPhone: '02-1234', contactEmail: 'fuzz.staff@example.gov.tw', sentAt: new Date() }).returning();
    const noticeStarts = [`/agency/vacancies/${staffJob.id}/applicants/${staffApp.id}/notice`, `/agency/vacancies/${staffJob.id}/applicants/${staffApp.id}/notice?kind=offer`, `/agency/notices/${fuzzNotice!.id}`, '/agency/notices'];

    // Crawl: every same-site GET page reachable from the doors, per user.
    const forms = new Map<string, FoundForm>();
    const pagesSeen: Record<string, number> = {};
    const clients: [string, Client, string[]][] = [
      ['visitor', anon, ['/', '/platform', '/ecpa', '/newsletter', '/platform/register', '/platform/forgot', '/platform/resend', '/ecpa/forgot', '/newsletter/cancel']],
      ['applicant', applicant, ['/platform/resume', '/platform/account/password', '/platform/account/email', '/ecpa/verify', `/platform/apply/${fuzzJob.workId}`, '/platform/apply', '/platform/applications', '/platform/notices', `/platform/notices/${fuzzNotice!.id}`]],
      // 調閱履歷 / 匯出聯絡資訊 (ACS-1, ACS-2, ACS-4): the applicant list of the applied job (the staff member's agency).
      ['staff', staff, ['/ecpa/apps', '/ecpa/acting', importPreview, `/agency/vacancies/${appliedJob.id}/applicants`, ...noticeStarts]],
      ['civil servant', servant, ['/ecpa/dk', `/ecpa/dk/apply/${csJob.workId}`, '/ecpa/dk/resume', '/ecpa/dk/applications', '/ecpa/dk/notices', `/ecpa/dk/notices/${dkNotice!.id}`]],
      ['backoffice', backoffice, [`/backoffice/vacancies/${csApplied.id}`, '/backoffice', '/backoffice/review', '/backoffice/vacancies?state=approved', '/backoffice/outbox', '/backoffice/audit', '/backoffice/codes', '/backoffice/staff', '/backoffice/staff/new', '/backoffice/notices']],
    ];
    for (const [who, client, starts] of clients) {
      const queue = [...starts];
      const seen = new Set<string>();
      while (queue.length && seen.size < MAX_PAGES) {
        const url = queue.shift()!;
        if (seen.has(url)) continue;
        seen.add(url);
        const res = await client.get(url);
        expect(res.statusCode, `GET ${url} as ${who}`).toBeLessThan(500);
        if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('text/html')) continue;
        for (const f of formsIn(res.body, url, who)) forms.set(`${who} ${f.action.split('?')[0]}`, f);
        for (const l of linksIn(res.body)) if (!seen.has(l)) queue.push(l);
      }
      pagesSeen[who] = seen.size;
    }
    expect(forms.size).toBeGreaterThanOrEqual(10);

    let requests = 0;
    const failures: string[] = [];
    const clientOf: Record<string, Client> = { visitor: anon, applicant, staff, backoffice, 'civil servant': servant };
    for (const form of forms.values()) {
      if (SKIP_ACTIONS.some((r) => r.test(form.action))) continue;
      const client = clientOf[form.who]!;
      for (const [kind, value] of Object.entries(VALUES)) {
        // A fresh page: a valid CSRF token (and its cookie) for this form.
        const page = await client.get(form.page);
        const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? /_csrf=([^"&]+)/.exec(page.body)?.[1];
        if (!token) continue;
        // 100 kB in every field at once would only test the body limit: in groups of 8 fields instead.
        const groups = kind === 'big' ? chunk(form.fields, 8) : [form.fields];
        for (const group of groups) {
          const bodies: { payload: string | FormData | Buffer; type?: string }[] = [];
          const params = new URLSearchParams();
          params.append('_csrf', decodeURIComponent(token));
          for (const name of group) for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
          bodies.push({ payload: params.toString(), type: 'application/x-www-form-urlencoded' });
          if (kind === 'control') {
            // Invalid UTF-8 bytes in every field.
            const raw = [`_csrf=${token}`, ...group.map((n) => `${encodeURIComponent(n)}=%FF%FE%C3%28%ED%A0%80`)].join('&');
            bodies.push({ payload: Buffer.from(raw, 'latin1'), type: 'application/x-www-form-urlencoded' });
          }
          if (form.multipart) {
            const fd = new FormData();
            for (const name of group) for (const v of Array.isArray(value) ? value : [value]) fd.append(name, v);
            bodies.push({ payload: fd });
            if (kind === 'control') {
              const fd2 = new FormData();
              for (const name of group) fd2.append(name, new Blob([Buffer.from([0xff, 0xfe, 0xc3, 0x28])]), 'x.bin');
              bodies.push({ payload: fd2 });
            }
          }
          for (const b of bodies) {
            const sep = form.action.includes('?') ? '&' : '?';
            const url = form.action.includes('_csrf=') ? form.action : `${form.action}${sep}_csrf=${token}`;
            const res = await app.inject({
              method: 'POST',
              url,
              payload: b.payload as never,
              headers: { cookie: client.cookie, ...(b.type ? { 'content-type': b.type } : {}) },
              remoteAddress: nextIp(),
            });
            requests++;
            client.cookie = cookieHeader(res, client.cookie);
            if (res.statusCode >= 500) failures.push(`${res.statusCode} ${form.who} POST ${form.action} (${kind})`);
          }
        }
      }
    }

    // Stored rows keep the schema's rules.
    const db = t.current.services.db;
    const invalid: string[] = [];
    const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
    for (const a of await db.select().from(applicantAccounts)) if (!EMAIL.test(a.email)) invalid.push(`account email ${JSON.stringify(a.email.slice(0, 60))}`);
    for (const s of await db.select().from(newsletterSubscriptions)) {
      const email = (s as unknown as { email: string }).email;
      if (!EMAIL.test(email)) invalid.push(`newsletter email ${JSON.stringify(email.slice(0, 60))}`);
    }
    // eslint-disable-next-line no-control-regex -- the point
    const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/;
    for (const r of await db.select().from(resumes)) {
      const basic = r.basic as Record<string, unknown>;
      if (typeof basic.idNumber === 'string' && !isValidIdNumber(basic.idNumber)) invalid.push(`resume idNumber ${String(basic.idNumber).slice(0, 30)}`);
      if (CONTROL.test(JSON.stringify(r))) invalid.push(`resume ${r.id} holds control characters`);
    }
    // Pages show what was stored as text, never as markup.
    for (const [, client, starts] of clients) {
      for (const url of [...starts, '/platform/resume/preview']) {
        const res = await client.get(url);
        if (res.body.includes('<script>alert("fz")') || res.body.includes('<img src=x onerror')) invalid.push(`unescaped markup on ${url}`);
      }
    }

    console.log(
      `form fuzz: ${forms.size} forms (${[...forms.values()].map((f) => `${f.who}:${f.action.split('?')[0]}`).join(', ')}), ` +
        `pages crawled ${JSON.stringify(pagesSeen)}, ${requests} requests, ${failures.length} responses ≥ 500, ${invalid.length} invalid rows/pages`,
    );
    expect(failures, failures.join("\n")).toEqual([]);
    expect(invalid).toEqual([]);
  });
});

function chunk<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out.length ? out : [[]];
}
