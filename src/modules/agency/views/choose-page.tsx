// The back office's chooser (issue 10: 「A back-office user may act for any agency」): find an agency by name or code
// and open its 機關徵才登錄 list (`/agency?agency=<機關代碼>`). A GET form; works without JavaScript.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { Agency } from '../../reference/index.ts';
import { agencyMessages } from '../agency.messages.ts';

const MAX = 50;

export function ChoosePage({ ctx, q, unknown, agencies }: { ctx: PageContext; q: string; unknown: string | null; agencies: readonly Agency[] }): JSX.Element {
  const t = agencyMessages(ctx.locale);
  const needle = q.toLowerCase();
  const shown = agencies.filter((a) => !needle || a.code.toLowerCase().includes(needle) || a.name.toLowerCase().includes(needle)).slice(0, MAX);
  return (
    <Layout ctx={ctx} title={t['title.choose']} door="ecpa">
      <h1 safe>{t['title.choose']}</h1>
      <p safe>{t['choose.intro']}</p>
      {unknown ? (
        <p class="field-error" role="alert" safe>
          {fill(t['choose.unknown'], { code: unknown })}
        </p>
      ) : (
        ''
      )}
      <form method="get" action="/agency" class="agency-query">
        <input type="hidden" name="agency" value="" />
        <div class="field">
          <label for="q-agency" safe>
            {t['choose.query']}
          </label>
          <input id="q-agency" name="q" type="search" value={q} maxlength="50" />
        </div>
        <button type="submit" safe>
          {t['choose.search']}
        </button>
      </form>
      {shown.length === 0 ? (
        <p safe>{t['choose.none']}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <caption safe>{fill(t['choose.caption'], { max: MAX })}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t['choose.code']}
                </th>
                <th scope="col" safe>
                  {t['choose.name']}
                </th>
                <th scope="col" safe>
                  {t['choose.act']}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr>
                  <td safe>{a.code}</td>
                  <td safe>{a.name}</td>
                  <td>
                    <a href={`/agency?agency=${encodeURIComponent(a.code)}`} safe>
                      {fill(t['choose.actFor'], { name: a.name })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export { Html };
