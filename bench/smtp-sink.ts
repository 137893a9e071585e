// The mail server of bench/apply.bench.ts, in a process of its own (the world outside the system, as the
// applicants' HTTP clients are): accepts every message over SMTP on 127.0.0.1, reads it to the end and keeps only a
// count (src/platform/mail/test-smtp-server.ts parses every message, which would load the machine being measured).
// Forked; sends {port} when listening, answers {count} to any later message.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  disableReverseLookup: true,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received++;
      callback();
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port });
});
process.on('message', () => process.send?.({ count: received }));
process.on('disconnect', () => process.exit(0));
