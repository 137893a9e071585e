// The route matrix's entries (SYS-4, issue 9): one per registered route ("METHOD /url"), saying how a cell calls
// it — the query and form fields it is sent with (POSTs always carry a valid CSRF token). Who may call it is NOT
// written here: it follows from the route's declared audience (route-options.ts). A route with an object id also
// needs an object case in objects.ts. A new route without an entry fails route-matrix.test.ts, naming it.
export interface MatrixEntry {
  /** Appended to the path, e.g. '?next=%2F'. */
  query?: string;
  /** Form fields of a POST (urlencoded); `_csrf` is added. */
  body?: Record<string, string>;
  /**
   * A public route that names its object by a secret (a mailed token, the session's captcha challenge) answers
   * 404 without one, for everyone alike: say which secret. (The matrix then accepts 404 inside the audience.)
   */
  notFoundWithout?: string;
}

const none: MatrixEntry = {};

export const matrixEntries: Record<string, MatrixEntry> = {
  // platform
  'GET /healthz': none,
  'GET /readyz': none,
  'POST /logout': none,
  'GET /lang': { query: '?to=en&next=%2F' },
  'GET /favicon.ico': none,
  'GET /dev/mail': none,
  'GET /dev/mail/:id': none,
  'GET /captcha/image': { notFoundWithout: "the session's captcha challenge" },
  'GET /captcha/audio': { notFoundWithout: "the session's captcha challenge" },
  'POST /captcha/refresh': none,
  // public site
  'GET /': none,
  'GET /jobs': none,
  'GET /platform': none,
  'GET /ecpa': none,
  'GET /jobs/:workId': none,
  'GET /jobs/:workId/print': none,
  'GET /jobs/:workId/apply': none,
  'GET /jobs/:workId/qr.svg': none,
  'GET /jobs/:workId/qr.png': none,
  'GET /jobs/:workId/attachments/:id': none,
  'GET /guide/sop': none,
  'GET /guide/blank-resume.pdf': none,
  'GET /guide/blank-resume.odt': none,
  'GET /opendata': none,
  'GET /opendata/jobs.xml': none,
  'GET /opendata/jobs.json': none,
  'GET /opendata/jobs.csv': none,
  'GET /opendata/jobs.atom': none,
  // applicant accounts
  'GET /platform/register': none,
  'POST /platform/register': none,
  'GET /platform/register/sent': none,
  'GET /platform/activate': none,
  'GET /platform/resend': none,
  'POST /platform/resend': none,
  'GET /platform/resend/sent': none,
  'GET /platform/login': none,
  'POST /platform/login': none,
  'GET /platform/forgot': none,
  'POST /platform/forgot': none,
  'GET /platform/forgot/sent': none,
  'GET /platform/reset': none,
  'POST /platform/reset': none,
  'GET /platform/session/keepalive': none,
  'GET /platform/account/password': none,
  'POST /platform/account/password': none,
  'GET /platform/account/email': none,
  'POST /platform/account/email': none,
  // newsletters
  'GET /newsletter': none,
  'POST /newsletter': none,
  'GET /newsletter/sent': none,
  'GET /newsletter/confirm': { notFoundWithout: "a newsletter token" },
  'POST /newsletter/confirm': { notFoundWithout: "a newsletter token" },
  'GET /newsletter/manage': { notFoundWithout: "a newsletter token" },
  'GET /newsletter/unsubscribe': { notFoundWithout: "a newsletter token" },
  'POST /newsletter/unsubscribe': { notFoundWithout: "a newsletter token" },
  'GET /newsletter/unsubscribed': none,
  'GET /newsletter/cancel': none,
  'POST /newsletter/cancel': none,
  'GET /newsletter/cancel/sent': none,
  // eCPA
  // 機關徵才登錄 (AGY-1..AGY-5)
  'GET /agency': { query: '?view=history&keyword=%E7%A7%91' },
  'GET /agency/new': none,
  'POST /agency/new': { body: { title: '路由矩陣', do: 'preview' } },
  'GET /agency/:id/edit': none,
  'POST /agency/:id/edit': { body: { title: '路由矩陣', do: 'preview' } },
  'GET /agency/:id/preview': none,
  'GET /agency/:id/delete': none,
  'POST /agency/:id/delete': none,
  // applicant access (ACS-1..ACS-4)
  'GET /agency/vacancies/:id/applicants': { query: '?idNumber=A123456789' },
  'POST /agency/vacancies/:id/applicants/archive': { body: { password: 'weak' } },
  'GET /agency/vacancies/:id/summaries': none,
  'POST /agency/vacancies/:id/contacts': { body: { type: 'ods' } },
  'GET /agency/import': none,
  'POST /agency/import': none,
  'GET /agency/import/template.xlsx': none,
  'GET /agency/import/template.ods': none,
  'GET /agency/import/template.csv': none,
  'GET /agency/import/codes.csv': none,
  'GET /agency/import/:batchId': none,
  'POST /agency/import/:batchId': none,
  // notices (issue 12 B: ACS-5..ACS-9, NTF-1, NTF-2)
  'GET /agency/vacancies/:id/applicants/:appId/notice': { query: '?kind=offer' },
  'POST /agency/vacancies/:id/applicants/:appId/notice': { body: { content: '路由矩陣' } }, // missing fields: 422, nothing sent
  'POST /agency/vacancies/:id/notices/batch': none, // nothing ticked: back to the list
  'GET /agency/notices/:noticeId': none,
  'GET /agency/notices': { query: '?kind=interview&reply=none&from=115%2F01%2F01' },
  'GET /platform/notices': none,
  'GET /platform/notices/:id': none,
  'GET /platform/notices/:id/ics': none,
  'POST /platform/notices/:id/reply': { body: { reply: 'accepted' } },
  // 後臺 (issue 14: ADM-1, SYS-2/ADM-3, ADM-4), back office only
  'GET /backoffice': none,
  'GET /backoffice/review': { query: '?page=2' },
  'GET /backoffice/vacancies': { query: '?keyword=%E7%9F%A9%E9%99%A3&state=approved&source=form&from=115%2F01%2F01' },
  'GET /backoffice/vacancies/:id': none,
  'POST /backoffice/vacancies/:id/approve': none,
  'POST /backoffice/vacancies/:id/reject': { body: { reason: '路由矩陣' } },
  'POST /backoffice/vacancies/:id/take-down': { body: { reason: '路由矩陣' } },
  'POST /backoffice/vacancies/:id/produce-resumes': none, // 立即產製 (GEN-2)
  'GET /backoffice/audit': { query: '?action=vacancy.&from=115%2F01%2F01' },
  'GET /backoffice/audit.csv': { query: '?action=authz.refused' },
  'GET /backoffice/outbox': { query: '?state=failed&to=example' },
  'GET /backoffice/outbox/:id': none,
  'POST /backoffice/outbox/:id/retry': none,
  'POST /backoffice/outbox/retry-failed': none,
  'GET /backoffice/codes': none,
  'GET /backoffice/codes/:table': { query: '?q=A1&page=1' },
  'GET /backoffice/codes/:table/new': none,
  'POST /backoffice/codes/:table': { body: { code: 'Z901', name: '路由矩陣', sysnamClass: '行政類', active: 'on' } },
  'GET /backoffice/codes/:table/edit': { query: '?code=A101' },
  'POST /backoffice/codes/:table/edit': { query: '?code=A101', body: { name: '綜合行政', sysnamClass: '行政類', active: 'on' } },
  'POST /backoffice/codes/:table/active': { body: { code: 'A101', active: 'true' } },
  // ADM-2 人員帳號管理, ADM-3 查詢回覆紀錄 across agencies
  'GET /ecpa/acting': none,
  'POST /ecpa/acting': { body: { agency: '376420000A' } },
  'GET /backoffice/staff': { query: '?q=matrix&role=agency_hr&status=active' },
  'GET /backoffice/staff/new': none,
  'POST /backoffice/staff/new': { body: { account: 'matrix.new', name: '矩陣', email: 'matrix.new@example.gov.tw', agencyCode: '376420000A', roles: 'agency_hr' } },
  'GET /backoffice/staff/:id': none,
  'POST /backoffice/staff/:id': { body: { name: '矩陣', email: 'matrix@example.gov.tw', agencyCode: '376420000A', roles: 'agency_hr' } },
  'POST /backoffice/staff/:id/status': { body: { status: 'disabled' } },
  'POST /backoffice/staff/:id/grants': { body: { grantAgency: '376570000A' } },
  'POST /backoffice/staff/:id/grants/revoke': { body: { agencyCode: '376570000A' } },
  'POST /backoffice/staff/:id/reset-mail': none,
  'POST /backoffice/staff/:id/unbind': { body: { bindingId: '00000000-0000-4000-8000-000000000000' } },
  'GET /backoffice/notices': { query: '?kind=interview&reply=none&from=115%2F01%2F01' },
  'GET /backoffice/notices.csv': { query: '?kind=offer' },
  'GET /backoffice/dashboard': none,
  'GET /ecpa/login': none,
  'POST /ecpa/login': none,
  'GET /ecpa/apps': none,
  'GET /ecpa/mydata': none,
  'GET /ecpa/mydata/resume.pdf': none,
  // DK 職缺應徵 (ECPA-5); the matrix's civil servant has no HR record: a 409 message page inside the audience
  'GET /ecpa/dk': none,
  'GET /ecpa/dk/resume': none,
  'GET /ecpa/dk/apply/:workId': none,
  'POST /ecpa/dk/apply/:workId': { body: { consent: '1', consentVersion: 'dk-v1' } },
  'GET /ecpa/dk/applications': none,
  'GET /ecpa/dk/applications/:id/attachment': none,
  'GET /ecpa/dk/applications/:id/cancel': none,
  'POST /ecpa/dk/applications/:id/cancel': none,
  'GET /ecpa/forgot': none,
  'POST /ecpa/forgot': none,
  'GET /ecpa/forgot/sent': none,
  'GET /ecpa/reset': none,
  'POST /ecpa/reset': none,
  'GET /ecpa/verify': none,
  'POST /ecpa/verify': none,
  // resumes
  'GET /platform/resume': none,
  'POST /platform/resume': none,
  'GET /platform/resume/preview': none,
  'GET /platform/resume/pdf': none,
  'GET /platform/resume/attachment': none,
  'GET /platform/resume/photo': none,
  'GET /platform/resume/photo/staged/:id': none,
  'GET /platform/resume/delete': none,
  'POST /platform/resume/delete': none, // no `confirm`: nothing is deleted
  'GET /platform/resume/hrdb-import': none,
  'POST /platform/resume/hrdb-offer': { body: { idNumber: 'A123456789' } },
  // applications
  'GET /platform/apply/:workId': none,
  'GET /platform/apply': none,
  'POST /platform/apply': none, // no consent: the page again with the message
  'POST /platform/apply/remove': none,
  'GET /platform/applications': none,
  'GET /platform/applications/:id/attachment': none,
  'GET /platform/applications/:id/cancel': none,
  'POST /platform/applications/:id/cancel': none,
  'GET /platform/applications/:id/delete': none,
  'POST /platform/applications/:id/delete': none, // inside 12 months: refused with a message, nothing deleted
  // test-only routes of route-matrix.test.ts (one per staff audience that no real page uses yet)
  'GET /test/backoffice': none,
  'GET /test/agency-hr': none,
  'GET /test/civil-servant': none,
  'GET /test/agency/vacancies/:id': none,
};
