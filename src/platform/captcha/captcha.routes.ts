// Captcha over HTTP (ACC-1, ACC-4, SYS-5): the current session's image and audio, a refresh, and the two
// helpers that form pages call: prepareCaptcha while rendering, checkCaptcha while handling the post.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformServices } from '../services.ts';
import { ensureSession } from '../auth/http.ts';
import { safeLanding } from '../http/landing.ts';
import { captchaWav } from './captcha.audio.ts';
import { captchaSvg } from './captcha.image.ts';
import { currentCode, issueCaptcha, verifyCaptcha, type CaptchaResult } from './captcha.service.ts';
import { CAPTCHA_FIELD_ID } from './captcha.field.tsx';
import { routes } from '../http/route-options.ts';

/** Gives the visitor a session (if none yet) and a fresh challenge. Call it on every render of a form with a CaptchaField. */
export async function prepareCaptcha(req: FastifyRequest, reply: FastifyReply, services: PlatformServices): Promise<void> {
  const session = await ensureSession(req, reply, services);
  const issued = await issueCaptcha({ db: services.db, clock: services.clock }, session.id);
  session.data = { ...session.data, captcha: issued }; // what the row now holds, in case the request writes data back
}

/** Checks the posted answer against this session's challenge and uses the challenge up (right or wrong). */
export function checkCaptcha(req: FastifyRequest, services: PlatformServices, answer: unknown): Promise<CaptchaResult> {
  return verifyCaptcha({ db: services.db, clock: services.clock, testCode: services.config.captchaTestCode }, req.session?.id, answer);
}

/** A same-site path to go back to, with the page scrolled to the captcha field. */
export function refreshTarget(next: unknown): string {
  const path = safeLanding(next, '/');
  return path.includes('#') ? path : `${path}#${CAPTCHA_FIELD_ID}`;
}

/** Sends `body`, honouring a single `Range: bytes=…` (media players ask for ranges). */
function sendRange(req: FastifyRequest, reply: FastifyReply, body: Buffer): FastifyReply {
  void reply.header('accept-ranges', 'bytes');
  const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (!m || (!m[1] && !m[2])) return reply.send(body);
  const size = body.length;
  let start = m[1] ? Number(m[1]) : size - Number(m[2]);
  let end = m[1] && m[2] ? Number(m[2]) : size - 1;
  start = Math.max(0, start);
  end = Math.min(size - 1, end);
  if (start > end || start >= size) return reply.code(416).header('content-range', `bytes */${size}`).send();
  return reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`).send(body.subarray(start, end + 1));
}

export async function captchaRoutes(app: FastifyInstance, services: PlatformServices): Promise<void> {
  const deps = { db: services.db, clock: services.clock };

  app.get('/captcha/image', routes.public, async (req, reply) => {
    const current = await currentCode(deps, req.session?.id);
    if (!current) return reply.callNotFound();
    return reply.header('cache-control', 'no-store').type('image/svg+xml').send(captchaSvg(current.code));
  });

  app.get('/captcha/audio', routes.public, async (req, reply) => {
    const current = await currentCode(deps, req.session?.id);
    if (!current) return reply.callNotFound();
    const wav = await captchaWav(current.code, current.id);
    return sendRange(req, reply.header('cache-control', 'no-store').type('audio/wav').header('content-disposition', 'inline; filename="captcha.wav"'), wav);
  });

  // 更換驗證碼. Without JavaScript the form's button posts here (formaction) and comes back to `next`;
  // public/js/captcha.js posts with Accept: application/json and swaps the image in place.
  app.post('/captcha/refresh', routes.public, async (req, reply) => {
    await prepareCaptcha(req, reply, services);
    if ((req.headers.accept ?? '').includes('application/json')) return reply.header('cache-control', 'no-store').send({ ok: true });
    // Only the query's `next`: the outer form's own fields (its `next` too) are not this route's business.
    return reply.redirect(refreshTarget((req.query as Record<string, unknown>).next), 303);
  });
}
