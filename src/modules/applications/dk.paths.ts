// DK 職缺應徵 (ECPA-5) paths, under the eCPA door.
export const dkPaths = {
  home: '/ecpa/dk',
  homePage: (page: number) => (page > 1 ? `/ecpa/dk?page=${page}` : '/ecpa/dk'),
  resume: '/ecpa/dk/resume',
  apply: (workId: string) => `/ecpa/dk/apply/${encodeURIComponent(workId)}`,
  mine: '/ecpa/dk/applications',
  minePage: (page: number) => (page > 1 ? `/ecpa/dk/applications?page=${page}` : '/ecpa/dk/applications'),
  attachment: (id: string) => `/ecpa/dk/applications/${id}/attachment`,
  cancel: (id: string) => `/ecpa/dk/applications/${id}/cancel`,
  // 通知我的職缺 of a civil servant (NTF-1, NTF-2): the routes live in the notices module.
  notices: '/ecpa/dk/notices',
  notice: (id: string) => `/ecpa/dk/notices/${encodeURIComponent(id)}`,
  noticeIcs: (id: string) => `/ecpa/dk/notices/${encodeURIComponent(id)}/ics`,
  noticeReply: (id: string) => `/ecpa/dk/notices/${encodeURIComponent(id)}/reply`,
} as const;
