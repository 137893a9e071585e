// 查詢回覆紀錄 (ACS-9): every notice and reply across the agency's vacancies; filters (GET) and the CSV link.
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { rocDateTime } from '../../../platform/mail/compose.ts';
import { formatRoc } from '../../../platform/tw/roc-date.ts';
import { Field, SelectField } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { noticeMessages } from '../notice.messages.ts';
import type { NoticeFilter, NoticeView } from '../notice.repo.ts';
import { kindText, replyText } from '../notice.rules.ts';

export function RecordsPage({ ctx, agency, filter, rows, limit, csvHref, via }: { ctx: PageContext; agency: { code: string; name: string }; filter: NoticeFilter; rows: NoticeView[]; limit: number; csvHref: string; via: string | null }): JSX.Element {
  const t = noticeMessages(ctx.locale);
  const any = { value: '', label: t['records.any'] };
  return (
    <Layout ctx={ctx} title={t['title.records']} door="ecpa">
      <h1 safe>{t['title.records']}</h1>
      <p safe>{`${agency.code} ${agency.name}`}</p>
      <form method="get" action="/agency/notices" class="records-filter">
        {via ? <input type="hidden" name="agency" value={via} /> : ''}
        <Field name="workId" label={t['records.workId']} value={filter.workId} maxlength={20} />
        <SelectField name="kind" label={t['records.kind']} value={filter.kind} options={[any, { value: 'interview', label: kindText('interview') }, { value: 'offer', label: kindText('offer') }]} />
        <SelectField
          name="reply"
          label={t['records.reply']}
          value={filter.reply}
          options={[any, { value: 'none', label: t['records.none'] }, { value: 'accepted', label: '接受' }, { value: 'declined', label: '婉拒' }, { value: 'accept_and_report', label: '同意被錄取並報到' }]}
        />
        <Field name="from" label={t['records.from']} value={filter.from ? formatRoc(filter.from) : ''} hint={t['form.dateHint']} maxlength={10} />
        <Field name="to" label={t['records.to']} value={filter.to ? formatRoc(filter.to) : ''} hint={t['form.dateHint']} maxlength={10} />
        <div class="actions">
          <button type="submit" safe>
            {t['records.search']}
          </button>{' '}
          <a href={csvHref} safe>
            {t['records.csv']}
          </a>
        </div>
      </form>
      <p safe>{fill(t['records.count'], { count: rows.length })}</p>
      {rows.length >= limit ? <p class="hint" safe>{fill(t['records.limited'], { count: limit })}</p> : ''}
      {rows.length === 0 ? (
        <p safe>{t['records.empty']}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>
              {t['title.records']}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>{t['records.workId']}</th>
                <th scope="col" safe>{t['records.name']}</th>
                <th scope="col" safe>{t['records.kind']}</th>
                <th scope="col" safe>{t['view.sentAt']}</th>
                <th scope="col" safe>{t['records.reply']}</th>
                <th scope="col" safe>{t['view.repliedAt']}</th>
                <th scope="col" safe>{t['records.open']}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td safe>{r.vacancy.workId}</td>
                  <td safe>{r.applicantName}</td>
                  <td safe>{kindText(r.notice.kind)}</td>
                  <td safe>{rocDateTime(r.notice.sentAt)}</td>
                  <td safe>{replyText(r.notice.kind, r.notice.reply)}</td>
                  <td>{r.notice.repliedAt ? rocDateTime(r.notice.repliedAt) : ''}</td>
                  <td>
                    <a href={`/agency/notices/${r.notice.id}`} aria-label={`${t['records.open']} ${r.applicantName}`} safe>
                      {t['records.open']}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
