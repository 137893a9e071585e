// ADM-2 人員帳號管理: the list with its search, the 新增 form, and one account (its data, last sign-in, the edit and
// roles form, other agencies granted, 停用 / 啟用, 寄送重設密碼信, certificate bindings with 解除憑證綁定).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf, valuesOf } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { CheckboxGroup, Csrf, DataTable, ErrorSummary, Field, Pagination, SelectField, type Column } from '../../../platform/views/components.tsx';
import { MANAGED_ROLES, maskedNationalId, STAFF_PAGE_SIZE, STAFF_STATUSES, staffSearchHref, type StaffDetail, type StaffListItem, type StaffSearch } from '../../ecpa/index.ts';
import { rocDateTime } from '../audit-log.rules.ts';
import { errorText, staffMessages, type StaffMessages } from '../staff.messages.ts';
import { BackofficePage } from './backoffice-page.tsx';

const roleText = (m: StaffMessages, r: string) => (m as Record<string, string>)[`role.${r}`] ?? r;
const statusText = (m: StaffMessages, s: string) => (m as Record<string, string>)[`status.${s}`] ?? s;
const lastSignIn = (m: StaffMessages, at: Date | null, method: string | null) => (at ? `${rocDateTime(at)}${method ? `（${method}）` : ''}` : m['list.never']);

/** Error keys → words of the page's language. */
const words = (m: StaffMessages, errors: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, errorText(m, v)]));

function labels(m: StaffMessages): Record<string, string> {
  return {
    account: m['field.account'],
    name: m['field.name'],
    email: m['field.email'],
    agencyCode: m['field.agencyCode'],
    nationalId: m['field.nationalId'],
    roles: m['field.roles'],
    grantAgency: m['detail.grantAgency'],
  };
}

export function StaffListPage({ ctx, f, rows, total }: { ctx: PageContext; f: StaffSearch; rows: StaffListItem[]; total: number }): JSX.Element {
  const m = staffMessages(ctx.locale);
  const any = { value: '', label: m['list.any'] };
  const columns: Column<StaffListItem>[] = [
    {
      header: m['field.account'],
      cell: (r) => (
        <a href={`/backoffice/staff/${encodeURIComponent(r.id)}`} safe>
          {r.account}
        </a>
      ),
    },
    { header: m['field.name'], cell: (r) => <span safe>{r.name}</span> },
    { header: m['list.agency'], cell: (r) => <span safe>{`${r.agencyCode} ${r.agencyName ?? ''}`.trim()}</span> },
    { header: m['list.role'], cell: (r) => <span safe>{r.roles.map((x) => roleText(m, x)).join('、')}</span> },
    { header: m['list.status'], cell: (r) => <span safe>{statusText(m, r.status)}</span> },
    { header: m['list.lastSignIn'], cell: (r) => <span safe>{lastSignIn(m, r.lastSignInAt, r.lastSignInMethod)}</span> },
  ];
  return (
    <BackofficePage ctx={ctx} title={m['title.list']} section="staff">
      <p safe>{m['list.intro']}</p>
      <p>
        <a href="/backoffice/staff/new" class="button" safe>
          {m['list.new']}
        </a>
      </p>
      <form method="get" action="/backoffice/staff" class="agency-query">
        <fieldset>
          <legend safe>{m['list.query']}</legend>
          <Field name="q" label={m['list.q']} value={f.q} maxlength={50} />
          <Field name="agency" label={m['list.agency']} value={f.agency} maxlength={50} />
          <SelectField name="role" label={m['list.role']} value={f.role} options={[any, ...MANAGED_ROLES.map((r) => ({ value: r, label: roleText(m, r) }))]} />
          <SelectField name="status" label={m['list.status']} value={f.status} options={[any, ...STAFF_STATUSES.map((s) => ({ value: s, label: statusText(m, s) }))]} />
          <button type="submit" safe>
            {m['list.search']}
          </button>{' '}
          <a href="/backoffice/staff" safe>
            {m['list.reset']}
          </a>
        </fieldset>
      </form>
      <p safe>{fill(m['list.count'], { count: total })}</p>
      <DataTable caption={m['list.caption']} columns={columns} rows={rows} empty={m['list.empty']} />
      <Pagination ctx={ctx} page={f.page} pages={Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE))} total={total} href={(p) => staffSearchHref(f, p)} />
    </BackofficePage>
  );
}

