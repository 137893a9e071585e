// The web role warms what it serves from memory once it listens (issue 15: the PUB-1 search index), and /readyz
// answers 503 `warming` until that is done (src/platform/http/readiness.ts, src/main.ts).
import { describe, expect, it } from 'vitest';
import type { Services } from '../src/container.ts';
import { modules } from '../src/modules/index.ts';
import { warmModules } from '../src/platform/http/readiness.ts';
import type { AppModule } from '../src/platform/module.ts';
import { createVacancy } from './factories/index.ts';
import { useTestApp } from './helpers/app.ts';

describe('web role warm-up', () => {
  const t = useTestApp();

  it('PUB-1 SYS-4 the web role loads the search index at start; /readyz answers 503 warming until every warm-up is done', async () => {
    const { app, services } = t.current;
    await createVacancy(services.db, { title: '臺北市政府約僱人員' });
    await createVacancy(services.db, { title: '人事室科員' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: AppModule<Services> = { name: 'slow', warm: () => gate.then(() => 'slow: ready') };
    const lines: string[] = [];
    const done = warmModules([...modules, slow], services, services.readiness, (line) => lines.push(line));

    const warming = await app.inject('/readyz');
    expect(warming.statusCode).toBe(503);
    expect(warming.headers['cache-control']).toBe('no-store');
    expect(warming.json()).toEqual({ status: 'warming', waiting: expect.arrayContaining(['slow']) });

    release();
    await done;
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok' });
    const index = lines.find((l) => l.startsWith('search index:'));
    expect(index).toMatch(/^search index: \d+ vacancies, \d+ grams, [\d.]+ MiB of postings \(\d+ ms\)$/);
    expect(Number(/(\d+) vacancies/.exec(index!)![1])).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.startsWith('slow: ready'))).toBe(true);
  });

  it('SYS-4 a failed warm-up is logged and the process still becomes ready (the index then loads on the first search)', async () => {
    const { app, services } = t.current;
    const broken: AppModule<Services> = { name: 'broken', warm: () => Promise.reject(new Error('database away')) };
    const lines: string[] = [];
    await warmModules([broken], services, services.readiness, (line) => lines.push(line));
    expect(lines).toEqual(['broken: warm-up failed, loads on first use: database away']);
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    const search = await app.inject('/jobs?keyword=' + encodeURIComponent('台北'));
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('臺北市政府約僱人員');
  });
});
