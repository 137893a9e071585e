// ADM-4 pages: the mail outbox (sent, pending, failed with the last error and attempts; filter by state and
// address; retry one or all failed) and one mail with its body (back office only).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Csrf, DataTable, Pagination, type Column } from '../../../platform/views/components.tsx';
import type { OutboxMessage } from '../../../platform/outbox/outbox.ts';
import { rocDateTime } from '../audit-log.rules.ts';
import { MAIL_PAGE_SIZE, MAIL_STATE_LABELS, MAIL_STATES, outboxHref, type MailState, type OutboxQuery } from '../outbox.query.ts';
import type { MailListItem } from '../outbox.service.ts';
import { BackofficePage } from './backoffice-page.tsx';

const label = (s: string) => MAIL_STATE_LABELS[s as MailState] ?? s;

function columns(ctx: PageContext, back: string): Column<MailListItem>[] {
  return [
    { header: '建立時間', cell: (m) => <span safe>{rocDateTime(m.createdAt)}</span> },
    { header: '收件者', cell: (m) => <span safe>{m.to}</span> },
    {
      header: '主旨',
      cell: (m) => (
        <a href={`/backoffice/outbox/${encodeURIComponent(m.id)}`} safe>
          {m.subject || '（無主旨）'}
        </a>
      ),
    },
    { header: '狀態', cell: (m) => <span safe>{label(m.state)}</span> },
    { header: '嘗試次數', cell: (m) => <span safe>{String(m.attempts)}</span> },
    { header: '最後錯誤', cell: (m) => <span safe>{m.lastError ?? ''}</span> },
    { header: '寄出時間', cell: (m) => <span>{m.sentAt ? Html.escapeHtml(rocDateTime(m.sentAt)) : ''}</span> },
    {
      header: '重寄',
      cell: (m) =>
        m.state === 'failed' ? (
          <form method="post" action={`/backoffice/outbox/${encodeURIComponent(m.id)}/retry`}>
            <Csrf ctx={ctx} />
            <input type="hidden" name="back" value={back} />
            <button type="submit" class="secondary">
              重寄
              <span class="visually-hidden" safe>{`（給 ${m.to} 的「${m.subject}」）`}</span>
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
  return (
    <BackofficePage ctx={ctx} title="郵件佇列" section="outbox">
      <form method="get" action="/backoffice/outbox" class="agency-query">
        <fieldset>
          <legend>查詢條件</legend>
          <div class="field">
            <label for="q-state">狀態</label>
            <select id="q-state" name="state">
              <option value="">全部</option>
              {MAIL_STATES.map((s) => (
                <option value={s} selected={s === f.state} safe>
                  {MAIL_STATE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="q-to">收件者 E-mail（部分即可）</label>
            <input id="q-to" name="to" value={f.to} maxlength="100" />
          </div>
          <button type="submit">查詢</button> <a href="/backoffice/outbox">重設</a>
        </fieldset>
      </form>
      {failed > 0 ? (
        <form method="post" action="/backoffice/outbox/retry-failed" class="actions">
          <Csrf ctx={ctx} />
          <button type="submit" safe>{`重寄全部失敗郵件（${failed} 封）`}</button>
        </form>
      ) : (
        ''
      )}
      <p safe>{`共 ${total} 封`}</p>
      <DataTable caption="郵件" columns={columns(ctx, back)} rows={rows} empty="查無郵件。" />
      <Pagination ctx={ctx} page={f.page} pages={pages} total={total} href={(p) => outboxHref(f, p)} />
    </BackofficePage>
  );
}

export function MailPage({ ctx, m }: { ctx: PageContext; m: OutboxMessage }): JSX.Element {
  return (
    <BackofficePage ctx={ctx} title="郵件內容" section="outbox">
      <p class="hint">郵件內容含個人資料，僅供後臺查核寄送問題使用；本次檢視已記錄於稽核紀錄。</p>
      <dl class="fields">
        <dt>收件者</dt>
        <dd safe>{m.to}</dd>
        <dt>主旨</dt>
        <dd safe>{m.subject}</dd>
        <dt>狀態</dt>
        <dd safe>{`${label(m.state)}（嘗試 ${m.attempts} 次）`}</dd>
        <dt>最後錯誤</dt>
        <dd safe>{m.lastError ?? '（無）'}</dd>
        <dt>建立時間</dt>
        <dd safe>{rocDateTime(m.createdAt)}</dd>
        <dt>寄出時間</dt>
        <dd>{m.sentAt ? Html.escapeHtml(rocDateTime(m.sentAt)) : '（尚未寄出）'}</dd>
      </dl>
      <h2>內文</h2>
      <pre class="mail-body" tabindex="0" safe>
        {m.text}
      </pre>
      {m.state === 'failed' ? (
        <form method="post" action={`/backoffice/outbox/${encodeURIComponent(m.id)}/retry`}>
          <Csrf ctx={ctx} />
          <input type="hidden" name="back" value={`/backoffice/outbox/${m.id}`} />
          <button type="submit">重寄</button>
        </form>
      ) : (
        ''
      )}
      <p>
        <a href="/backoffice/outbox">回郵件佇列</a>
      </p>
    </BackofficePage>
  );
}

export { Html };
