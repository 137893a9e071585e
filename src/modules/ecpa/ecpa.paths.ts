// The eCPA door's paths, in one place.
import { signInPaths, withQuery } from '../../platform/http/door-paths.ts';

export const ecpaPaths = {
  home: '/ecpa',
  ...signInPaths('/ecpa'),
  apps: '/ecpa/apps',
  /** ECPA-2 憑證登入: the card box's POST, its challenge (script) and the first-binding step. */
  cardLogin: '/ecpa/login/card',
  cardChallenge: '/ecpa/login/card/challenge',
  cardBind: '/ecpa/login/card/bind',
  nhiLogin: '/ecpa/login/nhi',
  verify: '/ecpa/verify',
  verifyWithNext: (next: string) => withQuery('/ecpa/verify', 'next', next),
  /** Later issues: DD 事求人機關徵才系統, DK 職缺應徵, the back office. */
  agency: '/agency',
  dk: '/ecpa/dk',
  mydata: '/ecpa/mydata',
  mydataResume: '/ecpa/mydata/resume.pdf',
  backoffice: '/backoffice',
} as const;
