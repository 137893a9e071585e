// The applications module's paths, in one place so that pages, mails and tests agree.
export const applicationPaths = {
  /** 應徵職缺: the list of jobs of this visit, the resume, the consent, 確定應徵. */
  apply: '/platform/apply',
  /** 【我要應徵】 / QR code of one job: adds it to the list and opens 應徵職缺 (PUB-3). */
  applyTo: (workId: string) => `/platform/apply/${encodeURIComponent(workId)}`,
  removeFromList: '/platform/apply/remove',
  /** 我的應徵 (APP-4). */
  mine: '/platform/applications',
  minePage: (page: number) => (page > 1 ? `/platform/applications?page=${page}` : '/platform/applications'),
  attachment: (id: string) => `/platform/applications/${id}/attachment`,
  cancel: (id: string) => `/platform/applications/${id}/cancel`,
  remove: (id: string) => `/platform/applications/${id}/delete`,
} as const;
