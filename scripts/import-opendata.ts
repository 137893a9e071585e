// npm run import:opendata -- <file.xml>
// Imports a DGPA 事求人 open-data XML feed into the configured database (PGlite in DATA_DIR by default,
// PostgreSQL with DATABASE_URL), after applying migrations. Prints a summary and every rejected row.
// Exit status: 0 when the file was imported (even with rejected rows); 2 when the file cannot be read or
// is not a readable feed; 1 for bad configuration (one line) or any other failure.
import { readFile } from 'node:fs/promises';
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { FeedParseError, importFeed, type ImportResult } from '../src/modules/vacancies/opendata/import.service.ts';

const USAGE = 'usage: npm run import:opendata -- <file.xml>';

function summary(file: string, r: ImportResult, ms: number): string {
  const lines = [
    `${file}: ANNOUNCE_DATE ${r.announceDate ?? '(none)'}, ${ms} ms`,
    `read      ${r.read}`,
    `inserted  ${r.inserted}`,
    `updated   ${r.updated}`,
    `unchanged ${r.unchanged}`,
    `rejected  ${r.rejected.length}`,
    `agencies added ${r.agenciesAdded}`,
  ];
  for (const x of r.rejected) lines.push(`  ROW ${x.index}${x.workId ? ` (職缺編號 ${x.workId})` : ''}: ${x.reason}`);
  return lines.join('\n');
}

async function main(args: string[]): Promise<number> {
  const files = args.filter((a) => a !== '--');
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const file = files[0]!;

  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }

  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 2;
  }

  let database: Database | undefined;
  try {
    database = await openDatabase(config.database);
    await migrate(database.pool);
    const started = performance.now();
    const result = await importFeed(database.db, xml, { source: 'opendata_import' });
    // Fresh statistics for the search planner (PGlite runs no autovacuum).
    await database.pool.query('ANALYZE vacancies');
    console.log(summary(file, result, Math.round(performance.now() - started)));
    return 0;
  } catch (err) {
    if (err instanceof FeedParseError) {
      console.error(`${file} is not a readable feed: ${err.message}`);
      return 2;
    }
    console.error(`import failed: ${(err as Error).message.split('\n')[0]}`);
    return 1;
  } finally {
    await database?.close().catch(() => undefined);
  }
}

process.exitCode = await main(process.argv.slice(2));
