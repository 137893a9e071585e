// The page behind the confirmation link (PUB-5): what will be confirmed, and the button that confirms. Opening
// the link changes nothing, so a mail scanner that fetches links cannot subscribe anyone.
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { Csrf } from '../../../platform/views/components.tsx';
import { formatRoc } from '../../../platform/tw/roc-date.ts';
import { newsletterPaths } from '../newsletter.paths.ts';
import { lastDayOf, type Conditions } from '../newsletter.rules.ts';
import { ConditionList, NewsletterPage, msgs } from './parts.tsx';

export function ConfirmPage({ ctx, token, email, conditions, change, expiresAt }: { ctx: PageContext; token: string; email: string; conditions: Conditions; change: boolean; expiresAt: Date }): JSX.Element {
  const m = msgs(ctx);
  return (
    <NewsletterPage ctx={ctx} title={m['title.confirm']}>
      <p safe>{m['confirm.intro']}</p>
      {change ? <p safe>{m['confirm.change']}</p> : ''}
      <ConditionList ctx={ctx} conditions={conditions} before={[{ label: m['label.email'], text: email }]} />
      <p class="newsletter-period" safe>
        {fill(m['confirm.expiry'], { date: formatRoc(lastDayOf(expiresAt)) })}
      </p>
      <form method="post" action={newsletterPaths.confirmBase}>
        <Csrf ctx={ctx} />
        <input type="hidden" name="token" value={token} />
        <div class="actions">
          <button type="submit" safe>
            {m['button.confirm']}
          </button>
        </div>
      </form>
    </NewsletterPage>
  );
}
