// Counts a visit (PUB-7) when a browser gets its first page of the Taipei day, then marks the browser
// with a `visited=<YYYY-MM-DD>` cookie that ends at Taipei midnight. Runs as an onSend hook, when the
// response is known to be a successful HTML page; nothing is done for other requests. The visit is added to the
// process's tally (visit-tally.ts), written a second later in one statement, and at once when the app closes.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../container.ts';
import { addVisits } from './counters.repo.ts';
import { isNewVisit, taipeiMidnightAfter, VISIT_COOKIE } from './counters.rules.ts';
import { VisitTally, visitTallyOf } from './visit-tally.ts';

const registered = new WeakSet<FastifyInstance>();

/** Call once on the root app (before or after the routes). A second call on the same app does nothing. */
export function registerVisitCounting(app: FastifyInstance, services: Pick<Services, 'db' | 'clock' | 'config'>): void {
  if (registered.has(app)) return;
  registered.add(app);
  const secure = services.config.baseUrl.startsWith('https:');
  const tally = visitTallyOf(services.db, () => new VisitTally((day, visits) => addVisits(services.db, day, visits), (err) => app.log.warn({ err }, 'visits not written yet')));
  app.addHook('onClose', async () => {
    await tally.flush();
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const today = services.clock.today();
    const contentType = reply.getHeader('content-type');
    const visit = isNewVisit({
      method: req.method,
      path: req.url.split('?')[0] ?? '/',
      status: reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      visitedCookie: req.cookies?.[VISIT_COOKIE],
      today,
    });
    if (!visit) return payload;
    tally.add(today);
    reply.setCookie(VISIT_COOKIE, today, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: taipeiMidnightAfter(today) });
    return payload;
  });
}