/** The fields of 新增 and 修改 (修改 shows the account as text instead of a field). */
function StaffFields({ m, values, errors, current }: { m: StaffMessages; values: FormValues; errors: FieldErrors; current: { last4: string | null } | null }): JSX.Element {
  const chosen = valuesOf(values, 'roles');
  return (
    <>
      <Field name="name" label={m['field.name']} value={valueOf(values, 'name')} error={errors.name} required maxlength={50} autocomplete="off" />
      <Field name="email" label={m['field.email']} type="email" value={valueOf(values, 'email')} error={errors.email} required maxlength={254} autocomplete="off" />
      <Field name="agencyCode" label={m['field.agencyCode']} value={valueOf(values, 'agencyCode')} error={errors.agencyCode} hint={m['hint.agencyCode']} required maxlength={20} />
      <Field
        name="nationalId"
        label={m['field.nationalId']}
        value={valueOf(values, 'nationalId')}
        error={errors.nationalId}
        hint={current ? `${m['hint.nationalId']} ${fill(m['hint.nationalIdEdit'], { current: maskedNationalId(current.last4) || m['detail.noHrdb'] })}` : m['hint.nationalId']}
        maxlength={10}
        autocomplete="off"
      />
      <CheckboxGroup name="roles" legend={m['field.roles']} options={MANAGED_ROLES.map((r) => ({ value: r, label: roleText(m, r) }))} values={chosen} error={errors.roles} />
    </>
  );
}

export function NewStaffPage({ ctx, values, errors }: { ctx: PageContext; values: FormValues; errors: FieldErrors }): JSX.Element {
  const m = staffMessages(ctx.locale);
  const shown = words(m, errors);
  return (
    <BackofficePage ctx={ctx} title={m['title.new']} section="staff">
      <ErrorSummary errors={shown} labels={labels(m)} title={ctx.t('form.errors.title')} />
      <p safe>{m['form.required']}</p>
      <form method="post" action="/backoffice/staff/new" novalidate>
        <Csrf ctx={ctx} />
        <Field name="account" label={m['field.account']} value={valueOf(values, 'account')} error={shown.account} hint={m['hint.account']} required maxlength={40} autocomplete="off" />
        <StaffFields m={m} values={values} errors={shown} current={null} />
        <p class="hint" safe>{m['hint.newAccount']}</p>
        <button type="submit" safe>
          {m['form.create']}
        </button>{' '}
        <a href="/backoffice/staff" safe>
          {m['form.back']}
        </a>
      </form>
    </BackofficePage>
  );
}

/** The values of the edit form from the stored row. */
export function valuesOfStaff(d: StaffDetail): FormValues {
  return { name: d.staff.name, email: d.staff.email ?? '', agencyCode: d.staff.agencyCode, nationalId: '', roles: d.staff.roles.filter((r) => (MANAGED_ROLES as readonly string[]).includes(r)) };
}

export interface StaffPageProps {
  ctx: PageContext;
  d: StaffDetail;
  values: FormValues;
  errors: FieldErrors;
  grant?: { value: string; error?: string };
}

