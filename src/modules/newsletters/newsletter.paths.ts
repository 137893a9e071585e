// The URLs of PUB-5 電子報訂閱 / 取消, in one place (routes, views, mails and tests use these).
const withToken = (path: string, token: string): string => `${path}?token=${encodeURIComponent(token)}`;

export const newsletterPaths = {
  subscribe: '/newsletter',
  sent: '/newsletter/sent',
  confirmBase: '/newsletter/confirm',
  confirm: (token: string) => withToken('/newsletter/confirm', token),
  manageBase: '/newsletter/manage',
  manage: (token: string) => withToken('/newsletter/manage', token),
  unsubscribeBase: '/newsletter/unsubscribe',
  unsubscribe: (token: string) => withToken('/newsletter/unsubscribe', token),
  unsubscribed: '/newsletter/unsubscribed',
  cancel: '/newsletter/cancel',
  cancelSent: '/newsletter/cancel/sent',
} as const;
