// The GET and POST of every door's credential form (ACC-4 登入, ECPA-1 帳號登入, the RES-4 人事服務網身分驗證):
// GET shows the form with a fresh captcha; POST reads the form (the captcha is checked before any password is
// looked at), runs the door's use case and either goes on (post/redirect/get) or shows the form again with what
// was typed — never the password — and the errors, status 400. The door gives its paths, forms, use case and page.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import { signIn } from '../auth/http.ts';
import type { PrincipalKind } from '../auth/principal.ts';
import { captchaGate } from '../captcha/captcha.gate.ts';
import { prepareCaptcha } from '../captcha/captcha.routes.ts';
import type { PlatformServices } from '../services.ts';
import { readFormRequest, recordOf, valueOf, type FieldErrors, type FormValues } from './forms.ts';
import { sendPage } from './render.ts';

/** What a credential page shows: where it lands, what was typed (never the password), the errors, the refusal. */
export interface CredentialFormState<R extends string = never> {
  next: string;
  values: FormValues;
  errors: FieldErrors;
  /** Why the use case refused, when the page says more than the error summary (e.g. a locked account). */
  refusal?: R;
}

/** The use case's answer: go on to `to`, or show the form again with these errors. */
export type CredentialOutcome<R extends string = never> = { to: string } | { errors: FieldErrors; refusal?: R };

export interface CredentialRoute<S extends z.ZodType, R extends string = never> {
  path: string;
  /** The GET's route options (audience) and the POST's (audience and per-IP limit). */
  get: RouteShorthandOptions;
  post: RouteShorthandOptions;
  /** The door's check of a `next` taken from the request: a safe same-site path, or the door's fallback. */
  landing(next: unknown): string;
  /** GET: where a visitor who needs no form goes at once (e.g. one already signed in at this door). */
  skip?(req: FastifyRequest, next: string): string | null;
  /** The form's schema (in the request's language) and its fields in page order (for the error summary). */
  schema(req: FastifyRequest): S;
  fields: readonly string[];
  /** What is shown again of what was typed: never the password. */
  keep(values: FormValues): FormValues;
  /** The use case, run only for a valid form whose captcha was right. */
  attempt(req: FastifyRequest, reply: FastifyReply, data: z.output<S>, next: string): Promise<CredentialOutcome<R>>;
  page(req: FastifyRequest, reply: FastifyReply, state: CredentialFormState<R>): JSX.Element;
}

/** Registers GET and POST `route.path` for a credential form with a captcha. */
export function credentialRoutes<S extends z.ZodType, R extends string = never>(app: FastifyInstance, services: PlatformServices, route: CredentialRoute<S, R>): void {
  async function show(req: FastifyRequest, reply: FastifyReply, state: CredentialFormState<R>, status = 200) {
    await prepareCaptcha(req, reply, services);
    return sendPage(reply, route.page(req, reply, state), status);
  }

  app.get(route.path, route.get, async (req, reply) => {
    const next = route.landing(recordOf(req.query).next);
    const to = route.skip?.(req, next);
    if (to) return reply.redirect(to, 303);
    return show(req, reply, { next, values: {}, errors: {} });
  });

  app.post(route.path, route.post, async (req, reply) => {
    const form = await readFormRequest(route.schema(req), req.body, { fields: route.fields, captcha: captchaGate(req, services) });
    const next = route.landing(valueOf(form.values, 'next'));
    const values = route.keep(form.values);
    if (!form.ok) return show(req, reply, { next, values, errors: form.errors }, 400);
    const outcome = await route.attempt(req, reply, form.data, next);
    if ('to' in outcome) return reply.redirect(outcome.to, 303);
    return show(req, reply, { next, values, ...outcome }, 400);
  });
}

export interface SignInRoute<S extends z.ZodType, R extends string = never> extends Omit<CredentialRoute<S, R>, 'skip' | 'attempt'> {
  /** Who this door signs in: one already signed in as this kind is sent on from the GET. */
  kind: PrincipalKind;
  /** Where a sign-in lands when there is no usable `next`. */
  home: string;
  /** The door's sign-in use case (password, lockout, status): the principal's id, or the errors to show. */
  check(req: FastifyRequest, data: z.output<S>): Promise<{ id: string } | { errors: FieldErrors; refusal?: R }>;
}

/** A door's sign-in page: on success a new session (no fixation) for `kind`, then `next` or the door's home. */
export function signInRoutes<S extends z.ZodType, R extends string = never>(app: FastifyInstance, services: PlatformServices, door: SignInRoute<S, R>): void {
  const { kind, home, check, ...form } = door;
  credentialRoutes(app, services, {
    ...form,
    skip: (req, next) => (req.principal?.kind === kind ? next || home : null),
    attempt: async (req, reply, data, next) => {
      const result = await check(req, data);
      if (!('id' in result)) return result;
      await signIn(req, reply, services, { kind, id: result.id, method: '帳號' });
      return { to: next || home };
    },
  });
}
