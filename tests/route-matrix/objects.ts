// The route matrix's object registry (SYS-4, issue 9): for every route with an object id in its path, a factory
// giving, for an actor, the path parameters of an object it may reach (its own, or a public one), and — for
// objects that belong to someone — the parameters of someone else's object of the same kind, which must be 404.
// A module adding a parametrised route adds its entry here (the matrix test fails naming a route without one).
import { randomUUID } from 'node:crypto';
import { agencyImportBatches } from '../../src/modules/agency/agency-import.schema.ts';
import { applications } from '../../src/modules/applications/application.schema.ts';
import { notices } from '../../src/modules/notices/notice.schema.ts';
import type { TestApp } from '../helpers/app.ts';
import { AGENCY_A, AGENCY_B, insertApplication, insertMail, insertStaff, insertStagedPhoto, insertVacancy, insertVacancyAttachment, type Actor, type Actors } from './fixtures.ts';

export type Params = Record<string, string>;

export interface ObjectCase {
  /** Parameters of an object `actor` may reach (for actors outside the audience: any well-formed object). */
  own(t: TestApp, actor: Actor, actors: Actors): Promise<Params>;
  /**
   * Parameters of an object of someone else, for actors inside the audience (owned objects only); null when the
   * actor may reach every object of the kind (the back office on any agency's vacancy).
   */
  othersOf?(t: TestApp, actor: Actor, actors: Actors): Promise<Params | null>;
}

/** One published vacancy shared by the public cases (made once per app). */
const shared = new WeakMap<TestApp, Promise<{ id: string; workId: string; attachmentId: string }>>();
function publicVacancy(t: TestApp) {
  let p = shared.get(t);
  if (!p) {
    p = (async () => {
      const v = await insertVacancy(t, AGENCY_A);
      return { ...v, attachmentId: await insertVacancyAttachment(t, v.id) };
    })();
    shared.set(t, p);
  }
  return p;
}

/** The applicant whose object an actor's cell uses: the actor itself when an applicant, else the first applicant. */
const ownerOf = (actor: Actor, actors: Actors) => (actor.kind === 'applicant' ? actor : actors.applicant);
/** Someone else of the same kind. */
const otherApplicantOf = (actor: Actor, actors: Actors) => (actor.name === 'otherApplicant' ? actors.applicant : actors.otherApplicant);

// The back office acts for any agency (issue 10): its cell uses a vacancy of A and it has no "someone else's".
const agencyVacancyCase: ObjectCase = {
  own: async (t, actor) => ({ id: (await insertVacancy(t, actor.agencyCode === AGENCY_B ? AGENCY_B : AGENCY_A)).id }),
  othersOf: async (t, actor) => (actor.name === 'backoffice' ? null : { id: (await insertVacancy(t, actor.agencyCode === AGENCY_B ? AGENCY_A : AGENCY_B)).id }),
};

/** A staged 機關徵才匯入 batch (AGY-7) of a staff member and agency (no rows: confirming it creates nothing). */
async function insertImportBatch(t: TestApp, staffId: string, agencyCode: string): Promise<string> {
  const [row] = await t.services.db.insert(agencyImportBatches).values({ staffId, agencyCode, fileName: 'matrix.xlsx', rowCount: 0, rows: [] }).returning({ id: agencyImportBatches.id });
  return row!.id;
}

const importBatchCase: ObjectCase = {
  own: async (t, actor) => ({ batchId: await insertImportBatch(t, actor.kind === 'staff' && actor.id ? actor.id : randomUUID(), actor.agencyCode ?? AGENCY_A) }),
  // Another agency's staff member's batch.
  othersOf: async (t, actor) => ({ batchId: await insertImportBatch(t, randomUUID(), actor.agencyCode === AGENCY_B ? AGENCY_A : AGENCY_B) }),
};

