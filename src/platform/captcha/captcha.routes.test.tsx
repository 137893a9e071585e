// The captcha's HTTP side on a small Fastify app built the way src/app.ts builds the real one (cookies,
// form bodies, CSRF, sessions, error pages), plus a form page that uses the field as the account pages will.
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cookieHeader, csrfFrom, TEST_CAPTCHA, testServices } from '../../../tests/helpers/app.ts';
import { dbDrivers, useTestDatabase } from '../../../tests/helpers/db.ts';
import { registerAuthHooks } from '../auth/http.ts';
import { fixedClock } from '../clock.ts';
import { captchaChallenges } from '../db/schema/platform.ts';
import { pageContext, setupRequestLocale } from '../http/context.ts';
import { registerErrorHandling } from '../http/error-handling.ts';
import { sendPage } from '../http/render.ts';
import { Csrf } from '../views/components.tsx';
import { CaptchaField } from './captcha.field.tsx';
import { captchaRoutes, checkCaptcha, prepareCaptcha } from './captcha.routes.ts';
import { currentCode, issueCaptcha, verifyCaptcha } from './captcha.service.ts';
import { durationMs, parseWav } from './wav.ts';
import type { PlatformServices } from '../services.ts';

async function captchaTestApp(services: PlatformServices): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(fastifyCookie, { secret: services.config.sessionSecret });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, { cookieKey: '_csrf', cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true } });
  app.decorateRequest('locale', 'zh-TW');
  app.decorateRequest('t', null as never);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('principal', null);
  app.decorateRequest('flashIn', null as never);
  app.addHook('onRequest', async (req) => {
    setupRequestLocale(req);
    req.flashIn = [];
  });
  registerAuthHooks(app, services);
  registerErrorHandling(app, services);
  await captchaRoutes(app, services);

  app.get('/platform/login', { config: { auth: 'public' } }, async (req, reply) => {
    await prepareCaptcha(req, reply, services);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      <form method="post" action="/platform/login">
        <Csrf ctx={ctx} />
        <CaptchaField ctx={ctx} error="驗證碼不正確，請輸入新圖片中的數字。" />
        <button type="submit">登入</button>
      </form>,
    );
  });
  app.post('/platform/login', { config: { auth: 'public' } }, async (req, reply) => {
    const body = req.body as Record<string, unknown>;
    return reply.send(await checkCaptcha(req, services, body.captcha));
  });
  await app.ready();
  return app;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = 'application/x-www-form-urlencoded';

