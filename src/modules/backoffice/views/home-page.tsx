// 切換至後臺 lands here: what waits for the back office, and its functions.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { backofficeMessages } from '../backoffice.messages.ts';
import { BackofficePage } from './backoffice-page.tsx';

export interface HomeFigures {
  flagged: number;
  failedMail: number;
  pendingMail: number;
}

export function HomePage({ ctx, figures }: { ctx: PageContext; figures: HomeFigures }): JSX.Element {
  const m = backofficeMessages(ctx.locale);
  return (
    <BackofficePage ctx={ctx} title={m['home.title']} section="home">
      <ul class="backoffice-home">
        <li>
          <a href="/backoffice/review" safe>
            {fill(m['home.review'], { count: figures.flagged })}
          </a>
          <p class="hint" safe>
            {m['home.review.hint']}
          </p>
        </li>
        <li>
          <a href="/backoffice/vacancies" safe>
            {m['menu.vacancies']}
          </a>
          <p class="hint" safe>
            {m['home.vacancies.hint']}
          </p>
        </li>
        <li>
          <a href="/backoffice/audit" safe>
            {m['menu.audit']}
          </a>
          <p class="hint" safe>
            {m['home.audit.hint']}
          </p>
        </li>
        <li>
          <a href="/backoffice/outbox" safe>
            {fill(m['home.outbox'], { failed: figures.failedMail, pending: figures.pendingMail })}
          </a>
          <p class="hint" safe>
            {m['home.outbox.hint']}
          </p>
        </li>
        <li>
          <a href="/backoffice/codes" safe>
            {m['menu.codes']}
          </a>
          <p class="hint" safe>
            {m['home.codes.hint']}
          </p>
        </li>
        <li>
          <a href="/backoffice/staff" safe>
            {m['home.staff']}
          </a>
          <p class="hint" safe>
            {m['home.staff.hint']}
          </p>
        </li>
        <li>
          <a href="/backoffice/notices" safe>
            {m['menu.notices']}
          </a>
          <p class="hint" safe>
            {m['home.notices.hint']}
          </p>
        </li>
        <li>
          <a href="/backoffice/dashboard" safe>
            {m['menu.dashboard']}
          </a>
          <p class="hint" safe>
            {m['home.dashboard.hint']}
          </p>
        </li>
      </ul>
    </BackofficePage>
  );
}

export { Html };
