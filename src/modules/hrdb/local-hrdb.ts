// The local HrDatabase: the committed synthetic dataset (data/hrdb-people.json, made by
// scripts/make-hrdb-dataset.ts), loaded once per process and indexed by ID, account and person key.
// Stands in for the national 公務人力資料庫 until a real adapter exists; read-only like the real one.
import { readFileSync } from 'node:fs';
import { normalizeIdNumber } from '../../platform/tw/id-number.ts';
import type { HrDataset } from './dataset.generator.ts';
import type { HrDatabase, HrPerson } from './hrdb.types.ts';

export const DATASET_FILE = new URL('./data/hrdb-people.json', import.meta.url);

/** The JSON exactly as committed: one person a line (small diffs, a readable file), a final newline. */
export function serializeDataset(dataset: HrDataset): string {
  const head = `{\n  "_source": ${JSON.stringify(dataset._source)},\n  "asOf": ${JSON.stringify(dataset.asOf)},\n  "people": [\n`;
  return head + dataset.people.map((p) => '    ' + JSON.stringify(p)).join(',\n') + '\n  ]\n}\n';
}

export function loadDataset(file: URL = DATASET_FILE): HrDataset {
  return JSON.parse(readFileSync(file, 'utf8')) as HrDataset;
}

const normaliseAccount = (account: string) => account.normalize('NFKC').trim().toLowerCase();

/** Deep copy, so that a caller changing a result cannot change the database. */
const copy = (p: HrPerson | undefined): HrPerson | null => (p ? structuredClone(p) : null);

/** An HrDatabase over a list of people (for the dataset, or for tests with their own people). */
export function hrDatabaseOf(people: readonly HrPerson[]): HrDatabase & { readonly size: number } {
  const byId = new Map<string, HrPerson>();
  const byAccount = new Map<string, HrPerson>();
  const byKey = new Map<string, HrPerson>();
  for (const p of people) {
    byId.set(normalizeIdNumber(p.nationalId), p);
    if (p.ecpaAccount) byAccount.set(normaliseAccount(p.ecpaAccount), p);
    byKey.set(p.personId, p);
  }
  return {
    size: people.length,
    async findPersonByNationalId(nationalId) {
      return typeof nationalId === 'string' ? copy(byId.get(normalizeIdNumber(nationalId))) : null;
    },
    async findPersonByAccount(account) {
      return typeof account === 'string' ? copy(byAccount.get(normaliseAccount(account))) : null;
    },
    async findPersonById(personId) {
      return typeof personId === 'string' ? copy(byKey.get(personId)) : null;
    },
  };
}

let shared: (HrDatabase & { readonly size: number }) | undefined;

/** The local dataset as an HrDatabase; the JSON is read on the first call only. */
export function createLocalHrDatabase(): HrDatabase & { readonly size: number } {
  shared ??= hrDatabaseOf(loadDataset().people);
  return shared;
}
