// One zod schema per account form, with the page's own messages (zh-TW or English). Emails are normalised here;
// passwords are never trimmed (what is checked is what gets hashed). The captcha is checked by the route.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordProblems } from '../../platform/tw/password-rule.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import type { AccountMessages } from './account.messages.ts';
import { EMAIL_MAX_LENGTH, isEmailAddress, normaliseEmail } from './account.rules.ts';
import { CONSENT_VERSION } from './consent.ts';

/** Any posted value as one string (a repeated field keeps its first value; anything else is empty). */
const text = z.preprocess((v) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : ''), z.string());

type Issue = (path: string, message: string) => void;

function issues(ctx: z.RefinementCtx): Issue {
  return (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
}

function checkEmail(add: Issue, m: AccountMessages, field: string, value: string, requiredKey: 'error.email.required' | 'error.newEmail.required'): void {
  if (value === '') add(field, m[requiredKey]);
  else if (value.length > EMAIL_MAX_LENGTH || !isEmailAddress(value)) add(field, m['error.email.invalid']);
}

/** The ACC-1 rule, one message naming every unmet part. */
export function passwordRuleMessage(m: AccountMessages, password: string): string | null {
  const problems = passwordProblems(password);
  if (problems.length === 0) return null;
  return fill(m['error.password.rule'], { problems: problems.map((p) => m[`problem.${p}`]).join(m['problem.separator']) });
}

function checkNewPassword(add: Issue, m: AccountMessages, password: string, confirm: string, requiredKey: 'error.password.required' | 'error.newPassword.required'): void {
  if (password === '') add('password', m[requiredKey]);
  else {
    const rule = passwordRuleMessage(m, password);
    if (rule) add('password', rule);
  }
  if (confirm === '') add('confirm', m['error.confirm.required']);
  else if (password !== '' && confirm !== password) add('confirm', m['error.confirm.mismatch']);
}

const email = text.transform((v) => normaliseEmail(v));

export function registerForm(m: AccountMessages) {
  return z
    .object({ email, password: text, confirm: text, consent: text, consentVersion: text, captcha: text })
    .superRefine((v, ctx) => {
      const add = issues(ctx);
      checkEmail(add, m, 'email', v.email, 'error.email.required');
      checkNewPassword(add, m, v.password, v.confirm, 'error.password.required');
      if (v.captcha.trim() === '') add('captcha', m['error.captcha.required']);
      if (v.consent !== 'yes') add('consent', m['error.consent.required']);
      else if (v.consentVersion !== CONSENT_VERSION) add('consent', m['error.consent.outdated']);
    });
}

export function loginForm(m: AccountMessages) {
  return z.object({ email, password: text, captcha: text, next: text }).superRefine((v, ctx) => {
    const add = issues(ctx);
    checkEmail(add, m, 'email', v.email, 'error.email.required');
    if (v.password === '') add('password', m['error.password.required']);
    else if (v.password.length > PASSWORD_MAX_LENGTH) add('password', fill(m['error.password.tooLong'], { max: PASSWORD_MAX_LENGTH }));
    if (v.captcha.trim() === '') add('captcha', m['error.captcha.required']);
  });
}

/** 重寄確認信 and 忘記密碼: the account only. */
export function emailOnlyForm(m: AccountMessages) {
  return z.object({ email }).superRefine((v, ctx) => checkEmail(issues(ctx), m, 'email', v.email, 'error.email.required'));
}

export function resetForm(m: AccountMessages) {
  return z.object({ token: text, password: text, confirm: text }).superRefine((v, ctx) => checkNewPassword(issues(ctx), m, v.password, v.confirm, 'error.newPassword.required'));
}

export function changePasswordForm(m: AccountMessages) {
  return z.object({ current: text, password: text, confirm: text }).superRefine((v, ctx) => {
    const add = issues(ctx);
    if (v.current === '') add('current', m['error.current.required']);
    checkNewPassword(add, m, v.password, v.confirm, 'error.newPassword.required');
  });
}

export function changeEmailForm(m: AccountMessages) {
  return z.object({ current: text, newEmail: email, password: text, confirm: text }).superRefine((v, ctx) => {
    const add = issues(ctx);
    if (v.current === '') add('current', m['error.current.required']);
    checkEmail(add, m, 'newEmail', v.newEmail, 'error.newEmail.required');
    checkNewPassword(add, m, v.password, v.confirm, 'error.newPassword.required');
  });
}
