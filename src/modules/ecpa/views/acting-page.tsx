// ADM-2 代理機關: the agency an agency_hr staff member acts for — their own, or one granted by the back office.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Csrf, FieldError } from '../../../platform/views/components.tsx';
import type { ActingChoices } from '../acting-agency.ts';
import { actingMessages } from '../acting.messages.ts';
import { EcpaPage } from './parts.tsx';

export function ActingPage({ ctx, choices, current, error }: { ctx: PageContext; choices: ActingChoices; current: string; error?: string }): JSX.Element {
  const m = actingMessages(ctx.locale);
  const all = [{ ...choices.own, own: true }, ...choices.granted.map((g) => ({ ...g, own: false }))];
  return (
    <EcpaPage ctx={ctx} title={m['acting.title']}>
      {error ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
          <h2 id="error-summary-title" safe>
            {ctx.t('form.errors.title')}
          </h2>
          <ul>
            <li>
              <a href="#f-agency" safe>
                {error}
              </a>
            </li>
          </ul>
        </div>
      ) : (
        ''
      )}
      <p safe>{m['acting.intro']}</p>
      <form method="post" action="/ecpa/acting">
        <Csrf ctx={ctx} />
        <fieldset class={error ? 'field has-error' : 'field'} id="f-agency">
          <legend safe>{m['acting.legend']}</legend>
          <FieldError name="agency" error={error} />
          {all.map((a, i) => (
            <div class="checkbox">
              <input type="radio" id={`f-agency-${i}`} name="agency" value={a.code} checked={a.code === current} />
              <label for={`f-agency-${i}`} safe>
                {`${a.code} ${a.name}${a.own ? m['acting.own'] : ''}`}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" safe>
          {m['acting.submit']}
        </button>
      </form>
      <p>
        <a href="/ecpa/apps" safe>
          {m['acting.back']}
        </a>
      </p>
    </EcpaPage>
  );
}

export { Html };
