// 憑證登入 (ECPA-2, ECPA-3): the box on /ecpa/login (自然人憑證\機關憑證\健保卡, 密碼 = the card's PIN) and the
// first-binding page. The box's form carries no PIN field name: public/js/card-login.js gives the PIN to the local
// signing component through its popup and posts only the component's answer (the signature) here. Without
// JavaScript the form stays hidden and the <noscript> note points to the account sign-in.
import type { PageContext } from '../../../platform/http/context.ts';
import { Csrf } from '../../../platform/views/components.tsx';
import { fill } from '../../../platform/i18n/i18n.ts';
import type { CardProblemView } from '../cards/card-problems.ts';
import { cardMessages } from '../cards/cards.messages.ts';
import { ecpaPaths } from '../ecpa.paths.ts';
import { EcpaPage, FormErrors } from './parts.tsx';
import { Field } from '../../../platform/views/components.tsx';

export interface CardBoxProps {
  componentUrl: string;
  /** 健保卡: the NHI component's WebSocket address. */
  nhiUrl: string;
  /** Where to land after sign-in (the page's checked `next`). */
  next?: string;
  problem?: CardProblemView | undefined;
}

function ProblemBox({ ctx, problem }: { ctx: PageContext; problem: CardProblemView }): JSX.Element {
  const m = cardMessages(ctx.locale);
  return (
    <div class="error-summary" role="alert" aria-labelledby="card-error-title" tabindex="-1" id="card-error">
      <h3 id="card-error-title" safe>
        {m['card.errorTitle']}
      </h3>
      <p safe>{problem.text}</p>
      {problem.links.length > 0 ? (
        <ul>
          {problem.links.map((l) => (
            <li>
              <a href={l.href} rel="noopener" safe>
                {l.text}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}

export function CardBox({ ctx, componentUrl, nhiUrl, next, problem }: CardBoxProps & { ctx: PageContext }): JSX.Element {
  const m = cardMessages(ctx.locale);
  return (
    <section class="ecpa-card-login" aria-labelledby="card-login-title">
      <h2 id="card-login-title" safe>
        {m['card.title']}
      </h2>
      <p safe>{m['card.kinds']}</p>
      {problem ? <ProblemBox ctx={ctx} problem={problem} /> : ''}
      <noscript>
        <p class="ecpa-notice" safe>
          {m['card.noscript']}
        </p>
      </noscript>
      <form
        method="post"
        action={ecpaPaths.cardLogin}
        id="card-login"
        class="ecpa-form"
        novalidate
        hidden
        data-component={componentUrl}
        data-challenge={ecpaPaths.cardChallenge}
        data-nhi={nhiUrl}
        data-nhi-action={ecpaPaths.nhiLogin}
        data-pin-required={m['card.error.pinRequired']}
        data-working={m['card.working']}
      >
        <Csrf ctx={ctx} />
        {next ? <input type="hidden" name="next" value={next} /> : ''}
        <input type="hidden" name="problem" value="" />
        <input type="hidden" name="ret_code" value="" />
        <input type="hidden" name="last_error" value="" />
        <input type="hidden" name="signature" value="" />
        <input type="hidden" name="basic" value="" />
        <input type="hidden" name="random" value="" />
        <input type="hidden" name="sign" value="" />
        <input type="hidden" name="pwd" value="" />
        <input type="hidden" name="error" value="" />
        <p safe>{m['card.intro']}</p>
        <fieldset class="field">
          <legend safe>{m['card.type']}</legend>
          <label>
            <input type="radio" id="card-type-certificate" value="certificate" name="cardType" checked />
            <span safe>{m['card.type.certificate']}</span>
          </label>
          <label>
            <input type="radio" id="card-type-nhi" value="nhi" name="cardType" />
            <span safe>{m['card.type.nhi']}</span>
          </label>
        </fieldset>
        <div class="field">
          <label for="card-pin" safe>
            {m['card.pin']}
          </label>
          <p class="hint" id="card-pin-hint" safe>
            {m['card.pinHint']}
          </p>
          <p class="field-error" id="card-pin-error" hidden></p>
          <input id="card-pin" type="password" inputmode="numeric" autocomplete="off" maxlength="12" aria-describedby="card-pin-hint" />
        </div>
        <p class="hint" safe>
          {m['card.popupNote']}
        </p>
        <div class="actions">
          {/* Named 憑證登入 (contains the visible 登入) so that it is told apart from the account form's 登入. */}
          <button type="submit" aria-label={m['card.title']} safe>
            {m['card.submit']}
          </button>
        </div>
        <p id="card-status" role="status" aria-live="polite"></p>
      </form>
    </section>
  );
}

export interface BindPageProps {
  ctx: PageContext;
  kind: '自然人憑證' | '機關憑證';
  subject: string;
  agency?: string | undefined;
  account?: string;
  error?: string | undefined;
}

export function BindPage({ ctx, kind, subject, agency, account = '', error }: BindPageProps): JSX.Element {
  const m = cardMessages(ctx.locale);
  const person = kind === '自然人憑證';
  const title = person ? m['bind.title.person'] : m['bind.title.agency'];
  const label = person ? m['bind.account'] : m['bind.agencyAccount'];
  return (
    <EcpaPage ctx={ctx} title={title}>
      <FormErrors ctx={ctx} errors={error ? { account: error } : {}} labels={{ account: label }} />
      <p safe>{person ? m['bind.intro.person'] : fill(m['bind.intro.agency'], { agency: agency ?? '' })}</p>
      <dl class="ecpa-facts">
        <dt safe>{m['bind.certificate']}</dt>
        <dd safe>{`${kind}：${subject}`}</dd>
      </dl>
      <form method="post" action={ecpaPaths.cardBind} class="ecpa-form" novalidate>
        <Csrf ctx={ctx} />
        <Field name="account" label={label} hint={person ? m['bind.accountHint'] : ''} value={account} error={error} required requiredText={ctx.t('form.required')} autocomplete="username" maxlength={100} />
        <div class="actions">
          <button type="submit" safe>
            {m['bind.next']}
          </button>
          <a href={ecpaPaths.login} safe>
            {m['bind.back']}
          </a>
        </div>
      </form>
    </EcpaPage>
  );
}
