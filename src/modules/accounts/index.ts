// Front door of the applicant accounts module (ADR 0003): 註冊/登入/設定 (ACC-*), the account tables and rules.
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { accountRoutes } from './account.routes.tsx';

export const accountsModule: AppModule<Services> = {
  name: 'accounts',
  routes: (app, services) => accountRoutes(app, services),
};

export { accountDeps, type AccountDeps } from './account.deps.ts';
export { applicantAccounts, type ApplicantStatus } from './account.schema.ts';
export { isEmailAddress, normaliseEmail } from './account.rules.ts';
export { accountPaths } from './account.paths.ts';
export { loadApplicantPrincipal } from './account.principal.ts';
