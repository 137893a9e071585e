// 通知職缺面試-內容 / 錄取通知-內容 (ACS-6, ACS-8) and 請輸入通知職缺內容 (ACS-5 batch, the chosen ids as hidden inputs).
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { Csrf, ErrorSummary } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { noticeErrors, noticeMessages } from '../notice.messages.ts';
import { NOTICE_LABELS, NOTICE_LABELS_EN } from '../notice.rules.ts';
import type { NoticeKind } from '../notice.schema.ts';
import { NoticeFields } from './notice-fields.tsx';

export interface NoticeFormPageProps {
  ctx: PageContext;
  kind: NoticeKind;
  action: string;
  back: string;
  vacancy: { workId: string; orgName: string };
  /** Single: the applicant's name; batch: the ids sent back as hidden `notify` inputs. */
  to: { kind: 'single'; name: string } | { kind: 'batch'; ids: string[]; names: string[] };
  values: FormValues;
  errors: FieldErrors;
  /** A message above the form (a cancelled application). */
  problem?: string;
}

export function NoticeFormPage(p: NoticeFormPageProps): JSX.Element {
  const t = noticeMessages(p.ctx.locale);
  const errors = noticeErrors(p.ctx.locale, p.errors);
  const title = p.to.kind === 'batch' ? t['title.batch'] : p.kind === 'offer' ? t['title.offer'] : t['title.interview'];
  return (
    <Layout ctx={p.ctx} title={title} door="ecpa">
      <h1 safe>{title}</h1>
      <p safe>{t['form.required']}</p>
      {p.problem ? (
        <div class="alert alert-error" role="alert">
          <p safe>{p.problem}</p>
        </div>
      ) : (
        ''
      )}
      <ErrorSummary errors={errors} labels={p.ctx.locale === 'en' ? NOTICE_LABELS_EN : NOTICE_LABELS} title={p.ctx.t('form.errors.title')} />
      {p.to.kind === 'batch' ? <h2 safe>{fill(t['form.batchHeading'], { workId: p.vacancy.workId })}</h2> : ''}
      <dl class="notice-info">
        <dt safe>{t['form.agency']}</dt>
        <dd safe>{p.vacancy.orgName}</dd>
        <dt safe>{t['form.workId']}</dt>
        <dd safe>{p.vacancy.workId}</dd>
        <dt safe>{t['form.to']}</dt>
        <dd safe>{p.to.kind === 'single' ? p.to.name : p.to.names.join('、')}</dd>
      </dl>
      <form method="post" action={p.action} novalidate class="notice-form">
        <Csrf ctx={p.ctx} />
        {p.to.kind === 'batch' ? (
          <>
            <input type="hidden" name="do" value="send" />
            {p.to.ids.map((id) => (
              <input type="hidden" name="notify" value={id} />
            ))}
          </>
        ) : (
          ''
        )}
        {p.kind === 'offer' ? <input type="hidden" name="kind" value="offer" /> : ''}
        <NoticeFields ctx={p.ctx} values={p.values} errors={errors} />
        <div class="actions">
          <button type="submit" safe>
            {p.to.kind === 'batch' ? t['form.confirm'] : p.kind === 'offer' ? t['form.sendOffer'] : t['form.send']}
          </button>{' '}
          <a href={p.back} safe>
            {p.to.kind === 'batch' ? t['form.cancel'] : t['form.back']}
          </a>
        </div>
      </form>
    </Layout>
  );
}
