// One zod schema per eCPA form, with the module's messages.
import { z } from 'zod';
import { passwordMessages } from '../../platform/tw/password-rule.ts';
import type { EcpaMessages } from './ecpa.messages.ts';
import { ACCOUNT_MAX_LENGTH } from './ecpa.rules.ts';

const account = (m: EcpaMessages) =>
  z
    .string({ error: m['error.required.account'] })
    .transform((s) => s.normalize('NFKC').trim())
    .pipe(z.string().min(1, m['error.required.account']).max(ACCOUNT_MAX_LENGTH, m['error.tooLong.account']));

/** 帳號 + 密碼 (+ 驗證碼, checked on its own by checkCaptcha), for 登入 and 身分驗證. */
export const credentialsForm = (m: EcpaMessages) =>
  z.object({
    account: account(m),
    password: z.string({ error: m['error.required.password'] }).min(1, m['error.required.password']).max(256, m['error.tooLong.password']),
    captcha: z.string({ error: m['error.required.captcha'] }).trim().min(1, m['error.required.captcha']),
  });

export const forgotForm = (m: EcpaMessages) => z.object({ account: account(m) });

/** 新密碼 follows src/platform/tw/password-rule.ts; 確認新密碼 must equal it. */
export const resetForm = (m: EcpaMessages) =>
  z
    .object({
      token: z.string().default(''),
      password: z.string({ error: m['hint.newPassword'] }).superRefine((pw, ctx) => {
        const problems = passwordMessages(pw);
        if (problems.length > 0) ctx.addIssue({ code: 'custom', message: problems.join('；') });
      }),
      confirm: z.string({ error: m['error.confirm'] }),
    })
    .superRefine((v, ctx) => {
      if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: m['error.confirm'] });
    });
