// 電子報訂閱 (PUB-5): the form (Email, 工作地, 職系, 人員區分, 官等, 關鍵字), on its own page and on the 管理 page.
// A POST form that works with no JavaScript; errors beside each field and in the summary; what was typed is kept.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, valuesOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { CheckboxGroup, Csrf, ErrorSummary, Field, FieldError, SelectField, fieldId } from '../../../platform/views/components.tsx';
import { currentWorkPlaces, personKinds, rankTypes, sysnamList } from '../../reference/index.ts';
import { KEYWORD_MAX } from '../../vacancies/index.ts';
import type { NewsletterMessages } from '../newsletter.messages.ts';
import { newsletterPaths } from '../newsletter.paths.ts';
import { EMAIL_MAX_LENGTH, lastDayOf, type Standing } from '../newsletter.rules.ts';
import { formatRoc } from '../../../platform/tw/roc-date.ts';
import type { OwnedSubscription } from '../owner.ts';
import { ConditionList, NewsletterPage, RelatedLinks, msgs, type InfoLine } from './parts.tsx';
import { standingText } from '../newsletter.messages.ts';

export function formLabels(m: NewsletterMessages): Record<string, string> {
  return { email: m['label.email'], place: m['label.place'], sysnam: m['label.sysnam'], kind: m['label.kind'], rank: m['label.rank'], keyword: m['label.keyword'] };
}

function SysnamSelect({ m, value, error }: { m: NewsletterMessages; value: string; error?: string | undefined }): JSX.Element {
  const id = fieldId('sysnam');
  const list = sysnamList();
  const option = (s: { code: string; name: string }) => (
    <option value={s.code} selected={s.code === value} safe>
      {s.name}
    </option>
  );
  const groups: [string, typeof list][] = [
    [m['group.admin'], list.filter((s) => s.class === '行政類')],
    [m['group.tech'], list.filter((s) => s.class === '技術類')],
  ];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} safe>
        {m['label.sysnam']}
      </label>
      <FieldError name="sysnam" error={error} />
      <select id={id} name="sysnam" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="" selected={value === ''} safe>
          {m['option.any']}
        </option>
        {list.filter((s) => s.class === null).map(option)}
        {groups.map(([label, items]) => (
          <optgroup label={label}>{items.map(option)}</optgroup>
        ))}
      </select>
    </div>
  );
}

export interface SubscribeFormProps {
  ctx: PageContext;
  values: FormValues;
  errors: FieldErrors;
  /** The email hint: the signed-in applicant's account is pre-filled. */
  signedIn?: boolean;
  /** h2 on its own page, h3 under 管理's 變更訂閱條件. */
  conditionsHeading?: 'h2' | 'h3';
}

export function SubscribeForm({ ctx, values, errors, signedIn = false, conditionsHeading = 'h2' }: SubscribeFormProps): JSX.Element {
  const m = msgs(ctx);
  const Heading = conditionsHeading;
  return (
    <form method="post" action={newsletterPaths.subscribe} novalidate class="newsletter-form">
      <Csrf ctx={ctx} />
      <Field
        name="email"
        type="email"
        label={m['label.email']}
        hint={signedIn ? m['hint.emailSignedIn'] : m['hint.email']}
        value={valueOf(values, 'email')}
        error={errors.email}
        required
        requiredText={ctx.t('form.required')}
        autocomplete="email"
        inputmode="email"
        maxlength={EMAIL_MAX_LENGTH}
      />
      <Heading safe>{m['subscribe.conditions']}</Heading>
      <p class="hint" safe>
        {m['subscribe.any']}
      </p>
      <CheckboxGroup
        name="place"
        legend={m['label.place']}
        hint={m['hint.place']}
        options={currentWorkPlaces().map((p) => ({ value: p.code, label: p.name }))}
        values={valuesOf(values, 'place')}
        error={errors.place}
        columns
      />
      <SysnamSelect m={m} value={valueOf(values, 'sysnam')} error={errors.sysnam} />
      <SelectField
        name="kind"
        label={m['label.kind']}
        options={[{ value: '', label: m['option.any'] }, ...personKinds().map((p) => ({ value: p.code, label: p.name }))]}
        value={valueOf(values, 'kind')}
        error={errors.kind}
      />
      <CheckboxGroup
        name="rank"
        legend={m['label.rank']}
        hint={m['hint.rank']}
        options={rankTypes().map((r) => ({ value: r.name, label: r.name }))}
        values={valuesOf(values, 'rank')}
        error={errors.rank}
      />
      <Field name="keyword" label={m['label.keyword']} hint={m['hint.keyword']} value={valueOf(values, 'keyword')} error={errors.keyword} maxlength={KEYWORD_MAX} />
      <div class="actions">
        <button type="submit" safe>
          {m['button.subscribe']}
        </button>
      </div>
    </form>
  );
}

