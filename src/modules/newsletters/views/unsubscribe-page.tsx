// 取消訂閱 by the link of a mail (PUB-5): opening the link asks; the button (a POST to the same URL, which is also
// the List-Unsubscribe one-click target) unsubscribes.
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { newsletterPaths } from '../newsletter.paths.ts';
import { NewsletterPage, RelatedLinks, msgs } from './parts.tsx';

export function UnsubscribePage({ ctx, token, email, already }: { ctx: PageContext; token: string; email: string; already: boolean }): JSX.Element {
  const m = msgs(ctx);
  if (already) {
    return (
      <NewsletterPage ctx={ctx} title={m['title.unsubscribed']}>
        <p safe>{fill(m['unsubscribe.already'], { email })}</p>
        <RelatedLinks ctx={ctx} show={['subscribe', 'jobs']} />
      </NewsletterPage>
    );
  }
  return (
    <NewsletterPage ctx={ctx} title={m['title.unsubscribe']}>
      <p safe>{fill(m['unsubscribe.question'], { email })}</p>
      {/* No CSRF field: the token in the URL is the authority (see newsletter.routes.tsx). */}
      <form method="post" action={newsletterPaths.unsubscribe(token)}>
        <div class="actions">
          <button type="submit" safe>
            {m['button.unsubscribeConfirm']}
          </button>
          <a class="button secondary" href={newsletterPaths.manage(token)} safe>
            {m['title.manage']}
          </a>
        </div>
      </form>
    </NewsletterPage>
  );
}
