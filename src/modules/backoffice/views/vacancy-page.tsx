// ADM-1: one vacancy of any agency as the back office sees it — its state, the automatic check's reason with the
// words marked in the texts, and the verdicts its state allows: 審核通過, 審核不通過 (reason), 下架 (reason).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Csrf, RocDate } from '../../../platform/views/components.tsx';
import { FormErrors, Required } from '../../../platform/views/form-parts.tsx';
import type { VacancyRow } from '../review.repo.ts';
import { flaggedWords, highlight, REASON_MAX, reviewRefusal } from '../review.rules.ts';
import { REVIEW_STATE_LABELS, SOURCE_LABELS, stateOf } from '../vacancy-search.query.ts';
import { BackofficePage, Highlighted } from './backoffice-page.tsx';

export interface VacancyPageProps {
  ctx: PageContext;
  v: VacancyRow;
  published: boolean;
  /** The form that came back with an error, with what was typed. */
  failed?: { form: 'reject' | 'take-down'; reason: string; error: string };
}

function ReasonForm(p: { ctx: PageContext; v: VacancyRow; form: 'reject' | 'take-down'; legend: string; hint: string; button: string; failed?: VacancyPageProps['failed'] }): JSX.Element {
  const name = p.form === 'reject' ? 'reject-reason' : 'take-down-reason';
  const id = `f-${name}`;
  const mine = p.failed?.form === p.form ? p.failed : undefined;
  return (
    <form method="post" action={`/backoffice/vacancies/${encodeURIComponent(p.v.id)}/${p.form}`} class="backoffice-verdict" novalidate>
      <Csrf ctx={p.ctx} />
      <fieldset>
        <legend safe>{p.legend}</legend>
        <div class={mine ? 'field has-error' : 'field'}>
          <label for={id}>
            理由
            <Required ctx={p.ctx} />
          </label>
          <p class="hint" id={`${id}-hint`} safe>
            {p.hint}
          </p>
          {mine ? (
            <p class="field-error" id={`${id}-error`}>
              <span class="visually-hidden">錯誤：</span>
              {Html.escapeHtml(mine.error)}
            </p>
          ) : (
            ''
          )}
          <textarea id={id} name="reason" rows="4" maxlength={String(REASON_MAX)} required aria-invalid={mine ? 'true' : undefined} aria-describedby={mine ? `${id}-hint ${id}-error` : `${id}-hint`} safe>
            {mine?.reason ?? ''}
          </textarea>
        </div>
        <button type="submit" safe>
          {p.button}
        </button>
      </fieldset>
    </form>
  );
}

const TEXTS: [keyof VacancyRow, string][] = [
  ['title', '職稱'],
  ['workQuality', '一、資格條件'],
  ['workItem', '二、工作項目'],
  ['workAddress', '三、工作地點'],
  ['contactMethod', '四、聯絡方式'],
];

export function VacancyPage({ ctx, v, published, failed }: VacancyPageProps): JSX.Element {
  const state = stateOf(v);
  const words = state === 'flagged' ? flaggedWords(v.reviewReason) : [];
  const reason = state === 'taken_down' ? v.takenDownReason : state === 'deleted' ? null : v.reviewReason;
  return (
    <BackofficePage ctx={ctx} title={`職缺 ${v.workId}`} section="vacancies">
      {failed ? <FormErrors ctx={ctx} errors={{ [failed.form === 'reject' ? 'reject-reason' : 'take-down-reason']: failed.error }} labels={{ 'reject-reason': '審核不通過的理由', 'take-down-reason': '下架的理由' }} /> : ''}
      <dl class="fields">
        <dt>職缺編號</dt>
        <dd safe>{v.workId}</dd>
        <dt>徵才機關</dt>
        <dd safe>{`${v.orgName}${v.orgId ? `（${v.orgId}）` : ''}`}</dd>
        <dt>刊登日期</dt>
        <dd>
          <RocDate date={v.postedAt} />
        </dd>
        <dt>上網有效期間</dt>
        <dd>
          <RocDate date={v.validFrom} />～<RocDate date={v.validTo} />
        </dd>
        <dt>來源</dt>
        <dd safe>{SOURCE_LABELS[v.source as keyof typeof SOURCE_LABELS] ?? v.source}</dd>
        <dt>聯絡E-mail</dt>
        <dd safe>{v.vitaeEmail || v.fillerEmail || '（無）'}</dd>
        <dt>審核結果</dt>
        <dd>
          <strong safe>{REVIEW_STATE_LABELS[state]}</strong>
          {reason ? (
            <>
              {'：'}
              <Highlighted segments={highlight(reason, words)} />
            </>
          ) : (
            ''
          )}
        </dd>
        <dt>民眾查詢</dt>
        <dd>
          {published ? (
            <a href={`/jobs/${encodeURIComponent(v.workId)}`} safe>{`刊登中（/jobs/${v.workId}）`}</a>
          ) : (
            '未刊登'
          )}
        </dd>
      </dl>
      <section aria-labelledby="texts-title">
        <h2 id="texts-title">職缺內容</h2>
        {words.length ? <p class="hint">標示處為自動檢核到的文字。</p> : ''}
        <dl class="fields backoffice-texts">
          {TEXTS.map(([key, label]) => (
            <>
              <dt safe>{label}</dt>
              <dd>
                <Highlighted segments={highlight(String(v[key] ?? ''), words)} />
              </dd>
            </>
          ))}
        </dl>
      </section>
      <section aria-labelledby="verdict-title">
        <h2 id="verdict-title">審核</h2>
        {reviewRefusal('approve', v) && reviewRefusal('reject', v) && reviewRefusal('take-down', v) ? <p>此職缺目前沒有可執行的審核動作。</p> : ''}
        {reviewRefusal('approve', v) === null ? (
          <form method="post" action={`/backoffice/vacancies/${encodeURIComponent(v.id)}/approve`} class="backoffice-verdict">
            <Csrf ctx={ctx} />
            <button type="submit">審核通過（刊登）</button>
          </form>
        ) : (
          ''
        )}
        {reviewRefusal('reject', v) === null ? (
          <ReasonForm ctx={ctx} v={v} form="reject" legend="審核不通過" hint="機關會在審核結果欄及通知信看到這段理由。" button="審核不通過" failed={failed} />
        ) : (
          ''
        )}
        {reviewRefusal('take-down', v) === null ? (
          <ReasonForm ctx={ctx} v={v} form="take-down" legend="下架" hint="下架後民眾無法查詢或應徵；機關會在審核結果欄及通知信看到這段理由。" button="下架" failed={failed} />
        ) : (
          ''
        )}
      </section>
      <p>
        <a href="/backoffice/review">回職缺審核</a>　<a href="/backoffice/vacancies">回職缺查詢</a>
      </p>
    </BackofficePage>
  );
}

export { Html };
