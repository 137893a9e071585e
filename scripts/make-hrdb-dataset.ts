// npm run make:hrdb
// Writes the local synthetic HR dataset (the stand-in for the 公務人力資料庫) to
// src/modules/hrdb/data/hrdb-people.json. Deterministic: running it again gives the same bytes; a test checks
// that the committed file is what the generator makes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateHrdbDataset } from '../src/modules/hrdb/dataset.generator.ts';
import { serializeDataset } from '../src/modules/hrdb/local-hrdb.ts';

const target = fileURLToPath(new URL('../src/modules/hrdb/data/hrdb-people.json', import.meta.url));
const dataset = generateHrdbDataset();
writeFileSync(target, serializeDataset(dataset));
const former = dataset.people.filter((p) => p.status === 'former').length;
console.log(`${target}: ${dataset.people.length} people (${dataset.people.length - former} current, ${former} former)`);
