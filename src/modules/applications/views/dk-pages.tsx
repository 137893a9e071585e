// DK 職缺應徵 (ECPA-5) pages for a civil servant: the 須具 jobs with 我的簡歷, 我的履歷 (the full HR-database
// resume), 確定應徵 (the job, the parts the agency reads, the optional certificates PDF, the authorization), and the
// message when no HR record is found or the person has left service. Markup only; every value escaped.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { CIVIL_SERVICE_LABELS, type CivilServiceResumeDocument } from '../../../platform/pdf/index.ts';
import { formatRoc } from '../../../platform/tw/roc-date.ts';
import { DataTable, ErrorSummary, FieldError, fieldId, Pagination, RocDate } from '../../../platform/views/components.tsx';
import { Required } from '../../../platform/views/form-parts.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { rocDateTime } from '../../../platform/mail/compose.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { DK_CONSENT_TEXT, DK_CONSENT_VERSION, type CivilServantSummary } from '../civil-service.rules.ts';
import { applicationMessages } from '../application.messages.ts';
import { dkMessages } from '../dk.messages.ts';
import { dkPaths } from '../dk.paths.ts';

export interface DkJob {
  workId: string;
  title: string;
  orgName: string;
  rankText: string;
  workPlaceText: string;
  validTo: string;
}

/** The DK pages' links; also on 我的應徵 and the notices module's DK 通知我的職缺 pages. */
export function DkNav({ ctx }: { ctx: PageContext }): JSX.Element {
  const m = dkMessages(ctx.locale);
  return (
    <nav aria-label={m['dk.title']}>
      <ul class="inline-list">
        <li>
          <a href={dkPaths.home} safe>
            {m['dk.jobs']}
          </a>
        </li>
        <li>
          <a href={dkPaths.resume} safe>
            {m['dk.resume']}
          </a>
        </li>
        <li>
          <a href={dkPaths.mine} safe>
            {m['dk.mine']}
          </a>
        </li>
        <li>
          <a href={dkPaths.notices} safe>
            {m['dk.notices']}
          </a>
        </li>
        <li>
          <a href="/ecpa/apps" safe>
            {m['dk.backApps']}
          </a>
        </li>
      </ul>
    </nav>
  );
}

export function SummaryList({ ctx, s }: { ctx: PageContext; s: CivilServantSummary }): JSX.Element {
  const m = dkMessages(ctx.locale);
  const row = (label: string, value: string) => (
    <>
      <dt safe>{label}</dt>
      <dd safe>{value || m['sum.none']}</dd>
    </>
  );
  return (
    <section aria-labelledby="dk-summary">
      <h2 id="dk-summary" safe>
        {m['dk.summary']}
      </h2>
      <dl class="fields">
        {row(m['sum.name'], s.name)}
        {row(m['sum.agency'], s.agencyName)}
        {row(m['sum.jobTitle'], s.jobTitle)}
        {row(m['sum.type'], s.employmentType)}
        {row(m['sum.email'], s.email)}
        {row(m['sum.education'], s.highestEducation)}
        {row(m['sum.post'], s.currentPost)}
        {row(m['sum.exams'], s.exams.join('；'))}
      </dl>
      {s.email ? '' : <p class="hint" safe>{m['sum.noEmail']}</p>}
      <p class="hint" safe>
        {m['sum.correct']}
      </p>
    </section>
  );
}

export function DkHomePage(p: { ctx: PageContext; summary: CivilServantSummary; jobs: DkJob[]; total: number; page: number; pages: number }): JSX.Element {
  const m = dkMessages(p.ctx.locale);
  const a = applicationMessages(p.ctx.locale);
  return (
    <Layout ctx={p.ctx} title={m['dk.title']} door="ecpa">
      <h1 safe>{m['dk.title']}</h1>
      <DkNav ctx={p.ctx} />
      <p safe>{m['dk.intro']}</p>
      <SummaryList ctx={p.ctx} s={p.summary} />
      <h2 safe>{m['dk.jobs']}</h2>
      <DataTable<DkJob>
        caption={m['dk.jobsCaption']}
        empty={m['dk.jobsEmpty']}
        rows={p.jobs}
        columns={[
          { header: a['col.workId'], cell: (j) => <span safe>{j.workId}</span> },
          {
            header: a['col.title'],
            cell: (j) => (
              <a href={`/jobs/${encodeURIComponent(j.workId)}`} safe>
                {j.title}
              </a>
            ),
          },
          { header: a['col.org'], cell: (j) => <span safe>{j.orgName}</span> },
          { header: m['dk.col.rank'], cell: (j) => <span safe>{j.rankText}</span> },
          { header: m['dk.col.place'], cell: (j) => <span safe>{j.workPlaceText}</span> },
          { header: a['col.validTo'], cell: (j) => <RocDate date={j.validTo} /> },
          {
            header: a['col.action'],
            cell: (j) => (
              <a href={dkPaths.apply(j.workId)} aria-label={`${m['dk.apply']} ${j.title}`} safe>
                {m['dk.apply']}
              </a>
            ),
          },
        ]}
      />
      <Pagination ctx={p.ctx} page={p.page} pages={p.pages} total={p.total} href={dkPaths.homePage} />
    </Layout>
  );
}

