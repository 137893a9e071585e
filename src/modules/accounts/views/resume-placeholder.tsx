// 履歷填寫 (ACC-4 lands here): a placeholder until the resume module takes over /platform/resume.
import type { PageContext } from '../../../platform/http/context.ts';
import { AccountPage, msgs } from './parts.tsx';

export function ResumePlaceholderPage({ ctx, email, idleMinutes }: { ctx: PageContext; email: string; idleMinutes: number }): JSX.Element {
  const m = msgs(ctx);
  return (
    <AccountPage ctx={ctx} title={m['title.resume']} signedIn={{ email, idleMinutes }}>
      <p safe>{m['resume.body']}</p>
    </AccountPage>
  );
}
