// The eCPA door's paths, in one place.
export const ecpaPaths = {
  home: '/ecpa',
  login: '/ecpa/login',
  loginWithNext: (next: string) => `/ecpa/login?next=${encodeURIComponent(next)}`,
  apps: '/ecpa/apps',
  forgot: '/ecpa/forgot',
  forgotSent: '/ecpa/forgot/sent',
  reset: '/ecpa/reset',
  resetLink: (token: string) => `/ecpa/reset?token=${encodeURIComponent(token)}`,
  verify: '/ecpa/verify',
  verifyWithNext: (next: string) => `/ecpa/verify?next=${encodeURIComponent(next)}`,
  /** Later issues: DD 事求人機關徵才系統, DK 職缺應徵, the back office. */
  agency: '/agency',
  dk: '/ecpa/dk',
  backoffice: '/backoffice',
} as const;
