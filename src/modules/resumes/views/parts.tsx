// Pieces shared by the resume pages: the page frame with the 履歷 menu, a select with data attributes, a
// textarea with its live character counter (RES-8), and the row buttons that work without JavaScript.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { FieldError, fieldId, type Option } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { accountPaths } from '../../accounts/index.ts';
import { resumeMessages, type ResumeMessages } from '../resume.messages.ts';
import { optionLabels } from '../resume.options.ts';
import { resumePaths } from '../resume.paths.ts';
import type { SectionName } from '../resume.types.ts';
import { rowButtonId } from '../focus.rules.ts';
import { charCount } from '../text.rules.ts';

export const msgs = (ctx: PageContext): ResumeMessages => resumeMessages(ctx.locale);
export const optionLabel = (ctx: PageContext, value: string): string => optionLabels(ctx.locale)[value] ?? value;

export function ResumePage({ ctx, title, scripts = [], children }: { ctx: PageContext; title: string; scripts?: string[]; children?: Html.Children }): JSX.Element {
  const m = msgs(ctx);
  const links = [
    { href: resumePaths.form, label: m['title.form'] },
    { href: resumePaths.preview, label: m['title.preview'] },
    { href: resumePaths.delete, label: m['title.delete'] },
    // The applications and notices modules' pages (their paths; this module cannot import it: it imports this one).
    { href: '/platform/apply', label: m['nav.apply'] },
    { href: '/platform/applications', label: m['nav.applications'] },
    { href: '/platform/notices', label: m['nav.notices'] },
    { href: accountPaths.changePassword, label: m['nav.password'] },
    { href: accountPaths.changeEmail, label: m['nav.email'] },
  ];
  return (
    <Layout ctx={ctx} title={title} door="platform" scripts={['/assets/js/forms.js', ...scripts]}>
      <nav class="resume-menu" aria-label={m['nav.label']}>
        <ul>
          {links.map((l) => (
            <li>
              <a href={l.href} aria-current={ctx.path === l.href ? 'page' : undefined} safe>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1 safe>{title}</h1>
      {children}
    </Layout>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length ? list.join(' ') : undefined;
}

export interface SelectProps {
  name: string;
  label: string;
  options: Option[];
  value: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  data?: Record<string, string>;
}

/** A labelled select (like the platform's SelectField) that can carry data attributes for resume-form.js. */
export function Select(p: SelectProps): JSX.Element {
  const id = fieldId(p.name);
  const attrs = Object.fromEntries(Object.entries(p.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>
        {Html.escapeHtml(p.label)}
        {p.required ? <span class="req" aria-hidden="true"> *</span> : ''}
      </label>
      {p.hint ? <p class="hint" id={`${id}-hint`} safe>{p.hint}</p> : ''}
      <FieldError name={p.name} error={p.error} />
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.hint && `${id}-hint`, p.error && `${id}-error`)}
        {...attrs}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** 專長 / 自傳: the limit stated, the count shown (updated as you type by resume-form.js), enforced on save. */
export function TextArea({ ctx, name, label, value, max, error, rows = 6 }: { ctx: PageContext; name: string; label: string; value: string; max: number; error?: string | undefined; rows?: number }): JSX.Element {
  const m = msgs(ctx);
  const id = fieldId(name);
  const count = charCount(value.replace(/\r\n?/g, '\n'));
  const maxText = max.toLocaleString('en-US');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} safe>
        {label}
      </label>
      <p class="hint" id={`${id}-hint`} safe>
        {fill(m['hint.text'], { max: maxText })}
      </p>
      <FieldError name={name} error={error} />
      <textarea
        id={id}
        name={name}
        rows={String(rows)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-counter`, error && `${id}-error`)}
        data-counter={`${id}-counter`}
        data-max={String(max)}
        safe
      >
        {value}
      </textarea>
      <p class={count > max ? 'char-counter over' : 'char-counter'} id={`${id}-counter`} aria-live="polite" data-template={m['counter']} data-over={m['counter.over']} safe>
        {fill(m['counter'], { count: count.toLocaleString('en-US'), max: maxText }) + (count > max ? `（${fill(m['counter.over'], { over: (count - max).toLocaleString('en-US') })}）` : '')}
      </p>
    </div>
  );
}

/** 上移 / 下移 / 刪除 for row `n` of `count`: submit buttons, so they work with no JavaScript. */
export function RowButtons({ ctx, section, n, count, minRows }: { ctx: PageContext; section: SectionName; n: number; count: number; minRows: number }): JSX.Element {
  const m = msgs(ctx);
  const rowLabel = fill(m[`row.${section}`], { n });
  const button = (action: 'up' | 'down' | 'remove', text: string) => (
    <button type="submit" class="secondary small" id={rowButtonId(action, section, n)} name="action" value={`${action}-${section}-${n}`}>
      {Html.escapeHtml(text)}
      <span class="visually-hidden" safe>
        {`（${rowLabel}）`}
      </span>
    </button>
  );
  return (
    <div class="row-actions">
      {n > 1 ? button('up', m['button.moveUp']) : ''}
      {n < count ? button('down', m['button.moveDown']) : ''}
      {count > minRows ? button('remove', m['button.remove']) : ''}
    </div>
  );
}

export function choiceOptions(ctx: PageContext, values: readonly string[], emptyLabel: string): Option[] {
  return [{ value: '', label: emptyLabel }, ...values.map((v) => ({ value: v, label: optionLabel(ctx, v) }))];
}

/** Typed text may hold anything; a value that is not one of the choices is offered as it is, so it is not lost. */
export function withCurrent(options: Option[], value: string): Option[] {
  return value === '' || options.some((o) => o.value === value) ? options : [...options, { value, label: value }];
}
