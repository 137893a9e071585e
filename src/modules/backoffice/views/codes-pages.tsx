// ADM-2 pages: the code tables (機關代碼, 工作地, 職系, 官等職等, 人員區分) — the list with search and paging, 新增,
// 修改 (the code itself is shown, never editable), 停用/啟用. Every text escaped; errors beside the field and in the
// error summary; what was typed kept.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { Csrf, ErrorSummary, Field, FieldError, fieldId, Pagination, SelectField } from '../../../platform/views/components.tsx';
import {
  CODE_TABLE_FIELDS,
  CODE_TABLE_PAGE_SIZE,
  CODE_TABLES,
  canAddCode,
  canEditCode,
  type AgencyRow,
  type CodeEntry,
  type CodeTableSlug,
} from '../../reference/index.ts';
import { codeMessages, type CodeMessages } from '../codes.messages.ts';
import { BackofficePage } from './backoffice-page.tsx';

export const tableTitle = (m: CodeMessages, slug: CodeTableSlug) => m[`table.${slug}`];

/** A row of any table as the list shows it. */
export interface CodeListRow {
  code: string;
  name: string;
  active: boolean;
  extra: string;
}

export function listRowOfAgency(a: AgencyRow): CodeListRow {
  return { code: a.code, name: a.name, active: a.active, extra: [a.address ?? '', a.parentCode ? `上級機關 ${a.parentCode}` : ''].filter(Boolean).join('；') };
}

export function listRowOfEntry(m: CodeMessages, e: CodeEntry): CodeListRow {
  let extra = '';
  if (e.tableName === 'sysnam') extra = e.sysnamClass ?? m['option.none'];
  else if (e.tableName === 'person_kind') extra = e.openAccess ? m['personKind.open'] : m['personKind.civil'];
  else if (e.tableName === 'work_place') extra = e.historical ? fill(m['workPlace.historical'], { code: e.currentCode ?? '' }) : '';
  else if (e.tableName === 'rank_type') {
    const g = e.grades ?? [];
    extra = g.length ? fill(m['rank.grades'], { from: g[0]!, to: g[g.length - 1]! }) : m['rank.none'];
  }
  return { code: e.code, name: e.name, active: e.active, extra };
}

export function CodesHomePage({ ctx }: { ctx: PageContext }): JSX.Element {
  const m = codeMessages(ctx.locale);
  return (
    <BackofficePage ctx={ctx} title={m['home.title']} section="codes">
      <p safe>{m['home.intro']}</p>
      <ul class="backoffice-home">
        {CODE_TABLES.map((slug) => (
          <li>
            <a href={`/backoffice/codes/${slug}`} safe>
              {tableTitle(m, slug)}
            </a>
          </li>
        ))}
      </ul>
    </BackofficePage>
  );
}

const listHref = (slug: CodeTableSlug, q: string, page: number) => {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return `/backoffice/codes/${slug}${s ? `?${s}` : ''}`;
};

export function CodeListPage({ ctx, slug, q, page, rows, total }: { ctx: PageContext; slug: CodeTableSlug; q: string; page: number; rows: CodeListRow[]; total: number }): JSX.Element {
  const m = codeMessages(ctx.locale);
  const title = tableTitle(m, slug);
  const pages = Math.max(1, Math.ceil(total / CODE_TABLE_PAGE_SIZE));
  const back = listHref(slug, q, page);
  return (
    <BackofficePage ctx={ctx} title={title} section="codes">
      <form method="get" action={`/backoffice/codes/${slug}`} class="agency-query" role="search">
        <div class="field">
          <label for="q-code" safe>
            {m['list.search']}
          </label>
          <input id="q-code" name="q" type="search" value={q} maxlength={50} />
        </div>
        <button type="submit" safe>
          {m['list.submit']}
        </button>
      </form>
      {canAddCode(slug) ? (
        <p>
          <a class="button" href={`/backoffice/codes/${slug}/new`} safe>
            {`${m['list.add']}${title}`}
          </a>
        </p>
      ) : (
        <p class="hint" safe>
          {m['list.readonly']}
        </p>
      )}
      <div class="table-wrap" role="region" aria-labelledby="codes-caption" tabindex="0">
        <table class="data-table">
          <caption id="codes-caption" safe>
            {fill(m['list.caption'], { table: title, total })}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>{m['col.code']}</th>
              <th scope="col" safe>{m['col.name']}</th>
              <th scope="col" safe>{m['col.extra']}</th>
              <th scope="col" safe>{m['col.state']}</th>
              <th scope="col" safe>{m['list.actions']}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colspan="5" safe>
                  {m['list.empty']}
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr>
                  <td data-label={m['col.code']} safe>{r.code}</td>
                  <td data-label={m['col.name']} safe>{r.name}</td>
                  <td data-label={m['col.extra']} safe>{r.extra}</td>
                  <td data-label={m['col.state']} safe>{r.active ? m['state.active'] : m['state.inactive']}</td>
                  <td data-label={m['list.actions']}>
                    {canEditCode(slug) ? (
                      <a href={`/backoffice/codes/${slug}/edit?code=${encodeURIComponent(r.code)}`} aria-label={fill(m['list.editOf'], { code: r.code, name: r.name })} safe>
                        {m['list.edit']}
                      </a>
                    ) : (
                      ''
                    )}{' '}
                    <form method="post" action={`/backoffice/codes/${slug}/active`} class="inline-form">
                      <Csrf ctx={ctx} />
                      <input type="hidden" name="code" value={r.code} />
                      <input type="hidden" name="active" value={r.active ? 'false' : 'true'} />
                      <input type="hidden" name="back" value={back} />
                      <button type="submit" class="secondary" aria-label={fill(m[r.active ? 'list.deactivateOf' : 'list.activateOf'], { code: r.code, name: r.name })} safe>
                        {r.active ? m['list.deactivate'] : m['list.activate']}
                      </button>
                    </form>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination ctx={ctx} page={page} pages={pages} total={total} href={(p) => listHref(slug, q, p)} />
    </BackofficePage>
  );
}

