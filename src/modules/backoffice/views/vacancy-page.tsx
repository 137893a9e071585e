// ADM-1: one vacancy of any agency as the back office sees it — its state, the automatic check's reason with the
// words marked in the texts, and the verdicts its state allows: 審核通過, 審核不通過 (reason), 下架 (reason).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Csrf, RocDate } from '../../../platform/views/components.tsx';
import { FormErrors, Required } from '../../../platform/views/form-parts.tsx';
import type { VacancyRow } from '../review.repo.ts';
import { flaggedWords, highlight, REASON_MAX, reviewRefusal } from '../review.rules.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { backofficeMessages, type BackofficeMessages } from '../backoffice.messages.ts';
import { sourceLabel, stateOf } from '../vacancy-search.query.ts';
import { BackofficePage, Highlighted } from './backoffice-page.tsx';

export interface VacancyPageProps {
  ctx: PageContext;
  v: VacancyRow;
  published: boolean;
  /** The form that came back with an error, with what was typed. */
  failed?: { form: 'reject' | 'take-down'; reason: string; error: string };
  /** A 須具 vacancy: its civil servants' resume files by state (GEN-2), for 立即產製. */
  resumeFiles?: Record<'pending' | 'producing' | 'ready' | 'failed', number> | undefined;
}

function ReasonForm(p: { ctx: PageContext; m: BackofficeMessages; v: VacancyRow; form: 'reject' | 'take-down'; legend: string; hint: string; button: string; failed?: VacancyPageProps['failed'] }): JSX.Element {
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
            {Html.escapeHtml(p.m['verdict.reason'])}
            <Required ctx={p.ctx} />
          </label>
          <p class="hint" id={`${id}-hint`} safe>
            {p.hint}
          </p>
          {mine ? (
            <p class="field-error" id={`${id}-error`}>
              <span class="visually-hidden" safe>
                {p.m['verdict.error']}
              </span>
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

const TEXTS = ['title', 'workQuality', 'workItem', 'workAddress', 'contactMethod'] as const;

function ResumeFilesSection({ ctx, m, v, files }: { ctx: PageContext; m: BackofficeMessages; v: VacancyRow; files: NonNullable<VacancyPageProps['resumeFiles']> }): JSX.Element {
  return (
    <section aria-labelledby="resume-files-title">
      <h2 id="resume-files-title" safe>
        {m['produce.title']}
      </h2>
      <p safe>{m['produce.hint']}</p>
      <p safe>{fill(m['produce.counts'], { pending: files.pending + files.producing, ready: files.ready, failed: files.failed })}</p>
      <form method="post" action={`/backoffice/vacancies/${encodeURIComponent(v.id)}/produce-resumes`}>
        <Csrf ctx={ctx} />
        <button type="submit" safe>
          {m['produce.button']}
        </button>
      </form>
    </section>
  );
}

export function VacancyPage({ ctx, v, published, failed, resumeFiles }: VacancyPageProps): JSX.Element {
  const state = stateOf(v);
  const words = state === 'flagged' ? flaggedWords(v.reviewReason) : [];
  const reason = state === 'taken_down' ? v.takenDownReason : state === 'deleted' ? null : v.reviewReason;
  const m = backofficeMessages(ctx.locale);
  return (
    <BackofficePage ctx={ctx} title={fill(m['vacancy.title'], { workId: v.workId })} section="vacancies">
      {failed ? <FormErrors ctx={ctx} errors={{ [failed.form === 'reject' ? 'reject-reason' : 'take-down-reason']: failed.error }} labels={{ 'reject-reason': m['verdict.rejectReason'], 'take-down-reason': m['verdict.takeDownReason'] }} /> : ''}
      <dl class="fields">
        <dt safe>{m['col.workId']}</dt>
        <dd safe>{v.workId}</dd>
        <dt safe>{m['vacancy.agency']}</dt>
        <dd safe>{`${v.orgName}${v.orgId ? `（${v.orgId}）` : ''}`}</dd>
        <dt safe>{m['col.posted']}</dt>
        <dd>
          <RocDate date={v.postedAt} />
        </dd>
        <dt safe>{m['col.valid']}</dt>
        <dd>
          <RocDate date={v.validFrom} />～<RocDate date={v.validTo} />
        </dd>
        <dt safe>{m['col.source']}</dt>
        <dd safe>{sourceLabel(m, v.source)}</dd>
        <dt safe>{m['vacancy.email']}</dt>
        <dd safe>{v.vitaeEmail || v.fillerEmail || m['vacancy.none']}</dd>
        <dt safe>{m['col.state']}</dt>
        <dd>
          <strong safe>{m[`state.${state}`]}</strong>
          {reason ? (
            <>
              {'：'}
              <Highlighted segments={highlight(reason, words)} />
            </>
          ) : (
            ''
          )}
        </dd>
        <dt safe>{m['vacancy.public']}</dt>
        <dd>
          {published ? (
            <a href={`/jobs/${encodeURIComponent(v.workId)}`} safe>
              {fill(m['vacancy.published'], { workId: v.workId })}
            </a>
          ) : (
            Html.escapeHtml(m['vacancy.unpublished'])
          )}
        </dd>
      </dl>
      <section aria-labelledby="texts-title">
        <h2 id="texts-title" safe>
          {m['vacancy.texts']}
        </h2>
        {words.length ? (
          <p class="hint" safe>
            {m['vacancy.marked']}
          </p>
        ) : (
          ''
        )}
        <dl class="fields backoffice-texts">
          {TEXTS.map((key) => (
            <>
              <dt safe>{m[`text.${key}`]}</dt>
              <dd>
                <Highlighted segments={highlight(String(v[key] ?? ''), words)} />
              </dd>
            </>
          ))}
        </dl>
      </section>
      {resumeFiles ? <ResumeFilesSection ctx={ctx} m={m} v={v} files={resumeFiles} /> : ''}
      <section aria-labelledby="verdict-title">
        <h2 id="verdict-title" safe>
          {m['verdict.title']}
        </h2>
        {reviewRefusal('approve', v) && reviewRefusal('reject', v) && reviewRefusal('take-down', v) ? <p safe>{m['verdict.none']}</p> : ''}
        {reviewRefusal('approve', v) === null ? (
          <form method="post" action={`/backoffice/vacancies/${encodeURIComponent(v.id)}/approve`} class="backoffice-verdict">
            <Csrf ctx={ctx} />
            <button type="submit" safe>
              {m['verdict.approve']}
            </button>
          </form>
        ) : (
          ''
        )}
        {reviewRefusal('reject', v) === null ? (
          <ReasonForm ctx={ctx} m={m} v={v} form="reject" legend={m['verdict.reject']} hint={m['verdict.reject.hint']} button={m['verdict.reject']} failed={failed} />
        ) : (
          ''
        )}
        {reviewRefusal('take-down', v) === null ? (
          <ReasonForm ctx={ctx} m={m} v={v} form="take-down" legend={m['verdict.takeDown']} hint={m['verdict.takeDown.hint']} button={m['verdict.takeDown']} failed={failed} />
        ) : (
          ''
        )}
      </section>
      <p>
        <a href="/backoffice/review" safe>
          {m['back.review']}
        </a>
        　
        <a href="/backoffice/vacancies" safe>
          {m['back.vacancies']}
        </a>
      </p>
    </BackofficePage>
  );
}

export { Html };
