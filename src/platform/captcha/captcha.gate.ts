// The captcha as a form request's gate (platform/http/forms.ts readFormRequest): checks the answer against the
// visitor's current challenge and words a refusal in zh-TW / English like every captcha field.
import type { FastifyRequest } from 'fastify';
import type { PlatformServices } from '../services.ts';
import type { CaptchaGate } from '../http/forms.ts';
import { captchaErrorMessage } from './captcha.rules.ts';
import { checkCaptcha } from './captcha.routes.ts';

export function captchaGate(req: FastifyRequest, services: PlatformServices): CaptchaGate {
  return async (answer) => {
    const verdict = await checkCaptcha(req, services, answer);
    return verdict.ok ? { ok: true } : { ok: false, message: captchaErrorMessage(verdict.reason) };
  };
}
