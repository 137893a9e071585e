// 應徵職缺 (APP-2, seeds/000 步驟六): the jobs of this visit's list, the resume that will be sent (the resumes
// module's preview), whether to attach 證照資格/作品附件, the authorization to read and tick, 【確定應徵】.
// Markup only; every user value escaped.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { Csrf, ErrorSummary, FieldError, fieldId, RocDate } from '../../../platform/views/components.tsx';
import { Required } from '../../../platform/views/form-parts.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { Preview } from '../../resumes/index.ts';
import { ResumePreviewArticle } from '../../resumes/index.ts';
import { applicationMessages } from '../application.messages.ts';
import { applicationPaths } from '../application.paths.ts';
import { CONSENT_TEXT, CONSENT_VERSION } from '../application.rules.ts';

export interface BasketJob {
  workId: string;
  title: string;
  orgName: string;
  validTo: string;
  /** Why this job can no longer be applied to (shown beside it). */
  problem?: string;
}

export interface ApplyPageProps {
  ctx: PageContext;
  jobs: BasketJob[];
  preview: Preview;
  values: { attach: boolean; consent: boolean };
  errors: FieldErrors;
}

export function ApplyPage({ ctx, jobs, preview, values, errors }: ApplyPageProps): JSX.Element {
  const m = applicationMessages(ctx.locale);
  const labels = { consent: m['apply.consentLegend'], jobs: m['apply.jobs'] };
  return (
    <Layout ctx={ctx} title={m['apply.title']} door="platform" scripts={['/assets/js/forms.js']}>
      <h1 safe>{m['apply.title']}</h1>
      <ErrorSummary errors={errors} labels={labels} title={ctx.t('form.errors.title')} />
      <p safe>{m['apply.intro']}</p>
      <h2 id={fieldId('jobs')} safe>
        {m['apply.jobs']}
      </h2>
      <FieldError name="jobs" error={errors.jobs} />
      {jobs.length === 0 ? (
        <p>
          {Html.escapeHtml(m['apply.empty'])} <a href="/jobs" safe>{m['apply.findJobs']}</a>
        </p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby={fieldId('jobs')} tabindex="0">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col" safe>{m['col.workId']}</th>
                <th scope="col" safe>{m['col.title']}</th>
                <th scope="col" safe>{m['col.org']}</th>
                <th scope="col" safe>{m['col.validTo']}</th>
                <th scope="col" safe>{m['col.action']}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr>
                  <td data-label={m['col.workId']} safe>{j.workId}</td>
                  <td data-label={m['col.title']}>
                    <a href={`/jobs/${encodeURIComponent(j.workId)}`} safe>
                      {j.title}
                    </a>
                    {j.problem ? (
                      <p class="field-error" safe>
                        {j.problem}
                      </p>
                    ) : (
                      ''
                    )}
                  </td>
                  <td data-label={m['col.org']} safe>{j.orgName}</td>
                  <td data-label={m['col.validTo']}>
                    <RocDate date={j.validTo} />
                  </td>
                  <td data-label={m['col.action']}>
                    <form method="post" action={applicationPaths.removeFromList} class="inline-form">
                      <Csrf ctx={ctx} />
                      <input type="hidden" name="workId" value={j.workId} />
                      <button type="submit" class="link-button" aria-label={`${m['apply.remove']} ${j.title}`} safe>
                        {m['apply.remove']}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href="/jobs" safe>
          {m['apply.addMore']}
        </a>
      </p>
      <h2 safe>{m['apply.resume']}</h2>
      <p>
        <a href="/platform/resume" safe>
          {m['apply.editResume']}
        </a>
      </p>
      <ResumePreviewArticle ctx={ctx} doc={preview.doc} hasPhoto={preview.hasPhoto} hasAttachment={preview.hasAttachment} />
      <form method="post" action={applicationPaths.apply} novalidate>
        <Csrf ctx={ctx} />
        <input type="hidden" name="consentVersion" value={CONSENT_VERSION} />
        {jobs.filter((j) => !j.problem).map((j) => (
          <input type="hidden" name="workId" value={j.workId} />
        ))}
        {preview.hasAttachment ? (
          <div class="field checkbox">
            <input type="checkbox" id={fieldId('attach')} name="attach" value="1" checked={values.attach} aria-describedby={`${fieldId('attach')}-hint`} />
            <label for={fieldId('attach')} safe>
              {m['apply.attach']}
            </label>
            <p class="hint" id={`${fieldId('attach')}-hint`} safe>
              {m['apply.attachHint']}
            </p>
          </div>
        ) : (
          <p class="hint" safe>
            {m['apply.noAttachment']}
          </p>
        )}
        <fieldset class="consent">
          <legend safe>{m['apply.consentLegend']}</legend>
          <p>{CONSENT_TEXT}</p>
          <div class="field checkbox">
            <input
              type="checkbox"
              id={fieldId('consent')}
              name="consent"
              value="1"
              required
              checked={values.consent}
              aria-invalid={errors.consent ? 'true' : undefined}
              aria-describedby={errors.consent ? `${fieldId('consent')}-error` : undefined}
            />
            <label for={fieldId('consent')}>
              {Html.escapeHtml(m['apply.consentLabel'])}
              <Required ctx={ctx} />
            </label>
            <FieldError name="consent" error={errors.consent} />
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" safe>
            {m['apply.submit']}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export { Html };
