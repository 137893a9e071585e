// Pieces shared by the PUB-5 pages: the page frame, the conditions as a definition list, the related links.
import type Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { RocDate } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { describeConditions, newsletterMessages, type NewsletterMessages } from '../newsletter.messages.ts';
import { newsletterPaths } from '../newsletter.paths.ts';
import { lastDayOf } from '../newsletter.rules.ts';
import type { NewsletterConditions } from '../newsletter.schema.ts';

export const msgs = (ctx: PageContext): NewsletterMessages => newsletterMessages(ctx.locale);

export function NewsletterPage({ ctx, title, heading, children }: { ctx: PageContext; title: string; heading?: string; children?: Html.Children }): JSX.Element {
  return (
    <Layout ctx={ctx} title={title} scripts={['/assets/js/forms.js']}>
      <div class="newsletter">
        <h1 safe>{heading ?? title}</h1>
        {children}
      </div>
    </Layout>
  );
}

/** 有效期限 as the last day, in ROC form. */
export function ExpiryDate({ expiresAt }: { expiresAt: Date }): JSX.Element {
  return <RocDate date={lastDayOf(expiresAt)} />;
}

/** A line above the conditions: a text, or an end date (shown as 有效期限至, in ROC form). */
export type InfoLine = { label: string; text: string } | { label: string; expiresAt: Date };

export function ConditionList({ ctx, conditions, before = [] }: { ctx: PageContext; conditions: NewsletterConditions; before?: InfoLine[] }): JSX.Element {
  return (
    <dl class="fields newsletter-conditions">
      {before.map((row) => (
        <div>
          <dt safe>{row.label}</dt>
          {'text' in row ? (
            <dd safe>{row.text}</dd>
          ) : (
            <dd>
              <ExpiryDate expiresAt={row.expiresAt} />
            </dd>
          )}
        </div>
      ))}
      {describeConditions(ctx.locale, conditions).map((row) => (
        <div>
          <dt safe>{row.label}</dt>
          <dd safe>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RelatedLinks({ ctx, show = ['subscribe', 'cancel', 'jobs'] }: { ctx: PageContext; show?: ('subscribe' | 'cancel' | 'jobs')[] }): JSX.Element {
  const m = msgs(ctx);
  const all = {
    subscribe: { href: newsletterPaths.subscribe, text: m['link.subscribe'] },
    cancel: { href: newsletterPaths.cancel, text: m['link.cancel'] },
    jobs: { href: '/jobs', text: m['link.jobs'] },
  };
  return (
    <nav class="newsletter-links" aria-label={m['nav.related']}>
      <ul>
        {show.map((k) => (
          <li>
            <a href={all[k].href} safe>
              {all[k].text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page that only says something (sent, unsubscribed, a link that does not work). */
export function MessagePage({ ctx, title, paragraphs, show }: { ctx: PageContext; title: string; paragraphs: string[]; show?: ('subscribe' | 'cancel' | 'jobs')[] }): JSX.Element {
  return (
    <NewsletterPage ctx={ctx} title={title}>
      {paragraphs.map((p) => (
        <p safe>{p}</p>
      ))}
      <RelatedLinks ctx={ctx} {...(show ? { show } : {})} />
    </NewsletterPage>
  );
}