function titleOf(ctx: PageContext, base: string, errors: FieldErrors): string {
  return Object.keys(errors).length ? `${msgs(ctx)['title.error']}：${base}` : base;
}

export interface SubscribePageProps {
  ctx: PageContext;
  values: FormValues;
  errors: FieldErrors;
  months: number;
  /** Set for a signed-in applicant whose account email has a live subscription. */
  owner?: OwnedSubscription | null;
  signedIn?: boolean;
}

export function SubscribePage({ ctx, values, errors, months, owner, signedIn = false }: SubscribePageProps): JSX.Element {
  const m = msgs(ctx);
  return (
    <NewsletterPage ctx={ctx} title={titleOf(ctx, m['title.subscribe'], errors)} heading={m['title.subscribe']}>
      <ErrorSummary errors={errors} labels={formLabels(m)} title={ctx.t('form.errors.title')} />
      <p safe>{m['subscribe.intro']}</p>
      <p class="newsletter-period" safe>
        {fill(m['subscribe.period'], { months })}
      </p>
      <p safe>{m['subscribe.optin']}</p>
      {owner && owner.expiresAt ? (
        <div class="newsletter-status" role="status">
          <p safe>{fill(m['owner.live'], { email: owner.email, date: formatRoc(lastDayOf(owner.expiresAt)) })}</p>
          <p>
            <a href={newsletterPaths.unsubscribe(owner.linkToken)} safe>
              {m['owner.unsubscribe']}
            </a>
          </p>
        </div>
      ) : (
        ''
      )}
      <SubscribeForm ctx={ctx} values={values} errors={errors} signedIn={signedIn} />
      <p>
        {Html.escapeHtml(m['subscribe.cancelHint'])}{' '}
        <a href={newsletterPaths.cancel} safe>
          {m['link.cancel']}
        </a>
      </p>
    </NewsletterPage>
  );
}

export interface ManagePageProps {
  ctx: PageContext;
  sub: OwnedSubscription;
  months: number;
}

const MANAGE_INTRO: Record<Standing, 'manage.live' | 'manage.expired' | 'manage.cancelled' | 'manage.pending'> = {
  live: 'manage.live',
  expired: 'manage.expired',
  cancelled: 'manage.cancelled',
  pending: 'manage.pending',
};

/** 電子報訂閱管理: reached by the link in every mail. Shows the state and the conditions, pre-filled for a change. */
export function ManagePage({ ctx, sub, months }: ManagePageProps): JSX.Element {
  const m = msgs(ctx);
  const before: InfoLine[] = [
    { label: m['label.email'], text: sub.email },
    { label: m['label.status'], text: standingText(m, sub.standing) },
    ...(sub.expiresAt && sub.standing !== 'cancelled' ? [{ label: m['label.expiry'], expiresAt: sub.expiresAt }] : []),
  ];
  const values: FormValues = {
    email: sub.email,
    place: sub.conditions.places,
    sysnam: sub.conditions.sysnams[0] ?? '',
    kind: sub.conditions.personKinds[0] ?? '',
    rank: sub.conditions.rankTypes,
    keyword: sub.conditions.keyword,
  };
  return (
    <NewsletterPage ctx={ctx} title={m['title.manage']}>
      <ConditionList ctx={ctx} conditions={sub.conditions} before={before} />
      <p safe>{m[MANAGE_INTRO[sub.standing]]}</p>
      <p class="newsletter-period" safe>
        {fill(m['subscribe.period'], { months })}
      </p>
      <section aria-labelledby="manage-change">
        <h2 id="manage-change" safe>
          {m['manage.change']}
        </h2>
        <SubscribeForm ctx={ctx} values={values} errors={{}} conditionsHeading="h3" />
      </section>
      {sub.standing !== 'cancelled' ? (
        <section aria-labelledby="manage-unsubscribe">
          <h2 id="manage-unsubscribe" safe>
            {m['manage.unsubscribe']}
          </h2>
          <form method="post" action={newsletterPaths.unsubscribe(sub.linkToken)}>
            <div class="actions">
              <button type="submit" class="secondary" safe>
                {m['button.unsubscribe']}
              </button>
            </div>
          </form>
        </section>
      ) : (
        ''
      )}
      <RelatedLinks ctx={ctx} show={['jobs']} />
    </NewsletterPage>
  );
}
