// 應用系統 (ECPA-4): who is signed in and how (使用者目前登入的方式), then the systems: D.其他人事總處業務 →
// DD:事求人機關徵才系統, DK:職缺應徵 and, for a civil servant, MyData 履歷表下載 (ECPA-6); 切換至後臺 for the back office.
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import type { AppsMenuItem } from '../ecpa.rules.ts';
import { EcpaPage, msgs } from './parts.tsx';

export interface AppsPageProps {
  ctx: PageContext;
  name: string;
  account: string;
  agencyName: string;
  method: string;
  items: AppsMenuItem[];
  /** ADM-2: the link to 代理機關 with the agency acted for, for agency HR staff with granted agencies. */
  acting?: string;
}

export function AppsPage({ ctx, name, account, agencyName, method, items, acting }: AppsPageProps): JSX.Element {
  const m = msgs(ctx);
  const cardMethod = method === '自然人憑證' || method === '機關憑證' || method === '健保卡' ? m[`apps.method.${method}`] : null;
  const methodText = method === '帳號' ? m['apps.method.account'] : (cardMethod ?? fill(m['apps.method.other'], { method }));
  const item = (code: AppsMenuItem['code']) => items.find((i) => i.code === code);
  const dd = item('DD');
  const dk = item('DK');
  const mydata = item('MYDATA');
  const back = item('BACKOFFICE');
  return (
    <EcpaPage ctx={ctx} title={m['title.apps']}>
      <dl class="ecpa-user">
        <div>
          <dt safe>{m['apps.user']}</dt>
          <dd safe>{`${name}（${account}）`}</dd>
        </div>
        <div>
          <dt safe>{m['apps.agency']}</dt>
          <dd safe>{agencyName}</dd>
        </div>
        <div>
          <dt safe>{m['apps.method']}</dt>
          <dd safe>{methodText}</dd>
        </div>
      </dl>
      {acting ? (
        <p>
          <a href="/ecpa/acting" safe>
            {acting}
          </a>
        </p>
      ) : (
        ''
      )}
      <section class="ecpa-apps" aria-labelledby="ecpa-group-d">
        <h2 id="ecpa-group-d" safe>
          {m['apps.groupD']}
        </h2>
        <ul class="ecpa-app-list">
          {dd ? (
            <li class="ecpa-app">
              {dd.href ? (
                <a href={dd.href} class="ecpa-app-name" safe>
                  {m['apps.DD']}
                </a>
              ) : (
                <span class="ecpa-app-name ecpa-app-disabled" safe>
                  {m['apps.DD']}
                </span>
              )}
              <p safe>{dd.href ? m['apps.DD.desc'] : m['apps.DD.noAccess']}</p>
            </li>
          ) : (
            ''
          )}
          {dk ? (
            <li class="ecpa-app">
              <a href={dk.href ?? '#'} class="ecpa-app-name" safe>
                {m['apps.DK']}
              </a>
              <p safe>{m['apps.DK.desc']}</p>
            </li>
          ) : (
            ''
          )}
          {mydata?.href ? (
            <li class="ecpa-app">
              <a href={mydata.href} class="ecpa-app-name" safe>
                {m['apps.MYDATA']}
              </a>
              <p safe>{m['apps.MYDATA.desc']}</p>
            </li>
          ) : (
            ''
          )}
        </ul>
      </section>
      {back?.href ? (
        <p class="ecpa-backoffice">
          <a href={back.href} class="button secondary" safe>
            {m['apps.backoffice']}
          </a>
          <span class="hint" safe>
            {m['apps.backoffice.desc']}
          </span>
        </p>
      ) : (
        ''
      )}
    </EcpaPage>
  );
}
