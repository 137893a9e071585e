// The paths every front door has under its base (/platform, /ecpa): 登入 (with the page to come back to),
// 忘記密碼 and its 已寄出 page, 重設密碼 and the mailed link to it. One place, so that pages, mails and tests agree.

/** `path?name=value`, the value encoded. */
export function withQuery(path: string, name: string, value: string): string {
  return `${path}?${name}=${encodeURIComponent(value)}`;
}

export function signInPaths<B extends string>(base: B) {
  const login = `${base}/login` as const;
  const reset = `${base}/reset` as const;
  return {
    login,
    loginWithNext: (next: string) => withQuery(login, 'next', next),
    forgot: `${base}/forgot` as const,
    forgotSent: `${base}/forgot/sent` as const,
    reset,
    resetLink: (token: string) => withQuery(reset, 'token', token),
  };
}
