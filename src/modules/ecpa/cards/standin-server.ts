// The two local stand-ins (the HiPKI signing component and the NHI component) start and stop their node:http
// server the same way: listen on the configured or a free port (an address in use rejects), close every connection.
import type { Server } from 'node:http';

export async function listenOn(server: Server, opts: { port?: number; host?: string }): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
}

export async function closeServer(server: Server | null): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