export function StaffPage({ ctx, d, values, errors, grant }: StaffPageProps): JSX.Element {
  const m = staffMessages(ctx.locale);
  const s = d.staff;
  const base = `/backoffice/staff/${encodeURIComponent(s.id)}`;
  const shown = { ...words(m, errors), ...(grant?.error ? { grantAgency: errorText(m, grant.error) } : {}) };
  const bindingColumns: Column<StaffDetail['bindings'][number]>[] = [
    { header: m['detail.certKind'], cell: (b) => <span>{b.kind}</span> },
    { header: m['detail.certIssuer'], cell: (b) => <span safe>{b.issuer}</span> },
    { header: m['detail.certSerial'], cell: (b) => <span safe>{b.serial}</span> },
    { header: m['detail.certBound'], cell: (b) => <span safe>{rocDateTime(b.firstBoundAt)}</span> },
    {
      header: m['detail.unbind'],
      cell: (b) => (
        <form method="post" action={`${base}/unbind`}>
          <Csrf ctx={ctx} />
          <input type="hidden" name="bindingId" value={b.id} />
          <button type="submit" class="secondary">
            {Html.escapeHtml(m['detail.unbind'])}
            <span class="visually-hidden" safe>{`（${b.kind} ${b.serial}）`}</span>
          </button>
        </form>
      ),
    },
  ];
  return (
    <BackofficePage ctx={ctx} title={`${m['title.edit']}：${s.account}`} section="staff">
      <ErrorSummary errors={shown} labels={labels(m)} title={ctx.t('form.errors.title')} />
      <h2 safe>{m['detail.account']}</h2>
      <dl class="fields">
        <dt safe>{m['field.account']}</dt>
        <dd safe>{s.account}</dd>
        <dt safe>{m['field.name']}</dt>
        <dd safe>{s.name}</dd>
        <dt safe>{m['list.agency']}</dt>
        <dd safe>{`${s.agencyCode} ${d.agencyName ?? ''}`.trim()}</dd>
        <dt safe>{m['field.roles']}</dt>
        <dd safe>{s.roles.map((r) => roleText(m, r)).join('、')}</dd>
        <dt safe>{m['detail.status']}</dt>
        <dd safe>{statusText(m, s.status)}</dd>
        <dt safe>{m['detail.lastSignIn']}</dt>
        <dd safe>{lastSignIn(m, s.lastSignInAt, s.lastSignInMethod)}</dd>
        <dt safe>{m['detail.hrdb']}</dt>
        <dd safe>{maskedNationalId(s.nationalIdLast4) || m['detail.noHrdb']}</dd>
      </dl>

      <h2 safe>{m['detail.edit']}</h2>
      <p safe>{m['form.required']}</p>
      <form method="post" action={base} novalidate>
        <Csrf ctx={ctx} />
        <StaffFields m={m} values={values} errors={shown} current={{ last4: s.nationalIdLast4 }} />
        <button type="submit" safe>
          {m['form.save']}
        </button>
      </form>

      <h2 safe>{m['detail.grants']}</h2>
      <p safe>{m['detail.grantsIntro']}</p>
      <p class="hint" safe>{m['detail.grantsNotWired']}</p>
      {d.grants.length === 0 ? (
        <p safe>{m['detail.noGrants']}</p>
      ) : (
        <ul>
          {d.grants.map((g) => (
            <li>
              <span safe>{`${g.agencyCode} ${g.agencyName}`}</span>{' '}
              <form method="post" action={`${base}/grants/revoke`} class="inline">
                <Csrf ctx={ctx} />
                <input type="hidden" name="agencyCode" value={g.agencyCode} />
                <button type="submit" class="secondary">
                  {Html.escapeHtml(m['detail.revoke'])}
                  <span class="visually-hidden" safe>{`（${g.agencyCode}）`}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/grants`} novalidate>
        <Csrf ctx={ctx} />
        <Field name="grantAgency" label={m['detail.grantAgency']} value={grant?.value ?? ''} error={shown.grantAgency} hint={m['hint.agencyCode']} maxlength={20} />
        <button type="submit" safe>
          {m['detail.grant']}
        </button>
      </form>

      <h2 safe>{m['detail.actions']}</h2>
      <form method="post" action={`${base}/status`} class="actions">
        <Csrf ctx={ctx} />
        <input type="hidden" name="status" value={s.status === 'active' ? 'disabled' : 'active'} />
        <button type="submit" class={s.status === 'active' ? 'secondary' : undefined} safe>
          {s.status === 'active' ? m['detail.disable'] : m['detail.enable']}
        </button>
      </form>
      {s.email ? (
        <form method="post" action={`${base}/reset-mail`} class="actions">
          <Csrf ctx={ctx} />
          <p class="hint" safe>{fill(m['detail.resetMailHint'], { email: s.email })}</p>
          <button type="submit" class="secondary" safe>
            {m['detail.resetMail']}
          </button>
        </form>
      ) : (
        <p safe>{m['detail.noEmail']}</p>
      )}

      <h2 safe>{m['detail.bindings']}</h2>
      <DataTable caption={m['detail.bindings']} columns={bindingColumns} rows={d.bindings} empty={m['detail.noBindings']} />
      <p>
        <a href="/backoffice/staff" safe>
          {m['form.back']}
        </a>
      </p>
    </BackofficePage>
  );
}

export { Html };