const roc = (iso: string): string => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatRoc(iso) : iso);
const period = (a: string, b: string): string => `${roc(a)}－${b ? roc(b) : ''}`;

function Table({ title, headers, rows, none }: { title: string; headers: string[]; rows: (string | number)[][]; none: string }): JSX.Element {
  return (
    <section>
      <h3 safe>{title}</h3>
      {rows.length === 0 ? (
        <p safe>{none}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={title} tabindex="0">
          <table class="data-table">
            <thead>
              <tr>
                {headers.map((h) => (
                  <th scope="col" safe>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  {r.map((c) => (
                    <td safe>{String(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** 我的履歷: the civil-service resume as the PDF prints it, every part. */
export function CivilServiceResumeArticle({ doc }: { doc: CivilServiceResumeDocument }): JSX.Element {
  const L = CIVIL_SERVICE_LABELS;
  const S = L.sections;
  const B = L.basic;
  const b = doc.basic;
  const none = L.none;
  return (
    <article class="resume-preview" aria-label={L.title}>
      <h2>{L.title}</h2>
      <section>
        <h3>{S.basic}</h3>
        <dl class="fields">
          {(
            [
              [B.name, b.name],
              [B.gender, b.gender],
              [B.birthDate, roc(b.birthDate)],
              [B.phone, b.phone],
              [B.email, b.email],
              [B.address, b.address],
              [B.agencyName, b.agencyName],
              [B.jobTitle, b.jobTitle],
              [B.employmentType, b.employmentType],
              [B.status, b.status],
            ] as const
          ).map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd safe>{v || none}</dd>
            </>
          ))}
        </dl>
      </section>
      <Table title={S.education} none={none} headers={Object.values(L.education)} rows={doc.education.map((e) => [e.school, e.department, e.degree, e.status, period(e.startDate, e.endDate)])} />
      <Table title={S.experience} none={none} headers={Object.values(L.experience)} rows={doc.experience.map((e) => [e.organization, e.jobTitle, e.employmentType, e.status, period(e.startDate, e.endDate)])} />
      <Table title={S.exams} none={none} headers={Object.values(L.exams)} rows={doc.exams.map((e) => [e.kind, e.name, e.category, roc(e.passedOn)])} />
      <Table title={S.professionalQualifications} none={none} headers={Object.values(L.professionalQualifications)} rows={doc.professionalQualifications.map((q) => [q.name, q.certificateNo, roc(q.issuedOn)])} />
      <Table title={S.ratings} none={none} headers={Object.values(L.ratings)} rows={doc.ratings.map((r) => [r.year - 1911, r.kind, r.grade])} />
      <Table title={S.rewards} none={none} headers={Object.values(L.rewards)} rows={doc.rewards.map((r) => [roc(r.date), r.kind, r.count, r.reason])} />
      <Table title={S.skills} none={none} headers={[S.skills]} rows={doc.skills.map((s) => [s])} />
      <Table title={S.languages} none={none} headers={Object.values(L.languages)} rows={doc.languages.map((l) => [l.language, l.level, l.certificate])} />
      <Table title={S.screenings} none={none} headers={Object.values(L.screenings)} rows={doc.screenings.map((s) => [s.kind, s.name, roc(s.passedOn)])} />
      <Table title={S.military} none={none} headers={Object.values(L.military)} rows={doc.military ? [[doc.military.status, doc.military.branch, period(doc.military.startDate, doc.military.endDate)]] : []} />
      <Table title={S.teacherQualification} none={none} headers={Object.values(L.teacherQualification)} rows={doc.teacherQualification ? [[doc.teacherQualification.kind, doc.teacherQualification.certificateNo, roc(doc.teacherQualification.issuedOn)]] : []} />
      <Table title={S.disability} none={none} headers={Object.values(L.disability)} rows={doc.disability ? [[doc.disability.category, doc.disability.level]] : []} />
      <Table title={S.indigenous} none={none} headers={Object.values(L.indigenous)} rows={doc.indigenous ? [[doc.indigenous.tribe]] : []} />
      <Table title={S.trainings} none={none} headers={Object.values(L.trainings)} rows={doc.trainings.map((t) => [t.name, t.organizer, period(t.startDate, t.endDate), t.hours])} />
    </article>
  );
}

export function DkResumePage({ ctx, doc }: { ctx: PageContext; doc: CivilServiceResumeDocument }): JSX.Element {
  const m = dkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={m['resume.title']} door="ecpa">
      <h1 safe>{m['resume.title']}</h1>
      <DkNav ctx={ctx} />
      <p safe>{m['resume.intro']}</p>
      <p>
        <a href="/ecpa/mydata/resume.pdf" safe>
          {m['resume.pdf']}
        </a>
      </p>
      <CivilServiceResumeArticle doc={doc} />
    </Layout>
  );
}

export interface DkApplyPageProps {
  ctx: PageContext;
  job: DkJob;
  summary: CivilServantSummary;
  parts: string[];
  nextBatch: Date;
  values: { consent: boolean };
  errors: FieldErrors;
}

export function DkApplyPage(p: DkApplyPageProps): JSX.Element {
  const m = dkMessages(p.ctx.locale);
  const a = applicationMessages(p.ctx.locale);
  const labels = { consent: m['apply.consentLegend'], certificates: m['apply.certificates'], job: m['apply.job'] };
  const e = p.errors;
  return (
    <Layout ctx={p.ctx} title={m['apply.title']} door="ecpa">
      <h1 safe>{m['apply.title']}</h1>
      <ErrorSummary errors={e} labels={labels} title={p.ctx.t('form.errors.title')} />
      <DkNav ctx={p.ctx} />
      <h2 id={fieldId('job')} safe>
        {m['apply.job']}
      </h2>
      <FieldError name="job" error={e.job} />
      <dl class="fields">
        <dt safe>{a['col.workId']}</dt>
        <dd safe>{p.job.workId}</dd>
        <dt safe>{a['col.title']}</dt>
        <dd>
          <a href={`/jobs/${encodeURIComponent(p.job.workId)}`} safe>
            {p.job.title}
          </a>
        </dd>
        <dt safe>{a['col.org']}</dt>
        <dd safe>{p.job.orgName}</dd>
        <dt safe>{a['col.validTo']}</dt>
        <dd>
          <RocDate date={p.job.validTo} />
        </dd>
        <dt safe>{m['apply.parts']}</dt>
        <dd safe>{p.parts.join('、')}</dd>
      </dl>
      <p safe>{fill(m['apply.batch'], { at: rocDateTime(p.nextBatch) })}</p>
      <SummaryList ctx={p.ctx} s={p.summary} />
      <p>
        <a href={dkPaths.resume} safe>
          {m['dk.resume']}
        </a>
      </p>
      {/* A multipart form carries its CSRF token in the action's query (as the agency's vacancy form does). */}
      <form method="post" action={`${dkPaths.apply(p.job.workId)}?_csrf=${encodeURIComponent(p.ctx.csrf())}`} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="consentVersion" value={DK_CONSENT_VERSION} />
        <div class="field">
          <label for={fieldId('certificates')} safe>
            {m['apply.certificates']}
          </label>
          <p class="hint" id={`${fieldId('certificates')}-hint`} safe>
            {m['apply.certificatesHint']}
          </p>
          <FieldError name="certificates" error={e.certificates} />
          <input
            type="file"
            id={fieldId('certificates')}
            name="certificates"
            accept="application/pdf,.pdf"
            aria-describedby={`${fieldId('certificates')}-hint${e.certificates ? ` ${fieldId('certificates')}-error` : ''}`}
            aria-invalid={e.certificates ? 'true' : undefined}
          />
        </div>
        <fieldset class="consent">
          <legend safe>{m['apply.consentLegend']}</legend>
          <p>{DK_CONSENT_TEXT}</p>
          <div class="field checkbox">
            <input
              type="checkbox"
              id={fieldId('consent')}
              name="consent"
              value="1"
              required
              checked={p.values.consent}
              aria-invalid={e.consent ? 'true' : undefined}
              aria-describedby={e.consent ? `${fieldId('consent')}-error` : undefined}
            />
            <label for={fieldId('consent')}>
              {Html.escapeHtml(m['apply.consentLabel'])}
              <Required ctx={p.ctx} />
            </label>
            <FieldError name="consent" error={e.consent} />
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" safe>
            {m['apply.submit']}
          </button>
          <a href={dkPaths.home} safe>
            {m['dk.back']}
          </a>
        </div>
      </form>
    </Layout>
  );
}

export { Html };
