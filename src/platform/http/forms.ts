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
