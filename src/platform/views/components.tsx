// Shared page components: form fields with label, hint and error; error summary; data table; pagination;
// ROC dates; flash messages; the CSRF hidden input. Every user-controlled text goes through `safe`.
import Html from '@kitajs/html';
import type { Flash, PageContext } from '../http/context.ts';
import type { FieldErrors } from '../http/forms.ts';
import { formatRoc } from '../tw/roc-date.ts';

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function Csrf({ ctx }: { ctx: PageContext }): JSX.Element {
  return <input type="hidden" name="_csrf" value={ctx.csrf()} />;
}

export interface FieldProps {
  name: string;
  label: string;
  value?: string;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'number' | 'search' | 'url';
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel' | 'email' | 'search';
  maxlength?: number;
  pattern?: string;
  requiredText?: string;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function LabelText({ label, required, requiredText }: { label: string; required?: boolean | undefined; requiredText?: string | undefined }): JSX.Element {
  return (
    <>
      {Html.escapeHtml(label)}
      {required ? <span class="req"> *<span class="visually-hidden" safe>{requiredText ?? '必填'}</span></span> : ''}
    </>
  );
}

function Hint({ name, hint }: { name: string; hint?: string | undefined }): JSX.Element {
  return hint ? <p class="hint" id={`${fieldId(name)}-hint`} safe>{hint}</p> : '';
}

export function FieldError({ name, error }: { name: string; error?: string | undefined }): JSX.Element {
  return error ? (
    <p class="field-error" id={`${fieldId(name)}-error`}>
      <span class="visually-hidden">錯誤：</span>
      {Html.escapeHtml(error)}
    </p>
  ) : (
    ''
  );
}

export function Field(p: FieldProps): JSX.Element {
  const id = fieldId(p.name);
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>
        <LabelText label={p.label} required={p.required} requiredText={p.requiredText} />
      </label>
      <Hint name={p.name} hint={p.hint} />
      <FieldError name={p.name} error={p.error} />
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        pattern={p.pattern}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(p: { name: string; label: string; options: Option[]; value?: string; error?: string | undefined; hint?: string; required?: boolean }): JSX.Element {
  const id = fieldId(p.name);
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>
        <LabelText label={p.label} required={p.required} />
      </label>
      <Hint name={p.name} hint={p.hint} />
      <FieldError name={p.name} error={p.error} />
      <select id={id} name={p.name} required={p.required} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(p.name, p.hint, p.error)}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? '')} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxGroup(p: { name: string; legend: string; options: Option[]; values: string[]; error?: string | undefined; hint?: string; columns?: boolean }): JSX.Element {
  const id = fieldId(p.name);
  return (
    <fieldset class={p.error ? 'field has-error checkboxes' : 'field checkboxes'} id={id} aria-describedby={describedBy(p.name, p.hint, p.error)}>
      <legend safe>{p.legend}</legend>
      <Hint name={p.name} hint={p.hint} />
      <FieldError name={p.name} error={p.error} />
      <div class={p.columns ? 'checkbox-grid' : 'checkbox-list'}>
        {p.options.map((o, i) => (
          <div class="checkbox">
            <input type="checkbox" id={`${id}-${i}`} name={p.name} value={o.value} checked={p.values.includes(o.value)} />
            <label for={`${id}-${i}`} safe>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Lists every error with a link to its field; focused on load by /assets/js/forms.js, announced as an alert. */
export function ErrorSummary({ errors, labels, title }: { errors: FieldErrors; labels: Record<string, string>; title: string }): JSX.Element {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
      <h2 id="error-summary-title" safe>
        {title}
      </h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#${fieldId(name)}`} safe>
              {`${labels[name] ?? ''}${labels[name] ? '：' : ''}${message}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RocDate({ date }: { date: string | Date | null | undefined }): JSX.Element {
  if (!date) return '';
  const iso = typeof date === 'string' ? date.slice(0, 10) : date.toISOString();
  return <time datetime={iso} safe>{formatRoc(typeof date === 'string' ? date.slice(0, 10) : date)}</time>;
}

export function FlashMessages({ flash }: { flash: readonly Flash[] }): JSX.Element {
  if (flash.length === 0) return '';
  return (
    <div class="flash-list" role="status">
      {flash.map((f) => (
        <p class={`flash flash-${f.kind}`} safe>
          {f.text}
        </p>
      ))}
    </div>
  );
}

export interface Column<R> {
  header: string;
  cell: (row: R, index: number) => JSX.Element;
  class?: string;
}

export function DataTable<R>({ caption, columns, rows, empty }: { caption: string; columns: Column<R>[]; rows: R[]; empty: string }): JSX.Element {
  return (
    <div class="table-wrap" role="region" aria-label={caption} tabindex="0">
      <table class="data-table">
        <caption safe>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.class} safe>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colspan={String(columns.length)} safe>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((r, i) => (
              <tr>
                {columns.map((c) => (
                  <td class={c.class} data-label={c.header}>
                    {c.cell(r, i)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Page links that keep the rest of the query. `href(page)` builds each link. */
export function Pagination({ ctx, page, pages, total, href }: { ctx: PageContext; page: number; pages: number; total: number; href: (page: number) => string }): JSX.Element {
  if (pages <= 1) return <p class="pager-summary" safe>{ctx.t('pager.summary', { total, page, pages: Math.max(pages, 1) })}</p>;
  const windowPages = pageWindow(page, pages);
  return (
    <nav class="pager" aria-label={ctx.t('pager.label')}>
      <p class="pager-summary" safe>
        {ctx.t('pager.summary', { total, page, pages })}
      </p>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev" safe>
              {ctx.t('pager.prev')}
            </a>
          </li>
        ) : (
          ''
        )}
        {windowPages.map((p) =>
          p === null ? (
            <li class="gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li>
              <a href={href(p)} aria-current={p === page ? 'page' : undefined} aria-label={ctx.t('pager.page', { page: p })} safe>
                {String(p)}
              </a>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next" safe>
              {ctx.t('pager.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

export function pageWindow(page: number, pages: number): (number | null)[] {
  const set = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages));
  const sorted = [...set].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && p - last > 1) out.push(null);
    out.push(p);
  }
  return out;
}