describe.each(dbDrivers())('captcha routes on %s', (driver) => {
  const t = useTestDatabase(driver);
  const clock = fixedClock('2025-03-03T09:00:00+08:00');
  let services: PlatformServices;
  let app: FastifyInstance;
  const deps = () => ({ db: services.db, clock: services.clock });

  beforeAll(async () => {
    services = testServices(t.current, { clock });
    app = await captchaTestApp(services);
  });
  afterAll(async () => {
    await app?.close();
    if (services) rmSync(services.config.dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await services.db.delete(captchaChallenges);
  });

  async function visitor() {
    const { token, record } = await services.sessions.create({ principal: null });
    return { cookie: `sid=${token}`, sessionId: record.id };
  }

  it('ACC-4 the image of the session’s challenge is an SVG, never cached, with no digits as text', async () => {
    const v = await visitor();
    const { code } = await issueCaptcha(deps(), v.sessionId);
    const res = await app.inject({ url: '/captcha/image?ts=1', headers: { cookie: v.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/^<svg [^>]*width="200" height="64"/);
    expect(res.body.match(/<path fill=/g)).toHaveLength(code.length);
    expect(res.body).not.toContain('<text');
    expect(res.body).not.toContain('<script');
  });

  it('ACC-4 the audio of the challenge is a WAV file of several seconds', async () => {
    const v = await visitor();
    await issueCaptcha(deps(), v.sessionId);
    const res = await app.inject({ url: '/captcha/audio', headers: { cookie: v.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.toString('ascii', 0, 4)).toBe('RIFF');
    expect(res.rawPayload.toString('ascii', 8, 12)).toBe('WAVE');
    expect(res.rawPayload.length).toBeGreaterThan(10_000);
    expect(durationMs(parseWav(res.rawPayload))).toBeGreaterThan(2_500);
  });

  it('SYS-5 the audio grows with the number of digits', async () => {
    const ones = () => 1;
    const v = await visitor();
    await issueCaptcha({ ...deps(), random: ones }, v.sessionId, { length: 3 });
    const short = await app.inject({ url: '/captcha/audio', headers: { cookie: v.cookie } });
    await issueCaptcha({ ...deps(), random: ones }, v.sessionId, { length: 8 });
    const long = await app.inject({ url: '/captcha/audio', headers: { cookie: v.cookie } });
    const shortMs = durationMs(parseWav(short.rawPayload));
    const longMs = durationMs(parseWav(long.rawPayload));
    expect(longMs).toBeGreaterThan(shortMs + 5 * 250);
  });

  it('SYS-5 media players get the same audio again and byte ranges of it', async () => {
    const v = await visitor();
    await issueCaptcha(deps(), v.sessionId);
    const full = await app.inject({ url: '/captcha/audio', headers: { cookie: v.cookie } });
    const again = await app.inject({ url: '/captcha/audio', headers: { cookie: v.cookie } });
    expect(again.rawPayload.equals(full.rawPayload)).toBe(true);
    expect(full.headers['accept-ranges']).toBe('bytes');
    const part = await app.inject({ url: '/captcha/audio', headers: { cookie: v.cookie, range: 'bytes=0-1' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-1/${full.rawPayload.length}`);
    expect(part.rawPayload.toString('ascii')).toBe('RI');
    const tail = await app.inject({ url: '/captcha/audio', headers: { cookie: v.cookie, range: 'bytes=-4' } });
    expect(tail.rawPayload.equals(full.rawPayload.subarray(-4))).toBe(true);
    const beyond = await app.inject({ url: '/captcha/audio', headers: { cookie: v.cookie, range: `bytes=${full.rawPayload.length}-` } });
    expect(beyond.statusCode).toBe(416);
  });

  it('ACC-4 with no session, no challenge, or a used one, image and audio are 404 pages', async () => {
    for (const url of ['/captcha/image', '/captcha/audio']) expect((await app.inject(url)).statusCode).toBe(404);
    const v = await visitor();
    for (const url of ['/captcha/image', '/captcha/audio']) {
      const res = await app.inject({ url, headers: { cookie: v.cookie } });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('找不到這個頁面');
    }
    await issueCaptcha(deps(), v.sessionId);
    const answer = await app.inject({ url: '/captcha/image', headers: { cookie: v.cookie } });
    expect(answer.statusCode).toBe(200);
    await verifyCaptcha(deps(), v.sessionId, '0');
    expect((await app.inject({ url: '/captcha/image', headers: { cookie: v.cookie } })).statusCode).toBe(404);
  });

  it('ACC-1 a form page gives a new visitor a session and a challenge, and shows the 驗證碼 field', async () => {
    const page = await app.inject('/platform/login');
    expect(page.statusCode).toBe(200);
    const cookie = cookieHeader(page);
    expect(cookie).toMatch(/sid=/);
    const html = page.body;
    expect(html).toContain('<label for="f-captcha">驗證碼</label>');
    expect(html).toMatch(/<input id="f-captcha" name="captcha" type="text" inputmode="numeric" autocomplete="off"[^>]* required/);
    expect(html).toContain('aria-describedby="f-captcha-hint f-captcha-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('驗證碼不正確');
    expect(html).toMatch(/<img class="captcha-image" src="\/captcha\/image\?ts=[0-9a-f]+"[^>]* alt="驗證碼圖片，請輸入圖中的數字；看不清楚可按「播放驗證碼語音」或「更換驗證碼」"/);
    expect(html).toMatch(/<audio controls="" preload="none" src="\/captcha\/audio\?ts=[0-9a-f]+" aria-labelledby="f-captcha-audio-label">/);
    expect(html).toMatch(/<button type="submit" class="secondary captcha-refresh" formaction="\/captcha\/refresh\?next=%2Fplatform%2Flogin" formnovalidate/);
    expect(html).toContain('<script src="/assets/js/captcha.js" defer></script>');
    expect(html).not.toContain('播放驗證碼語音</button>'); // the play button is made by the script, which also hides the native player

    const img = await app.inject({ url: '/captcha/image', headers: { cookie } });
    expect(img.statusCode).toBe(200);
    const audio = await app.inject({ url: '/captcha/audio', headers: { cookie } });
    expect(audio.statusCode).toBe(200);
  });

  it('ACC-4 the posted answer is checked once against this session: the test code passes, then it is used', async () => {
    const page = await app.inject('/platform/login');
    const cookie = cookieHeader(page);
    const post = (captcha: string) =>
      app.inject({ method: 'POST', url: '/platform/login', payload: form({ _csrf: csrfFrom(page.body), captcha }), headers: { 'content-type': FORM, cookie } });
    expect((await post(TEST_CAPTCHA)).json()).toEqual({ ok: true });
    expect((await post(TEST_CAPTCHA)).json()).toEqual({ ok: false, reason: 'used' });
  });

  it('ACC-4 a new visitor’s answer without a session is refused as missing', async () => {
    const page = await app.inject('/platform/login');
    const withoutSid = cookieHeader(page).split('; ').filter((c) => !c.startsWith('sid=')).join('; ');
    const res = await app.inject({ method: 'POST', url: '/platform/login', payload: form({ _csrf: csrfFrom(page.body), captcha: TEST_CAPTCHA }), headers: { 'content-type': FORM, cookie: withoutSid } });
    expect(res.json()).toEqual({ ok: false, reason: 'missing' });
  });

  it('ACC-4 更換驗證碼 issues a new challenge and goes back to the form, on this site only', async () => {
    const page = await app.inject('/platform/login');
    const cookie = cookieHeader(page);
    const sessionId = (await services.sessions.load(/sid=([^;]+)/.exec(cookie)![1]!))!.id;
    const before = await currentCode(deps(), sessionId);
    const refresh = (url: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, payload: form({ _csrf: csrfFrom(page.body), next: '/elsewhere', captcha: '' }), headers: { 'content-type': FORM, cookie, ...headers } });

    const res = await refresh('/captcha/refresh?next=%2Fplatform%2Flogin%3Fnext%3D%252Fjobs');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/login?next=%2Fjobs#f-captcha');
    const after = await currentCode(deps(), sessionId);
    expect(after?.id).not.toBe(before?.id);

    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/\r\nSet-Cookie: x=1']) {
      const r = await refresh(`/captcha/refresh?next=${encodeURIComponent(evil)}`);
      expect(r.statusCode).toBe(303);
      expect(r.headers.location, evil).toBe('/#f-captcha');
    }
    expect((await refresh('/captcha/refresh')).headers.location).toBe('/#f-captcha');
  });

  it('ACC-4 the script’s 更換驗證碼 (CSRF token in a header, JSON) swaps the challenge without leaving the page', async () => {
    const page = await app.inject('/platform/login');
    const cookie = cookieHeader(page);
    const token = /data-csrf="([^"]+)"/.exec(page.body)![1]!;
    const res = await app.inject({ method: 'POST', url: '/captcha/refresh', headers: { cookie, accept: 'application/json', 'x-csrf-token': token } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('ACC-4 更換驗證碼 without its CSRF token is refused', async () => {
    const page = await app.inject('/platform/login');
    const res = await app.inject({ method: 'POST', url: '/captcha/refresh?next=/', payload: 'captcha=', headers: { 'content-type': FORM, cookie: cookieHeader(page) } });
    expect(res.statusCode).toBe(403);
  });
});
