// Front door of the eCPA module (ADR 0003): 帳號登入, 應用系統, 忘記密碼 (ECPA-*), 人事服務網身分驗證 (RES-4 seam).
import type { Services } from '../../container.ts';
import type { AppModule } from '../../platform/module.ts';
import { actingAgencyRoutes } from './acting-agency.routes.ts';
import { ecpaRoutes } from './ecpa.routes.ts';
import { cardRoutes } from './cards/cards.routes.ts';

export const ecpaModule: AppModule<Services> = {
  name: 'ecpa',
  async routes(app, services) {
    await ecpaRoutes(app, services);
    await actingAgencyRoutes(app, services);
    await cardRoutes(app, services);
  },
};

export { ecpaDeps } from './ecpa.deps.ts';
export { certificateBindings, staffUsers, staffAgencyGrants, type StaffRole, type StaffStatus } from './staff.schema.ts';
export * from './staff-admin.rules.ts';
export {
  createStaffUser,
  grantAgency,
  revokeAgency,
  searchStaff,
  sendStaffResetMail,
  setStaffStatus,
  staffDetail,
  unbindCertificate,
  updateStaffUser,
  type Changed,
  type GrantResult,
  type StaffAdminActor,
  type StaffAdminDeps,
  type StaffDetail,
} from './staff-admin.service.ts';
export type { BindingRow, GrantRow, StaffListItem } from './staff-admin.repo.ts';
export { ecpaPaths } from './ecpa.paths.ts';
export { loadStaffPrincipal } from './staff.principal.ts';
export { HRDB_VERIFICATION_TTL_MS } from './ecpa.rules.ts';
export { forgetHrdbVerification, HRDB_VERIFIED_KEY, verifiedHrdbPerson, type HrdbVerification } from './hrdb-verification.ts';
export { myHrPerson, type MyHrPerson } from './mydata.ts';
export type { EcpaDeps } from './ecpa.deps.ts';
export { prepareHipkiDev } from './cards/hipki-dev.ts';
