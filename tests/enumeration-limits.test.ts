// Issue 9 item 11: RES-4's offer is a probe (audited, limited per account and per ID); RES-3 answers are audited.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedHrdbDemo } from '../src/modules/hrdb/hrdb.seed.ts';
import { WELL_KNOWN_PEOPLE } from '../src/modules/hrdb/well-known-people.ts';
import { OFFER_PROBE_ACTION, offerProbeLimit } from '../src/modules/resumes/probe-limits.ts';
import { postForm, signInApplicant, validFields } from '../src/modules/resumes/resumes.test-support.ts';
import { auditEvents } from '../src/platform/db/schema/platform.ts';
import { useTestApp } from './helpers/app.ts';
import { testIdNumber } from './helpers/id-numbers.ts';

const FORMER = WELL_KNOWN_PEOPLE.formerContract;
const BUTTON = 'value="hrdb-import"';

describe('RES-3 / RES-4 probes (issue 9 item 11)', () => {
  const t = useTestApp('pglite');
  beforeAll(async () => {
    await seedHrdbDemo(t.current.services.db, t.current.config);
  });
  const typed = (a: Awaited<ReturnType<typeof signInApplicant>>, idNumber: string) => postForm(t.current, a, { idNumber, action: 'upload' });
  const probes = async (actorId: string) =>
    t.current.services.db.select().from(auditEvents).where(and(eq(auditEvents.action, OFFER_PROBE_ACTION), eq(auditEvents.actorId, actorId)));

  it('RES-4 item 11: the limit rule — 5 different IDs per account per hour, 3 accounts per ID per day, repeats free', () => {
    expect(offerProbeLimit({ byAccount: ['a', 'b', 'c', 'd'], byId: [] }, 'u', 'e')).toBeNull();
    expect(offerProbeLimit({ byAccount: ['a', 'b', 'c', 'd', 'e'], byId: [] }, 'u', 'f')).toBe('account');
    expect(offerProbeLimit({ byAccount: ['a', 'b', 'c', 'd', 'e'], byId: [] }, 'u', 'a')).toBeNull();
    expect(offerProbeLimit({ byAccount: [], byId: ['x', 'y', 'z'] }, 'u', 'a')).toBe('id');
    expect(offerProbeLimit({ byAccount: [], byId: ['x', 'y', 'u'] }, 'u', 'a')).toBeNull();
  });

  it('RES-4 item 11: every offer check is audited (hash only); after 5 other IDs in an hour the offer is withheld', async () => {
    const a = await signInApplicant(t.current);
    for (let i = 0; i < 5; i++) expect((await typed(a, testIdNumber(6300 + i))).body).not.toContain(BUTTON);
    expect((await typed(a, FORMER.nationalId)).body).not.toContain(BUTTON);
    const rows = await probes(a.id);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.some((r) => (r.details as { limited?: string }).limited === 'account')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(FORMER.nationalId);
  });

  it('RES-4 item 11: a 4th account probing the same ID within a day gets no offer; the first three do', async () => {
    const answers: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const a = await signInApplicant(t.current);
      answers.push((await typed(a, WELL_KNOWN_PEOPLE.formerHire.nationalId)).body.includes(BUTTON));
    }
    expect(answers).toEqual([true, true, true, false]);
  });

  it('RES-3 item 11: an ID that belongs to another account is audited as a probe', async () => {
    const id = testIdNumber(6400);
    const owner = await signInApplicant(t.current);
    expect((await postForm(t.current, owner, validFields({ idNumber: id }))).statusCode).toBe(303);
    const prober = await signInApplicant(t.current);
    await postForm(t.current, prober, validFields({ idNumber: id }));
    const rows = await t.current.services.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'resume.id_conflict'), eq(auditEvents.actorId, prober.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subjectKind).toBe('id_number_hash');
  });
});
