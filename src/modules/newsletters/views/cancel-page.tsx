// 電子報取消 (PUB-5): one field, the subscribed Email (pre-filled for a signed-in applicant).
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { Csrf, ErrorSummary, Field } from '../../../platform/views/components.tsx';
import { newsletterPaths } from '../newsletter.paths.ts';
import { EMAIL_MAX_LENGTH } from '../newsletter.rules.ts';
import { NewsletterPage, RelatedLinks, msgs } from './parts.tsx';

export function CancelPage({ ctx, values, errors, signedIn = false }: { ctx: PageContext; values: FormValues; errors: FieldErrors; signedIn?: boolean }): JSX.Element {
  const m = msgs(ctx);
  const title = Object.keys(errors).length ? `${m['title.error']}：${m['title.cancel']}` : m['title.cancel'];
  return (
    <NewsletterPage ctx={ctx} title={title} heading={m['title.cancel']}>
      <ErrorSummary errors={errors} labels={{ email: m['label.email'] }} title={ctx.t('form.errors.title')} />
      <p safe>{m['cancel.intro']}</p>
      <form method="post" action={newsletterPaths.cancel} novalidate class="newsletter-form">
        <Csrf ctx={ctx} />
        <Field
          name="email"
          type="email"
          label={m['label.email']}
          hint={signedIn ? m['hint.emailSignedIn'] : undefined}
          value={valueOf(values, 'email')}
          error={errors.email}
          required
          requiredText={ctx.t('form.required')}
          autocomplete="email"
          inputmode="email"
          maxlength={EMAIL_MAX_LENGTH}
        />
        <div class="actions">
          <button type="submit" safe>
            {m['button.cancel']}
          </button>
        </div>
      </form>
      <RelatedLinks ctx={ctx} show={['subscribe', 'jobs']} />
    </NewsletterPage>
  );
}
