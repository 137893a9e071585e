// ADM-4 pages: the mail outbox (sent, pending, failed with the last error and attempts; filter by state and
// address; retry one or all failed) and one mail with its body (back office only).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Csrf, DataTable, Pagination, type Column } from '../../../platform/views/components.tsx';
import type { OutboxMessage } from '../../../platform/outbox/outbox.ts';
import { rocDateTime } from '../audit-log.rules.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { backofficeMessages, type BackofficeMessages } from '../backoffice.messages.ts';
import { MAIL_PAGE_SIZE, MAIL_STATES, outboxHref, type MailState, type OutboxQuery } from '../outbox.query.ts';
import type { MailListItem } from '../outbox.service.ts';
import { BackofficePage } from './backoffice-page.tsx';

const label = (m: BackofficeMessages, s: string) => ((MAIL_STATES as readonly string[]).includes(s) ? m[`mail.state.${s as MailState}`] : s);

function columns(ctx: PageContext, m: BackofficeMessages, back: string): Column<MailListItem>[] {
  return [
    { header: m['mail.col.created'], cell: (row) => <span safe>{rocDateTime(row.createdAt)}</span> },
    { header: m['mail.col.to'], cell: (row) => <span safe>{row.to}</span> },
    {
      header: m['mail.col.subject'],
      cell: (row) => (
        <a href={`/backoffice/outbox/${encodeURIComponent(row.id)}`} safe>
          {row.subject || m['mail.noSubject']}
        </a>
      ),
    },
    { header: m['mail.col.state'], cell: (row) => <span safe>{label(m, row.state)}</span> },
    { header: m['mail.col.attempts'], cell: (row) => <span safe>{String(row.attempts)}</span> },
    { header: m['mail.col.error'], cell: (row) => <span safe>{row.lastError ?? ''}</span> },
    { header: m['mail.col.sent'], cell: (row) => <span>{row.sentAt ? Html.escapeHtml(rocDateTime(row.sentAt)) : ''}</span> },
    {
      header: m['mail.col.retry'],
      cell: (row) =>
        row.state === 'failed' ? (
          <form method="post" action={`/backoffice/outbox/${encodeURIComponent(row.id)}/retry`}>
            <Csrf ctx={ctx} />
            <input type="hidden" name="back" value={back} />
            <button type="submit" class="secondary">
              {Html.escapeHtml(m['mail.col.retry'])}
              <span class="visually-hidden" safe>
                {fill(m['mail.retryFor'], { to: row.to, subject: row.subject })}
              </span>
            </button>
          </form>
        ) : (
          ''
        ),
    },
  ];
}

export function OutboxPage({ ctx, f, rows, total, failed }: { ctx: PageContext; f: OutboxQuery; rows: MailListItem[]; total: number; failed: number }): JSX.Element {
  const pages = Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE));
  const back = outboxHref(f, f.page);
  const m = backofficeMessages(ctx.locale);
  return (
    <BackofficePage ctx={ctx} title={m['menu.outbox']} section="outbox">
      <form method="get" action="/backoffice/outbox" class="agency-query">
        <fieldset>
          <legend safe>{m['mail.legend']}</legend>
          <div class="field">
            <label for="q-state" safe>
              {m['mail.state']}
            </label>
            <select id="q-state" name="state">
              <option value="" safe>
                {m.all}
              </option>
              {MAIL_STATES.map((s) => (
                <option value={s} selected={s === f.state} safe>
                  {m[`mail.state.${s}`]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="q-to" safe>
              {m['mail.to']}
            </label>
            <input id="q-to" name="to" value={f.to} maxlength="100" />
          </div>
          <button type="submit" safe>
            {m.search}
          </button>{' '}
          <a href="/backoffice/outbox" safe>
            {m.reset}
          </a>
        </fieldset>
      </form>
      {failed > 0 ? (
        <form method="post" action="/backoffice/outbox/retry-failed" class="actions">
          <Csrf ctx={ctx} />
          <button type="submit" safe>{fill(m['mail.retryAll'], { count: failed })}</button>
        </form>
      ) : (
        ''
      )}
      <p safe>{fill(m['mail.total'], { count: total })}</p>
      <DataTable caption={m['mail.caption']} columns={columns(ctx, m, back)} rows={rows} empty={m['mail.empty']} />
      <Pagination ctx={ctx} page={f.page} pages={pages} total={total} href={(p) => outboxHref(f, p)} />
    </BackofficePage>
  );
}

export function MailPage({ ctx, m: mail }: { ctx: PageContext; m: OutboxMessage }): JSX.Element {
  const m = backofficeMessages(ctx.locale);
  return (
    <BackofficePage ctx={ctx} title={m['mail.title']} section="outbox">
      <p class="hint" safe>
        {m['mail.privacy']}
      </p>
      <dl class="fields">
        <dt safe>{m['mail.col.to']}</dt>
        <dd safe>{mail.to}</dd>
        <dt safe>{m['mail.col.subject']}</dt>
        <dd safe>{mail.subject}</dd>
        <dt safe>{m['mail.col.state']}</dt>
        <dd safe>{fill(m['mail.attempts'], { state: label(m, mail.state), count: mail.attempts })}</dd>
        <dt safe>{m['mail.col.error']}</dt>
        <dd safe>{mail.lastError ?? m['vacancy.none']}</dd>
        <dt safe>{m['mail.col.created']}</dt>
        <dd safe>{rocDateTime(mail.createdAt)}</dd>
        <dt safe>{m['mail.col.sent']}</dt>
        <dd safe>{mail.sentAt ? rocDateTime(mail.sentAt) : m['mail.notSent']}</dd>
      </dl>
      <h2 safe>{m['mail.body']}</h2>
      <pre class="mail-body" tabindex="0" safe>
        {mail.text}
      </pre>
      {mail.state === 'failed' ? (
        <form method="post" action={`/backoffice/outbox/${encodeURIComponent(mail.id)}/retry`}>
          <Csrf ctx={ctx} />
          <input type="hidden" name="back" value={`/backoffice/outbox/${mail.id}`} />
          <button type="submit" safe>
            {m['mail.col.retry']}
          </button>
        </form>
      ) : (
        ''
      )}
      <p>
        <a href="/backoffice/outbox" safe>
          {m['mail.back']}
        </a>
      </p>
    </BackofficePage>
  );
}

export { Html };
