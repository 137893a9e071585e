// The route matrix's object registry (SYS-4, issue 9): for every route with an object id in its path, a factory
// giving, for an actor, the path parameters of an object it may reach (its own, or a public one), and — for
// objects that belong to someone — the parameters of someone else's object of the same kind, which must be 404.
// A module adding a parametrised route adds its entry here (the matrix test fails naming a route without one).
import type { TestApp } from '../helpers/app.ts';
import { AGENCY_A, AGENCY_B, insertMail, insertStagedPhoto, insertVacancy, insertVacancyAttachment, type Actor, type Actors } from './fixtures.ts';

export type Params = Record<string, string>;

export interface ObjectCase {
  /** Parameters of an object `actor` may reach (for actors outside the audience: any well-formed object). */
  own(t: TestApp, actor: Actor, actors: Actors): Promise<Params>;
  /** Parameters of an object of someone else, for actors inside the audience (owned objects only). */
  othersOf?(t: TestApp, actor: Actor, actors: Actors): Promise<Params>;
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

const agencyVacancyCase: ObjectCase = {
  own: async (t, actor) => ({ id: (await insertVacancy(t, actor.agencyCode === AGENCY_B ? AGENCY_B : AGENCY_A)).id }),
  othersOf: async (t, actor) => ({ id: (await insertVacancy(t, actor.agencyCode === AGENCY_B ? AGENCY_A : AGENCY_B)).id }),
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
  // 機關徵才登錄 (AGY-1..AGY-5): a vacancy of the actor's own agency; one of the other agency must be 404
  ...Object.fromEntries(
    ['GET /agency/:id/edit', 'POST /agency/:id/edit', 'GET /agency/:id/preview', 'GET /agency/:id/delete', 'POST /agency/:id/delete'].map((route) => [route, agencyVacancyCase]),
  ),
  // 後臺 (issue 14): the back office reaches every agency's vacancy and every mail (no one else's object to refuse)
  ...Object.fromEntries(
    ['GET /backoffice/vacancies/:id', 'POST /backoffice/vacancies/:id/approve', 'POST /backoffice/vacancies/:id/reject', 'POST /backoffice/vacancies/:id/take-down'].map((route) => [
      route,
      { own: async (t: TestApp) => ({ id: (await insertVacancy(t, AGENCY_B)).id }) } satisfies ObjectCase,
    ]),
  ),
  'GET /backoffice/outbox/:id': { own: async (t) => ({ id: await insertMail(t) }) },
  'POST /backoffice/outbox/:id/retry': { own: async (t) => ({ id: await insertMail(t) }) },
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
