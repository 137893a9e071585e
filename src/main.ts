// Starts the roles named in ROLES (web, worker, scheduler; all three by default) in this process.
import { ConfigError, exposureWarnings, loadConfig, mailDestination, type Config } from './config.ts';
import { buildApp } from './app.ts';
import { createServices } from './container.ts';
import { openDatabase } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';
import { createJobs } from './platform/jobs/jobs.ts';
import { registerMaintenanceJobs } from './platform/jobs/maintenance-jobs.ts';
import { registerMailJobs } from './platform/jobs/mail-jobs.ts';
import { createMailTransport } from './platform/mail/transport.ts';
import { purgeStaleTempFiles } from './platform/storage/temp-files.ts';
import { seedDemo } from './modules/demo/seed.ts';
import { seedHrdbDemo } from './modules/hrdb/hrdb.seed.ts';
import { registerNewsletterJobs } from './modules/newsletters/newsletter.jobs.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  for (const line of exposureWarnings(config)) console.warn(`WARNING: ${line}`);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const database = await openDatabase(config.database);
  const applied = await migrate(database.pool);
  if (applied.length) console.log(`database: applied ${applied.length} migration(s) on ${database.kind} (${elapsed()})`);

  const jobs = createJobs({ database, roles: config.roles });
  const mailTransport = createMailTransport(config.smtpUrl);
  const services = createServices(config, database, { jobs, mailTransport });

  if (config.seedDemo) {
    const seed = await seedDemo(database.db, services.clock.today());
    if (seed.seeded) {
      console.log(
        `demo seed: ${seed.feed?.inserted ?? 0} real jobs imported (${seed.feed?.rejected.length ?? 0} rejected), ${seed.staff} staff, ${seed.applicants} applicants (${elapsed()}) — sign-ins are listed in README.md`,
      );
    }
    // After seedDemo (which only runs on an empty database): eCPA accounts of the HR-database demo people.
    await seedHrdbDemo(database.db, config);
  }

  // Temp files a crash left in disk storage (issue 9 item 5); the hourly maintenance repeats this.
  if (config.storage.driver === 'disk') await purgeStaleTempFiles(config.storage.dir, services.clock.now());

  await jobs.start();
  await registerMailJobs(jobs, { db: database.db, transport: mailTransport, clock: services.clock, mailFrom: config.mailFrom, storage: services.storage });
  await registerMaintenanceJobs(jobs, services);
  await registerNewsletterJobs(jobs, services);
  console.log(`jobs: pg-boss started for roles ${config.roles.join(', ')} (${mailDestination(config)})`);

  const stops: (() => Promise<void>)[] = [];
  if (config.roles.includes('web')) {
    const app = await buildApp(services);
    await app.listen({ port: config.port, host: config.host });
    console.log(`web: listening on ${config.baseUrl} (${elapsed()} after start)`);
    stops.push(() => app.close());
  }
  stops.push(() => jobs.stop({ timeoutMs: 15_000 }));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down gracefully`);
    const timer = setTimeout(() => {
      console.error('shutdown timed out after 20 s');
      process.exit(1);
    }, 20_000);
    timer.unref();
    for (const stop of stops) await stop().catch((e: unknown) => console.error(e));
    await database.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
