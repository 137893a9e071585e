// Starts the roles named in ROLES (web, worker, scheduler; all three by default) in this process.
import { ConfigError, loadConfig, type Config } from './config.ts';
import { buildApp } from './app.ts';
import { createServices } from './container.ts';
import { openDatabase } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';

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
  const started = Date.now();
  const database = await openDatabase(config.database);
  const applied = await migrate(database.pool);
  if (applied.length) console.log(`database: applied ${applied.length} migration(s) on ${database.kind}`);
  const services = createServices(config, database);

  const stops: (() => Promise<void>)[] = [];
  if (config.roles.includes('web')) {
    const app = await buildApp(services);
    await app.listen({ port: config.port, host: config.host });
    console.log(`web: listening on ${config.baseUrl} (${((Date.now() - started) / 1000).toFixed(1)} s after start)`);
    stops.push(() => app.close());
  }

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