/** An active application of `applicantId` to a new vacancy of `agencyCode` (notices, issue 12 B). */
async function insertAgencyApplication(t: TestApp, agencyCode: string, applicantId: string): Promise<{ id: string; appId: string }> {
  const v = await insertVacancy(t, agencyCode, { accessMode: 'open' });
  const now = new Date();
  const [row] = await t.services.db
    .insert(applications)
    .values({ vacancyId: v.id, applicantId, appliedAt: now, consentVersion: 'v1', consentAt: now, resumeSnapshot: { v: 1, resumeId: applicantId, savedAt: now.toISOString(), data: { basic: { chineseName: '矩陣', email: 'matrix@example.com' } }, attachmentName: null } as never })
    .returning({ id: applications.id });
  return { id: v.id, appId: row!.id };
}

/** An interview notice (with a date and time) to an application. */
async function insertNotice(t: TestApp, applicationId: string): Promise<string> {
  const [row] = await t.services.db
    .insert(notices)
    .values({ applicationId, kind: 'interview', content: '矩陣', contactName: '矩陣', contactPhone: '02-1234', contactEmail: 'hr@example.com', interviewDate: '2026-12-10', interviewTime: '10:00', sentAt: new Date() })
    .returning({ id: notices.id });
  return row!.id;
}

const codeOf = (actor: Actor) => (actor.agencyCode === AGENCY_B ? AGENCY_B : AGENCY_A);
const otherCodeOf = (actor: Actor) => (actor.agencyCode === AGENCY_B ? AGENCY_A : AGENCY_B);

const agencyApplicationCase: ObjectCase = {
  own: async (t, actor, actors) => insertAgencyApplication(t, codeOf(actor), actors.applicant.id!),
  othersOf: async (t, actor, actors) => (actor.name === 'backoffice' ? null : insertAgencyApplication(t, otherCodeOf(actor), actors.applicant.id!)),
};

const agencyNoticeCase: ObjectCase = {
  own: async (t, actor, actors) => ({ noticeId: await insertNotice(t, (await insertAgencyApplication(t, codeOf(actor), actors.applicant.id!)).appId) }),
  othersOf: async (t, actor, actors) => (actor.name === 'backoffice' ? null : { noticeId: await insertNotice(t, (await insertAgencyApplication(t, otherCodeOf(actor), actors.applicant.id!)).appId) }),
};

const applicantNoticeCase: ObjectCase = {
  own: async (t, actor, actors) => ({ id: await insertNotice(t, await insertApplication(t, ownerOf(actor, actors).id!)) }),
  othersOf: async (t, actor, actors) => ({ id: await insertNotice(t, await insertApplication(t, otherApplicantOf(actor, actors).id!)) }),
};

