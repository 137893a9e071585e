// Runs once per `vitest run`, before any test file: builds the migrated template databases that every test file
// then copies (tests/helpers/db.ts). See docs/adr/0006-test-database-strategy.md.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensurePostgresTemplate, writePgliteTemplate } from './helpers/template-db.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const url = process.env.TEST_DATABASE_URL;
  const [pgliteFile, postgresTemplate] = await Promise.all([
    writePgliteTemplate(),
    url ? ensurePostgresTemplate(url) : Promise.resolve(''),
  ]);
  project.provide('sqrPgliteTemplate', pgliteFile);
  project.provide('sqrPostgresTemplate', postgresTemplate);
  return () => rmSync(dirname(pgliteFile), { recursive: true, force: true });
}
