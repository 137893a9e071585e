// SYS-4 route matrix (issue 9): every route the real app registers (collected by the onRoute hook of
// platform/auth/http.ts, not a hand list) × every role — anonymous, applicant, agency HR of 宜蘭縣政府 (A) and of
// 基隆市政府 (B), back office, civil servant — answers as the route's declared audience says:
//   inside the audience     → not refused (no sign-in redirect, no 404, no 403, no 5xx)
//   anonymous / other door  → 303 to that door's sign-in page with `next`
//   same door, without role → the 404 page (never 403)
// and for routes with an object id, an actor inside the audience gets 404 for someone else's object
// (objects.ts). Plus test-only routes for the staff audiences no real page uses yet (back office, agency HR,
// civil servant, and an agency vacancy through the scoped finder forAgency + the vacancy policy).
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes, type DeclaredRoute } from '../src/platform/auth/http.ts';
import type { Audience } from '../src/platform/http/route-options.ts';
import { useTestApp, type TestApp } from './helpers/app.ts';
import { dbDrivers } from './helpers/db.ts';
import { matrixEntries } from './route-matrix/entries.ts';
import { cookieOf, insertResume, jpegOf, makeActors, ROLE_NAMES, type Actor, type Actors, type RoleName } from './route-matrix/fixtures.ts';
import { fillPath, objectCases } from './route-matrix/objects.ts';
import { testOnlyRoutes } from './route-matrix/test-routes.ts';

/** Who is inside each audience (written out here, independently of the implementation's audienceVerdict). */
const INSIDE: Record<Audience, readonly RoleName[]> = {
  public: ROLE_NAMES,
  applicant: ['applicant'],
  staff: ['hrA', 'hrB', 'backoffice', 'civilServant'],
  agency_hr: ['hrA', 'hrB'],
  backoffice: ['backoffice'],
  civil_servant: ['civilServant'],
  agency_or_backoffice: ['hrA', 'hrB', 'backoffice'], // 機關徵才登錄: the back office acts for any agency (issue 10)
};
const SIGN_IN: Record<'applicant' | 'staff', string> = { applicant: '/platform/login', staff: '/ecpa/login' };

type Expected = 'inside' | 'sign-in' | 'not-found';
function expected(auth: Audience, actor: Actor): Expected {
  if (INSIDE[auth].includes(actor.name as RoleName)) return 'inside';
  const door = auth === 'applicant' ? 'applicant' : 'staff';
  return actor.kind === door ? 'not-found' : 'sign-in';
}

const FORM = 'application/x-www-form-urlencoded';

async function call(t: TestApp, route: DeclaredRoute, actor: Actor, path: string) {
  const entry = matrixEntries[`${route.method} ${route.url}`] ?? {};
  const url = path + (entry.query ?? '');
  const cookie = await cookieOf(t, actor);
  if (route.method === 'GET') return { url, res: await t.app.inject({ method: 'GET', url, remoteAddress: actor.ip, headers: { cookie } }) };
  const payload = new URLSearchParams({ _csrf: actor.csrfToken, ...entry.body }).toString();
  return { url, res: await t.app.inject({ method: route.method as 'POST', url, remoteAddress: actor.ip, headers: { cookie, 'content-type': FORM }, payload }) };
}

function judge(route: DeclaredRoute, want: Expected, url: string, res: { statusCode: number; headers: Record<string, unknown> }): string | null {
  const location = String(res.headers.location ?? '');
  const door = route.auth === 'applicant' ? 'applicant' : 'staff';
  const signIn = `${SIGN_IN[door]}?next=${encodeURIComponent(url)}`;
  const got = `${res.statusCode}${location ? ' → ' + location : ''}`;
  if (want === 'sign-in') return res.statusCode === 303 && location === signIn ? null : `expected 303 → ${signIn}, got ${got}`;
  if (want === 'not-found') return res.statusCode === 404 ? null : `expected 404, got ${got}`;
  const tokenRoute = matrixEntries[`${route.method} ${route.url}`]?.notFoundWithout !== undefined;
  const refused = (res.statusCode === 404 && !tokenRoute) || res.statusCode === 403 || res.statusCode >= 500 || (res.statusCode === 303 && /^\/(platform|ecpa)\/login\?next=/.test(location));
  return refused ? `expected to be let through, got ${got}` : null;
}

describe.each(dbDrivers())('route matrix (SYS-4) on %s', (driver) => {
  const t = useTestApp(driver, { routes: testOnlyRoutes });
  let actors: Actors;
  let table: readonly DeclaredRoute[];

  beforeAll(async () => {
    actors = await makeActors(t.current);
    // The applicant has a saved resume with a photo and an attachment, so that its own files answer 200.
    await insertResume(t.current, actors.applicant.id!, { photo: await jpegOf('#102030'), attachment: Buffer.from('%PDF-1.4\nmine\n%%EOF\n') });
    table = declaredRoutes(t.current.app);
  });

  it('SYS-4 the matrix knows every registered route (a new route without an entry fails here, named), and every parametrised route has an object case', () => {
    expect(table.length).toBeGreaterThan(70);
    const keys = table.map((r) => `${r.method} ${r.url}`);
    expect(keys.filter((k) => !(k in matrixEntries)), 'routes without a matrix entry (add them to tests/route-matrix/entries.ts)').toEqual([]);
    expect(Object.keys(matrixEntries).filter((k) => !keys.includes(k)), 'matrix entries without a route').toEqual([]);
    expect(keys.filter((k) => k.includes('/:') && !(k in objectCases)), 'parametrised routes without an object case (tests/route-matrix/objects.ts)').toEqual([]);
  });

  it('SYS-4 every route × role answers as the route’s audience says; someone else’s object is 404', async () => {
    const failures: string[] = [];
    let cells = 0;
    let crossCells = 0;
    const all: Actor[] = ROLE_NAMES.map((n) => actors[n]);
    for (const route of table) {
      const key = `${route.method} ${route.url}`;
      const objects = objectCases[key];
      for (const actor of all) {
        const params = objects ? await objects.own(t.current, actor, actors) : {};
        const want = expected(route.auth, actor);
        const { url, res } = await call(t.current, route, actor, fillPath(route.url, params));
        const problem = judge(route, want, url, res);
        if (problem) failures.push(`${key} as ${actor.name}: ${problem}`);
        cells++;
        const other = want === 'inside' && objects?.othersOf ? await objects.othersOf(t.current, actor, actors) : null;
        if (other) {
          const cross = await call(t.current, route, actor, fillPath(route.url, other));
          if (cross.res.statusCode !== 404) failures.push(`${key} as ${actor.name} on someone else's object: expected 404, got ${cross.res.statusCode}`);
          crossCells++;
        }
      }
    }
    console.log(`route matrix on ${driver}: ${table.length} routes × ${all.length} roles = ${cells} cells, + ${crossCells} someone-else's-object cells: ${cells + crossCells} proven`);
    expect(failures).toEqual([]);
    expect(crossCells).toBeGreaterThanOrEqual(3); // staged photo (applicant), agency vacancy (A on B, B on A)
  }, 300_000);
});
