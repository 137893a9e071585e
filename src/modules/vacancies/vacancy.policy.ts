// Who may do what with a vacancy (SYS-4, AGY-1, AGY-5, ADM-1, ACS-*). Pure rules, registered with the platform's
// policy layer (platform/auth/policy.ts):
//   read              anyone, when published; otherwise the agency's own HR staff and the back office
//   manage            (新增, 修改, 刪除, 預覽) agency HR staff of the vacancy's own agency; the back office, any
//   review            (審核, take down, ADM-1) the back office only
//   accessApplicants  (調閱履歷, 通知面試, ACS-*) agency HR staff of the vacancy's own agency only
// The repository's scoped finder (forAgency in vacancy.repo.ts) makes another agency's vacancy not found in the
// first place; these rules are the second, explicit check.
import { definePolicy } from '../../platform/auth/policy.ts';
import { hasRole, type Principal } from '../../platform/auth/principal.ts';

export interface VacancySubject {
  readonly type: 'vacancy';
  /** 徵才機關代碼 (vacancies.org_id); null for imported rows that name no agency code. */
  readonly agencyCode: string | null;
  /** Approved, not deleted, inside its validity period (publishedOn in vacancy.repo.ts). */
  readonly published: boolean;
}

type VacancyFacts = { orgId: string | null; reviewStatus: string; deletedAt: Date | null; takenDownAt?: Date | null; validFrom: string; validTo: string };

/** Published on `today`: approved, not deleted, not taken down, inside its validity period (the row form of publishedOn). */
export function isPublished(v: Omit<VacancyFacts, 'orgId'>, today: string): boolean {
  return v.reviewStatus === 'approved' && v.deletedAt === null && !v.takenDownAt && v.validFrom <= today && today <= v.validTo;
}

/** The policy's subject for a loaded vacancy row on `today` (ISO date, Taipei). */
export const vacancySubject = (v: VacancyFacts, today: string): VacancySubject => ({ type: 'vacancy', agencyCode: v.orgId, published: isPublished(v, today) });

/** Agency HR staff of the vacancy's own agency. */
export function isOwnAgencyHr(p: Principal | null, v: VacancySubject): boolean {
  return hasRole(p, 'agency_hr') && v.agencyCode !== null && p!.agencyCode === v.agencyCode;
}

export function mayManage(p: Principal | null, v: VacancySubject): boolean {
  return isOwnAgencyHr(p, v) || hasRole(p, 'backoffice');
}

/**
 * Whose vacancies a principal may load to manage (the scoped finder forManager): agency HR staff their own agency's;
 * the back office any agency's (issue 10: 「A back-office user may act for any agency」); anyone else none.
 */
export function manageScope(p: Principal | null): string | 'any' | null {
  if (hasRole(p, 'backoffice')) return 'any';
  return hasRole(p, 'agency_hr') && p!.agencyCode ? p!.agencyCode : null;
}

/**
 * The agency a principal acts for on the 機關徵才登錄 list and form (AGY-1, AGY-2): agency HR staff always their own
 * agency (a chosen code is ignored); the back office the agency it chose (`?agency=`) — until it has chosen, its own
 * when it is also agency HR, else 'choose' (the chooser page); an empty choice (`?agency=`) asks for the chooser;
 * anyone else null (404).
 */
export function actingAgency(p: Principal | null, chosen: string | null): string | 'choose' | null {
  if (hasRole(p, 'backoffice')) return chosen === '' ? 'choose' : chosen || (hasRole(p, 'agency_hr') && p!.agencyCode) || 'choose';
  return hasRole(p, 'agency_hr') && p!.agencyCode ? p!.agencyCode : null;
}

export const vacancyPolicy = definePolicy<VacancySubject, 'read' | 'manage' | 'review' | 'accessApplicants'>('vacancy', {
  read: (p, v) => v.published || mayManage(p, v),
  manage: mayManage,
  review: (p) => hasRole(p, 'backoffice'),
  accessApplicants: isOwnAgencyHr,
});
