// One zod schema per form. On error: messages by field (for the error summary and beside each field),
// and the values as typed, so that nothing the user entered is lost.
import { z } from 'zod';

z.config(z.locales.zhTW());

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[] | undefined>;

export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** Flattens a urlencoded body or query into string / string[] values, dropping anything else (and NUL characters,
 * which no PostgreSQL text can hold). */
export function formValues(input: unknown): FormValues {
  const out: FormValues = {};
  if (!input || typeof input !== 'object') return out;
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = noNul(v);
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string').map(noNul);
  }
  return out;
}

function noNul(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '') : s;
}

export function parseForm<S extends z.ZodType>(schema: S, input: unknown): FormResult<z.output<S>> {
  const values = formValues(input);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_form';
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

export function valueOf(values: FormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function valuesOf(values: FormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v];
}

/** A query-string array parameter: `?place=10&place=20` or `?place=10`. */
export const stringList = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));

// ── form requests (every door's sign-in, forgot, reset and register handlers) ───────────────────────────────

/** The captcha's verdict on an answer: the message to show beside the field when it is wrong. */
export type CaptchaGate = (answer: unknown) => Promise<{ ok: true } | { ok: false; message: string }>;

export type FormRequest<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** The errors in the order of the form's fields, so that the error summary reads top to bottom. */
export function inFormOrder(errors: FieldErrors, order: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const k of order) if (errors[k]) out[k] = errors[k];
  for (const [k, v] of Object.entries(errors)) out[k] ??= v;
  return out;
}

/**
 * Reads a POST body: parses it with the form's schema, then — for a form with a captcha — checks the captcha
 * always (a challenge is used up by any attempt; the schema's own captcha message wins), so a caller that looks at
 * a password only when `ok` never counts a wrong captcha towards a lockout. Errors come in the order of `fields`;
 * `values` are as typed (nothing the user entered is lost; callers drop passwords before re-rendering).
 */
export async function readFormRequest<S extends z.ZodType>(schema: S, body: unknown, opts: { fields: readonly string[]; captcha?: CaptchaGate }): Promise<FormRequest<z.output<S>>> {
  const form = parseForm(schema, body);
  let errors = form.ok ? {} : form.errors;
  if (opts.captcha) {
    const answer = body && typeof body === 'object' ? (body as Record<string, unknown>).captcha : undefined;
    const verdict = await opts.captcha(answer);
    if (!verdict.ok && !errors.captcha) errors = { ...errors, captcha: verdict.message };
  }
  if (form.ok && Object.keys(errors).length === 0) return form;
  return { ok: false, errors: inFormOrder(errors, opts.fields), values: form.values };
}

/** The body or query of a request as a plain record (anything else: empty). */
export function recordOf(input: unknown): Record<string, unknown> {
  return input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
}
