// Starts the roles named in ROLES (web, worker, scheduler; all three by default) in this process.
import { ConfigError, exposureWarnings, loadConfig, mailDestination, type Config } from './config.ts';
import { buildApp } from './app.ts';
import { createProcessServices } from './container.ts';
import { openDatabase } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';
import { registerMaintenanceJobs, type MaintenanceTask } from './platform/jobs/maintenance-jobs.ts';
import { registerMailJobs } from './platform/jobs/mail-jobs.ts';
import { modules } from './modules/index.ts';
import { purgeStaleTempFiles } from './platform/storage/temp-files.ts';
import { configurePdfFonts } from './platform/pdf/fonts.ts';
import { warmModules } from './platform/http/readiness.ts';
import { prepareHipkiDev } from './modules/ecpa/index.ts';

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

  // The PDF fallback font for CJK Extension B (𠀋): found now, read when the first such character prints.
  const fallbacks = configurePdfFonts({ fallbackFontDir: config.pdfFallbackFontDir });
  console.log(
    fallbacks.length
      ? `pdf: fallback fonts ${fallbacks.map((f) => f.path).join(', ')}`
      : 'pdf: no CNS 11643 fallback font found (install fonts-cns11643-sung or set PDF_FALLBACK_FONT_DIR): Extension-B characters print as 〓',
  );

  // HIPKI_DEV=1 (never in production): the test PKI the card sign-in trusts, and the signing-component stand-in.
  const stopHipkiDev = await prepareHipkiDev(config);

  const services = createProcessServices(config, database);
  const { jobs } = services;

  if (config.seedDemo) {
    // In the order of the module list: the demo data first (on an empty database only), then what builds on it.
    for (const module of modules) {
      const line = await module.seedDemo?.(services);
      if (line) console.log(`${line} (${elapsed()})`);
    }
  }

  // Temp files a crash left in disk storage (issue 9 item 5); the hourly maintenance repeats this.
  if (config.storage.driver === 'disk') await purgeStaleTempFiles(config.storage.dir, services.clock.now());

  await jobs.start();
  await registerMailJobs(jobs, { db: database.db, transport: services.mailTransport, clock: services.clock, mailFrom: config.mailFrom, storage: services.storage });
  const maintenance: MaintenanceTask[] = modules.flatMap((m) => (m.maintenance ? [() => m.maintenance!(services)] : []));
  await registerMaintenanceJobs(jobs, services, maintenance);
  for (const module of modules) await module.jobs?.(jobs, services);
  console.log(`jobs: pg-boss started for roles ${config.roles.join(', ')} (${mailDestination(config)})`);

  const stops: (() => Promise<void>)[] = [];
  if (config.roles.includes('web')) {
    const app = await buildApp(services);
    await app.listen({ port: config.port, host: config.host });
    console.log(`web: listening on ${config.baseUrl} (${elapsed()} after start)`);
    // The search index and the like load in the background; /readyz answers 503 until they have.
    void warmModules(modules, services, services.readiness, (line) => console.log(`web: ${line}`));
    stops.push(() => app.close());
  }
  stops.push(() => jobs.stop({ timeoutMs: 15_000 }));
  stops.push(() => services.pdf.close());
  if (stopHipkiDev) stops.push(stopHipkiDev);

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
