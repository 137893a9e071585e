// SYS-2 / ADM-3: the audit log search — actor, action, subject, time range, IP — each row a sentence a person
// reads, paged, with the CSV export of the same search.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { DataTable, ErrorSummary, Pagination, type Column } from '../../../platform/views/components.tsx';
import { fill } from '../../../platform/i18n/i18n.ts';
import { backofficeMessages, type BackofficeMessages } from '../backoffice.messages.ts';
import { AUDIT_EXPORT_MAX, AUDIT_PAGE_SIZE, auditHref, auditQueryString, type AuditSearch } from '../audit-log.query.ts';
import { ACTION_LABELS, auditSentence, type AuditRow } from '../audit-log.rules.ts';
import { BackofficePage } from './backoffice-page.tsx';

const columns = (m: BackofficeMessages): Column<AuditRow>[] => [
  { header: m['audit.col.record'], cell: (r) => <span safe>{auditSentence(r)}</span> },
  { header: m['audit.col.ip'], cell: (r) => <span safe>{r.ip ?? ''}</span> },
  {
    header: m['audit.col.action'],
    cell: (r) => (
      <code safe>{r.action}</code>
    ),
  },
];

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
  const m = backofficeMessages(ctx.locale);
  const labels = { from: m['audit.from'], to: m['audit.to'], ip: m['audit.ip'] };
  return (
    <BackofficePage ctx={ctx} title={m['menu.audit']} section="audit">
      <ErrorSummary errors={f.errors} labels={labels} title={ctx.t('form.errors.title')} />
      <p safe>{m['audit.intro']}</p>
      <form method="get" action="/backoffice/audit" class="agency-query">
        <fieldset>
          <legend safe>{m['audit.legend']}</legend>
          <Input name="actor" label={m['audit.actor']} value={f.actor} max={100} />
          <Input name="action" label={m['audit.action']} value={f.action} max={60} hint={m['audit.action.hint']} list="audit-actions" />
          <datalist id="audit-actions">
            {Object.entries(ACTION_LABELS).map(([code, label]) => (
              <option value={code} safe>
                {label}
              </option>
            ))}
          </datalist>
          <Input name="subject" label={m['audit.subject']} value={f.subject} max={100} />
          <Input name="from" label={m['audit.from']} value={f.fromText} max={12} hint={m['audit.fromHint']} error={f.errors.from} />
          <Input name="to" label={m['audit.to']} value={f.toText} max={12} hint={m['audit.toHint']} error={f.errors.to} />
          <Input name="ip" label={m['audit.ip']} value={f.ip} max={45} hint={m['audit.ip.hint']} error={f.errors.ip} />
          <button type="submit" safe>
            {m.search}
          </button>{' '}
          <a href="/backoffice/audit" safe>
            {m.reset}
          </a>
        </fieldset>
      </form>
      <p>
        <span safe>{fill(m.total, { count: total })}</span>{' '}
        {Object.keys(f.errors).length === 0 ? (
          <a href={`/backoffice/audit.csv${qs ? `?${qs}` : ''}`} safe>{fill(m['audit.export'], { max: AUDIT_EXPORT_MAX.toLocaleString('en-US') })}</a>
        ) : (
          ''
        )}
      </p>
      <DataTable caption={m['audit.caption']} columns={columns(m)} rows={rows} empty={m['audit.empty']} />
      <Pagination ctx={ctx} page={f.page} pages={pages} total={total} href={(p) => auditHref(f, p)} />
    </BackofficePage>
  );
}

export { Html };