export const objectCases: Record<string, ObjectCase> = {
  // public objects: every actor reaches them
  'GET /dev/mail/:id': { own: async (t) => ({ id: await insertMail(t) }) },
  'GET /jobs/:workId': { own: async (t) => ({ workId: (await publicVacancy(t)).workId }) },
  'GET /jobs/:workId/print': { own: async (t) => ({ workId: (await publicVacancy(t)).workId }) },
  'GET /jobs/:workId/apply': { own: async (t) => ({ workId: (await publicVacancy(t)).workId }) },
  'GET /jobs/:workId/qr.svg': { own: async (t) => ({ workId: (await publicVacancy(t)).workId }) },
  'GET /jobs/:workId/qr.png': { own: async (t) => ({ workId: (await publicVacancy(t)).workId }) },
  'GET /jobs/:workId/attachments/:id': { own: async (t) => ({ workId: (await publicVacancy(t)).workId, id: (await publicVacancy(t)).attachmentId }) },
  // applicant platform
  'GET /platform/apply/:workId': { own: async (t) => ({ workId: (await publicVacancy(t)).workId }) },
  'GET /platform/resume/photo/staged/:id': {
    own: async (t, actor, actors) => ({ id: await insertStagedPhoto(t, ownerOf(actor, actors).id!) }),
    othersOf: async (t, actor, actors) => ({ id: await insertStagedPhoto(t, otherApplicantOf(actor, actors).id!) }),
  },
  // 我的應徵 (APP-4, APP-5, APP-6): the applicant's own application; another applicant's must be 404
  ...Object.fromEntries(
    [
      'GET /platform/applications/:id/attachment',
      'GET /platform/applications/:id/cancel',
      'POST /platform/applications/:id/cancel',
      'GET /platform/applications/:id/delete',
      'POST /platform/applications/:id/delete',
    ].map((route) => [
      route,
      {
        own: async (t: TestApp, actor: Actor, actors: Actors) => ({ id: await insertApplication(t, ownerOf(actor, actors).id!) }),
        othersOf: async (t: TestApp, actor: Actor, actors: Actors) => ({ id: await insertApplication(t, otherApplicantOf(actor, actors).id!) }),
      } satisfies ObjectCase,
    ]),
  ),
  // DK 職缺應徵 (ECPA-5): a published 須具 job; the civil servant's own application, another civil servant's is 404
  'GET /ecpa/dk/apply/:workId': { own: async (t) => ({ workId: (await insertVacancy(t, AGENCY_A, { accessMode: 'civil_service' })).workId }) },
  'POST /ecpa/dk/apply/:workId': { own: async (t) => ({ workId: (await insertVacancy(t, AGENCY_A, { accessMode: 'civil_service' })).workId }) },
  ...Object.fromEntries(
    ['GET /ecpa/dk/applications/:id/attachment', 'GET /ecpa/dk/applications/:id/cancel', 'POST /ecpa/dk/applications/:id/cancel'].map((route) => [
      route,
      {
        own: async (t: TestApp, actor: Actor) => ({ id: await insertApplication(t, actor.kind === 'staff' && actor.id ? actor.id : await insertStaff(t, AGENCY_A, ['civil_servant']), { staff: true }) }),
        othersOf: async (t: TestApp) => ({ id: await insertApplication(t, await insertStaff(t, AGENCY_A, ['civil_servant']), { staff: true }) }),
      } satisfies ObjectCase,
    ]),
  ),
  'POST /backoffice/vacancies/:id/produce-resumes': { own: async (t: TestApp) => ({ id: (await insertVacancy(t, AGENCY_B, { accessMode: 'civil_service' })).id }) },
  // 機關徵才登錄 (AGY-1..AGY-5): a vacancy of the actor's own agency; one of the other agency must be 404
  ...Object.fromEntries(
    ['GET /agency/:id/edit', 'POST /agency/:id/edit', 'GET /agency/:id/preview', 'GET /agency/:id/delete', 'POST /agency/:id/delete'].map((route) => [route, agencyVacancyCase]),
  ),
  // applicant access (ACS-1..ACS-4): only agency HR staff of the vacancy's own agency (policy accessApplicants);
  // another agency's vacancy is 404
  ...Object.fromEntries(
    ['GET /agency/vacancies/:id/applicants', 'POST /agency/vacancies/:id/applicants/archive', 'GET /agency/vacancies/:id/summaries', 'POST /agency/vacancies/:id/contacts'].map((route) => [
      route,
      {
        own: async (t: TestApp, actor: Actor) => ({ id: (await insertVacancy(t, actor.agencyCode === AGENCY_B ? AGENCY_B : AGENCY_A, { accessMode: 'open' })).id }),
        othersOf: async (t: TestApp, actor: Actor) => ({ id: (await insertVacancy(t, actor.agencyCode === AGENCY_B ? AGENCY_A : AGENCY_B, { accessMode: 'open' })).id }),
      } satisfies ObjectCase,
    ]),
  ),
  // 機關徵才匯入 (AGY-7): a staged batch of the actor; another staff member's is 404
  'GET /agency/import/:batchId': importBatchCase,
  'POST /agency/import/:batchId': importBatchCase,
  // notices (issue 12 B): the actor's agency's application / notice, the applicant's own notice; others' are 404
  'GET /agency/vacancies/:id/applicants/:appId/notice': agencyApplicationCase,
  'POST /agency/vacancies/:id/applicants/:appId/notice': agencyApplicationCase,
  'POST /agency/vacancies/:id/notices/batch': agencyVacancyCase,
  'GET /agency/notices/:noticeId': agencyNoticeCase,
  'GET /platform/notices/:id': applicantNoticeCase,
  'GET /platform/notices/:id/ics': applicantNoticeCase,
  'POST /platform/notices/:id/reply': applicantNoticeCase,
  // DK 通知我的職缺 (ECPA-5, NTF-1/NTF-2): a notice of the civil servant's own DK application; another civil
  // servant's notice is 404
  ...Object.fromEntries(
    ['GET /ecpa/dk/notices/:id', 'GET /ecpa/dk/notices/:id/ics', 'POST /ecpa/dk/notices/:id/reply'].map((route) => [
      route,
      {
        own: async (t: TestApp, actor: Actor) => ({ id: await insertNotice(t, await insertApplication(t, actor.kind === 'staff' && actor.id ? actor.id : await insertStaff(t, AGENCY_A, ['civil_servant']), { staff: true })) }),
        othersOf: async (t: TestApp) => ({ id: await insertNotice(t, await insertApplication(t, await insertStaff(t, AGENCY_A, ['civil_servant']), { staff: true })) }),
      } satisfies ObjectCase,
    ]),
  ),
  // 後臺 (issue 14): the back office reaches every agency's vacancy and every mail (no one else's object to refuse)
  ...Object.fromEntries(
    ['GET /backoffice/vacancies/:id', 'POST /backoffice/vacancies/:id/approve', 'POST /backoffice/vacancies/:id/reject', 'POST /backoffice/vacancies/:id/take-down'].map((route) => [
      route,
      { own: async (t: TestApp) => ({ id: (await insertVacancy(t, AGENCY_B)).id }) } satisfies ObjectCase,
    ]),
  ),
  // ADM-2: the back office reaches every staff account (a fresh agency HR account of agency B per cell)
  ...Object.fromEntries(
    ['GET /backoffice/staff/:id', 'POST /backoffice/staff/:id', 'POST /backoffice/staff/:id/status', 'POST /backoffice/staff/:id/grants', 'POST /backoffice/staff/:id/grants/revoke', 'POST /backoffice/staff/:id/reset-mail', 'POST /backoffice/staff/:id/unbind'].map((route) => [
      route,
      { own: async (t: TestApp) => ({ id: await insertStaff(t, AGENCY_B, ['agency_hr']) }) } satisfies ObjectCase,
    ]),
  ),
  'GET /backoffice/outbox/:id': { own: async (t) => ({ id: await insertMail(t) }) },
  'POST /backoffice/outbox/:id/retry': { own: async (t) => ({ id: await insertMail(t) }) },
  // ADM-2 code tables: every code is the back office's (a 職系 seeded by the migration)
  'GET /backoffice/codes/:table': { own: async () => ({ table: 'sysnam' }) },
  'GET /backoffice/codes/:table/new': { own: async () => ({ table: 'sysnam' }) },
  'POST /backoffice/codes/:table': { own: async () => ({ table: 'sysnam' }) },
  'GET /backoffice/codes/:table/edit': { own: async () => ({ table: 'sysnam' }) },
  'POST /backoffice/codes/:table/edit': { own: async () => ({ table: 'sysnam' }) },
  'POST /backoffice/codes/:table/active': { own: async () => ({ table: 'sysnam' }) },
  // test-only agency route (route-matrix.test.ts): a vacancy of the actor's own agency, and one of the other agency
  'GET /test/agency/vacancies/:id': {
    own: async (t, actor) => ({ id: (await insertVacancy(t, actor.agencyCode === AGENCY_B ? AGENCY_B : AGENCY_A)).workId }),
    othersOf: async (t, actor) => ({ id: (await insertVacancy(t, actor.agencyCode === AGENCY_B ? AGENCY_A : AGENCY_B)).workId }),
  },
};

export function fillPath(url: string, params: Params): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for :${name} in ${url}`);
    return encodeURIComponent(v);
  });
}
