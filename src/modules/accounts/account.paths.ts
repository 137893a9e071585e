// Where the account pages live (one place, so that links in pages, mails and tests agree).
export const accountPaths = {
  home: '/platform',
  register: '/platform/register',
  registerSent: '/platform/register/sent',
  activate: (token: string) => `/platform/activate?token=${encodeURIComponent(token)}`,
  activateBase: '/platform/activate',
  resend: '/platform/resend',
  resendSent: '/platform/resend/sent',
  login: '/platform/login',
  loginWithNext: (next: string) => `/platform/login?next=${encodeURIComponent(next)}`,
  forgot: '/platform/forgot',
  forgotSent: '/platform/forgot/sent',
  reset: (token: string) => `/platform/reset?token=${encodeURIComponent(token)}`,
  resetBase: '/platform/reset',
  changePassword: '/platform/account/password',
  changeEmail: '/platform/account/email',
  keepAlive: '/platform/session/keepalive',
  /** 履歷填寫: where a sign-in lands by default (ACC-4). The resume module replaces the placeholder page. */
  resume: '/platform/resume',
} as const;
