// ADM-3 查詢回覆紀錄 across agencies: filters (機關, 職缺編號, 通知類別, 回覆狀態, 通知日期), one page of notices and
// replies, and the CSV export of the same search.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { DataTable, ErrorSummary, Field, Pagination, SelectField, type Column } from '../../../platform/views/components.tsx';
import { kindText, replyText, type NoticeView } from '../../notices/index.ts';
import { rocDateTime } from '../audit-log.rules.ts';
import { NOTICES_EXPORT_MAX, NOTICES_PAGE_SIZE, noticesHref, noticesQueryString, type NoticesSearch } from '../notices-search.query.ts';
import { errorText, staffMessages } from '../staff.messages.ts';
import { BackofficePage } from './backoffice-page.tsx';

export function NoticesPage({ ctx, f, rows, total }: { ctx: PageContext; f: NoticesSearch; rows: NoticeView[]; total: number }): JSX.Element {
  const m = staffMessages(ctx.locale);
  const any = { value: '', label: m['list.any'] };
  const errors = Object.fromEntries(Object.entries(f.errors).map(([k, v]) => [k, errorText(m, v)]));
  const qs = noticesQueryString(f);
  const columns: Column<NoticeView>[] = [
    { header: m['notices.orgName'], cell: (r) => <span safe>{r.vacancy.orgName}</span> },
    { header: m['notices.workId'], cell: (r) => <span safe>{r.vacancy.workId}</span> },
    { header: m['notices.title'], cell: (r) => <span safe>{r.vacancy.title}</span> },
    { header: m['notices.to.name'], cell: (r) => <span safe>{r.applicantName}</span> },
    { header: m['notices.kind'], cell: (r) => <span safe>{kindText(r.notice.kind)}</span> },
    { header: m['notices.sentAt'], cell: (r) => <span safe>{rocDateTime(r.notice.sentAt)}</span> },
    { header: m['notices.reply'], cell: (r) => <span safe>{replyText(r.notice.kind, r.notice.reply)}</span> },
    { header: m['notices.repliedAt'], cell: (r) => <span>{r.notice.repliedAt ? Html.escapeHtml(rocDateTime(r.notice.repliedAt)) : ''}</span> },
  ];
  return (
    <BackofficePage ctx={ctx} title={m['title.notices']} section="notices">
      <ErrorSummary errors={errors} labels={{ from: m['notices.from'], to: m['notices.to'] }} title={ctx.t('form.errors.title')} />
      <p safe>{m['notices.intro']}</p>
      <form method="get" action="/backoffice/notices" class="agency-query">
        <fieldset>
          <legend safe>{m['list.query']}</legend>
          <Field name="agency" label={m['notices.agency']} value={f.agency} maxlength={50} />
          <Field name="workId" label={m['notices.workId']} value={f.workId} maxlength={20} />
          <SelectField name="kind" label={m['notices.kind']} value={f.kind} options={[any, { value: 'interview', label: kindText('interview') }, { value: 'offer', label: kindText('offer') }]} />
          <SelectField
            name="reply"
            label={m['notices.reply']}
            value={f.reply}
            options={[any, { value: 'none', label: m['notices.none'] }, { value: 'accepted', label: '接受' }, { value: 'declined', label: '婉拒' }, { value: 'accept_and_report', label: '同意被錄取並報到' }]}
          />
          <Field name="from" label={m['notices.from']} value={f.fromText} hint={m['notices.dateHint']} error={errors.from} maxlength={12} />
          <Field name="to" label={m['notices.to']} value={f.toText} hint={m['notices.dateHint']} error={errors.to} maxlength={12} />
          <button type="submit" safe>
            {m['list.search']}
          </button>{' '}
          <a href="/backoffice/notices" safe>
            {m['list.reset']}
          </a>
        </fieldset>
      </form>
      <p>
        <span safe>{fill(m['list.count'], { count: total })}</span>{' '}
        {Object.keys(f.errors).length === 0 ? (
          <a href={`/backoffice/notices.csv${qs ? `?${qs}` : ''}`} safe>
            {fill(m['notices.csv'], { max: NOTICES_EXPORT_MAX.toLocaleString('en-US') })}
          </a>
        ) : (
          ''
        )}
      </p>
      <DataTable caption={m['notices.caption']} columns={columns} rows={rows} empty={m['notices.empty']} />
      <Pagination ctx={ctx} page={f.page} pages={Math.max(1, Math.ceil(total / NOTICES_PAGE_SIZE))} total={total} href={(p) => noticesHref(f, p)} />
    </BackofficePage>
  );
}

export { Html };
