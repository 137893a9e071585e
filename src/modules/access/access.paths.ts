// Addresses of the applicant-access pages (ACS-1..ACS-4). Pure.
const v = (id: string) => `/agency/vacancies/${encodeURIComponent(id)}`;

export const accessPaths = {
  applicants: (id: string) => `${v(id)}/applicants`,
  archive: (id: string) => `${v(id)}/applicants/archive`,
  summaries: (id: string) => `${v(id)}/summaries`,
  contacts: (id: string) => `${v(id)}/contacts`,
  /** ACS-6, built by the notices module. */
  notice: (id: string, appId: string) => `${v(id)}/applicants/${encodeURIComponent(appId)}/notice`,
  /** ACS-5, built by the notices module. */
  batchNotice: (id: string) => `${v(id)}/notices/batch`,
};

export interface ApplicantListFilters {
  idNumber: string;
  cancelled: boolean;
  page: number;
}

export function applicantsHref(id: string, f: ApplicantListFilters, page = f.page): string {
  const p = new URLSearchParams();
  if (f.idNumber) p.set('idNumber', f.idNumber);
  if (f.cancelled) p.set('view', 'cancelled');
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `${accessPaths.applicants(id)}?${s}` : accessPaths.applicants(id);
}
