// SYS-2 / ADM-3: the audit log search — actor, action, subject, time range, IP — each row a sentence a person
// reads, paged, with the CSV export of the same search.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { DataTable, ErrorSummary, Pagination, type Column } from '../../../platform/views/components.tsx';
import { AUDIT_EXPORT_MAX, AUDIT_PAGE_SIZE, auditHref, auditQueryString, type AuditSearch } from '../audit-log.query.ts';
import { ACTION_LABELS, auditSentence, type AuditRow } from '../audit-log.rules.ts';
import { BackofficePage } from './backoffice-page.tsx';

const columns: Column<AuditRow>[] = [
  { header: '紀錄', cell: (r) => <span safe>{auditSentence(r)}</span> },
  { header: '來源 IP', cell: (r) => <span safe>{r.ip ?? ''}</span> },
  {
    header: '動作代碼',
    cell: (r) => (
      <code safe>{r.action}</code>
    ),
  },
];

const LABELS: Record<string, string> = { from: '時間（起）', to: '時間（迄）', ip: '來源 IP' };

function Input({ name, label, value, max, hint, error, list }: { name: string; label: string; value: string; max: number; hint?: string; error?: string | undefined; list?: string }): JSX.Element {
  const ids = [hint ? `a-${name}-hint` : '', error ? `a-${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`f-${name}`} safe>
        {label}
      </label>
      {hint ? <p class="hint" id={`a-${name}-hint`} safe>{hint}</p> : ''}
      {error ? <p class="field-error" id={`a-${name}-error`} safe>{error}</p> : ''}
      <input id={`f-${name}`} name={name} value={value} maxlength={String(max)} list={list} aria-invalid={error ? 'true' : undefined} aria-describedby={ids || undefined} />
    </div>
  );
}

export function AuditPage({ ctx, f, rows, total }: { ctx: PageContext; f: AuditSearch; rows: AuditRow[]; total: number }): JSX.Element {
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const qs = auditQueryString(f);
  return (
    <BackofficePage ctx={ctx} title="稽核紀錄" section="audit">
      <ErrorSummary errors={f.errors} labels={LABELS} title={ctx.t('form.errors.title')} />
      <p>登入、履歷調閱與下載、匯出、通知、職缺異動、帳號異動及後臺操作，均記錄於此，紀錄只能新增、不能修改或刪除。姓名以「○」遮蔽。</p>
      <form method="get" action="/backoffice/audit" class="agency-query">
        <fieldset>
          <legend>查詢條件</legend>
          <Input name="actor" label="行為人（姓名、帳號或 E-mail）" value={f.actor} max={100} />
          <Input name="action" label="動作" value={f.action} max={60} hint="動作代碼，例如 vacancy.take_down；以「.」結尾查一類，例如 vacancy." list="audit-actions" />
          <datalist id="audit-actions">
            {Object.entries(ACTION_LABELS).map(([code, label]) => (
              <option value={code} safe>
                {label}
              </option>
            ))}
          </datalist>
          <Input name="subject" label="對象（職缺編號或代號）" value={f.subject} max={100} />
          <Input name="from" label="時間（起）" value={f.fromText} max={12} hint="民國日期，例如 115/12/01" error={f.errors.from} />
          <Input name="to" label="時間（迄）" value={f.toText} max={12} hint="民國日期，例如 115/12/31" error={f.errors.to} />
          <Input name="ip" label="來源 IP" value={f.ip} max={45} hint="完整位址；以「.」結尾查一段，例如 10.0.0." error={f.errors.ip} />
          <button type="submit">查詢</button> <a href="/backoffice/audit">重設</a>
        </fieldset>
      </form>
      <p>
        <span safe>{`共 ${total} 筆`}</span>{' '}
        {Object.keys(f.errors).length === 0 ? (
          <a href={`/backoffice/audit.csv${qs ? `?${qs}` : ''}`} safe>{`匯出此查詢結果（CSV，最多 ${AUDIT_EXPORT_MAX.toLocaleString('en-US')} 筆；匯出亦會記錄）`}</a>
        ) : (
          ''
        )}
      </p>
      <DataTable caption="稽核紀錄（新到舊）" columns={columns} rows={rows} empty="查無紀錄。" />
      <Pagination ctx={ctx} page={f.page} pages={pages} total={total} href={(p) => auditHref(f, p)} />
    </BackofficePage>
  );
}

export { Html };