/** The label of each field of a table's form. */
export function fieldLabels(m: CodeMessages, slug: CodeTableSlug): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const f of CODE_TABLE_FIELDS[slug]) {
    const texts = m as Record<string, string>;
    labels[f] = (slug === 'agencies' ? texts[`field.agencies.${f}`] : undefined) ?? texts[`field.${f}`] ?? f;
  }
  return labels;
}

function Checkbox({ name, label, checked, error }: { name: string; label: string; checked: boolean; error?: string | undefined }): JSX.Element {
  const id = fieldId(name);
  return (
    <div class={error ? 'field has-error checkbox' : 'field checkbox'}>
      <FieldError name={name} error={error} />
      <input type="checkbox" id={id} name={name} value="on" checked={checked} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      <label for={id} safe>
        {label}
      </label>
    </div>
  );
}

/** 新增 (code is undefined) or 修改 one code. `values` are what was typed, or the stored row. */
export function CodeFormPage({ ctx, slug, code, values, errors }: { ctx: PageContext; slug: Exclude<CodeTableSlug, 'rank-types'>; code?: string; values: FormValues; errors: FieldErrors }): JSX.Element {
  const m = codeMessages(ctx.locale);
  const table = tableTitle(m, slug);
  const L = fieldLabels(m, slug);
  const v = (n: string) => valueOf(values, n);
  const title = code === undefined ? fill(m['form.new'], { table }) : fill(m['form.edit'], { table, code });
  const action = code === undefined ? `/backoffice/codes/${slug}` : `/backoffice/codes/${slug}/edit?code=${encodeURIComponent(code)}`;
  return (
    <BackofficePage ctx={ctx} title={title} section="codes">
      <ErrorSummary errors={errors} labels={L} title={ctx.t('form.errors.title')} />
      <form method="post" action={action} novalidate class="ecpa-form">
        <Csrf ctx={ctx} />
        {code === undefined ? (
          <Field name="code" label={L.code!} value={v('code')} error={errors.code} required maxlength={10} autocomplete="off" {...(slug === 'agencies' ? { hint: m['hint.agencyCode'] } : {})} />
        ) : (
          <p>
            <span safe>{`${L.code}：`}</span>
            <strong safe>{code}</strong>
            <span class="hint" safe>{` ${m['hint.keyFixed']}`}</span>
          </p>
        )}
        <Field name="name" label={L.name!} value={v('name')} error={errors.name} required maxlength={100} autocomplete="off" />
        {slug === 'agencies' ? (
          <>
            <Field name="address" label={L.address!} value={v('address')} error={errors.address} maxlength={200} autocomplete="off" />
            <Field name="parentCode" label={L.parentCode!} value={v('parentCode')} error={errors.parentCode} maxlength={10} hint={m['hint.parentCode']} autocomplete="off" />
          </>
        ) : (
          ''
        )}
        {slug === 'work-places' ? (
          <>
            <Checkbox name="historical" label={L.historical!} checked={v('historical') === 'on'} error={errors.historical} />
            <Field name="currentCode" label={L.currentCode!} value={v('currentCode')} error={errors.currentCode} maxlength={3} hint={m['hint.currentCode']} autocomplete="off" />
          </>
        ) : (
          ''
        )}
        {slug === 'sysnam' ? (
          <SelectField
            name="sysnamClass"
            label={L.sysnamClass!}
            value={v('sysnamClass')}
            error={errors.sysnamClass}
            options={[
              { value: '', label: m['option.none'] },
              { value: '行政類', label: '行政類' },
              { value: '技術類', label: '技術類' },
            ]}
          />
        ) : (
          ''
        )}
        {slug === 'person-kinds' ? (
          <SelectField
            name="openAccess"
            label={L.openAccess!}
            required
            value={v('openAccess')}
            error={errors.openAccess}
            options={[
              { value: 'civil_service', label: m['option.civil_service'] },
              { value: 'open', label: m['option.open'] },
            ]}
          />
        ) : (
          ''
        )}
        <Checkbox name="active" label={L.active!} checked={v('active') === 'on'} error={errors.active} />
        <div class="actions">
          <button type="submit" safe>
            {m['form.save']}
          </button>{' '}
          <a href={`/backoffice/codes/${slug}`} safe>
            {fill(m['form.back'], { table })}
          </a>
        </div>
      </form>
    </BackofficePage>
  );
}

export { Html };
