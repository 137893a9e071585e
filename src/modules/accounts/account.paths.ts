// Where the account pages live (one place, so that links in pages, mails and tests agree).
import { signInPaths, withQuery } from '../../platform/http/door-paths.ts';

export const accountPaths = {
  home: '/platform',
  ...signInPaths('/platform'),
  register: '/platform/register',
  registerSent: '/platform/register/sent',
  activate: (token: string) => withQuery('/platform/activate', 'token', token),
  activateBase: '/platform/activate',
  resend: '/platform/resend',
  resendSent: '/platform/resend/sent',
  changePassword: '/platform/account/password',
  changeEmail: '/platform/account/email',
  keepAlive: '/platform/session/keepalive',
  /** 履歷填寫: where a sign-in lands by default (ACC-4). The resume module replaces the placeholder page. */
  resume: '/platform/resume',
} as const;
