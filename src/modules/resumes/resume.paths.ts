// Where the 履歷填寫 pages live (RES-1 … RES-13), under the platform's /platform/resume.
export const resumePaths = {
  form: '/platform/resume',
  preview: '/platform/resume/preview',
  pdf: '/platform/resume/pdf',
  attachment: '/platform/resume/attachment',
  photo: '/platform/resume/photo',
  stagedPhoto: (id: string) => `/platform/resume/photo/staged/${encodeURIComponent(id)}`,
  stagedPhotoPattern: '/platform/resume/photo/staged/:id',
  delete: '/platform/resume/delete',
  /** RES-4 on blur (public/js/hrdb-offer.js): is 從公務人力資料庫帶入 offered for this ID? JSON. */
  hrdbOffer: '/platform/resume/hrdb-offer',
} as const;

/** A multipart form's action: the CSRF token rides in the query, as the body is read by the handler. */
export function withCsrf(path: string, token: string): string {
  return `${path}?_csrf=${encodeURIComponent(token)}`;
}
