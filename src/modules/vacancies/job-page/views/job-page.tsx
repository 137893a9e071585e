// The job page (PUB-2): every public field, attachments, 【我要應徵】 (a link styled as a button) or, for
// 不使用應徵者履歷調閱, how to apply; the QR code of the apply URL; schema.org JobPosting as JSON-LD.
import Html from '@kitajs/html';
import type { PageContext } from '../../../../platform/http/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { jobPageMessages, type JobPageMessages } from '../job-page.messages.ts';
import type { AttachmentRow } from '../job-page.repo.ts';
import { jobPath, type VacancyRow } from '../job-page.rules.ts';
import { ContactEmail, JobAttachments, JobSummary, JobTexts } from './job-fields.tsx';
import { linkifyHtml } from '../linkify.rules.ts';

export interface JobPageProps {
  ctx: PageContext;
  vacancy: VacancyRow;
  attachments: AttachmentRow[];
  /** Absolute apply URL (the QR code's content). */
  applyUrl: string;
  /** Absolute URL of this page. */
  canonicalUrl: string;
  /** JSON-LD already serialized with serializeJsonLd (no `<` left in it). */
  safeJsonLd: string;
}

/** The QR code of the apply URL with the URL in words and a PNG download. */
export function QrBlock({ v, m, applyUrl, withDownload }: { v: VacancyRow; m: JobPageMessages; applyUrl: string; withDownload: boolean }): JSX.Element {
  const base = jobPath(v.workId);
  const alt = v.accessMode === 'none' ? m['qr.alt.none'] : m['qr.alt'];
  return (
    <figure class="job-qr">
      <img src={`${base}/qr.svg`} alt={alt} width="160" height="160" />
      <figcaption>
        <span safe>{`${m['apply.url']}：`}</span>
        <span class="job-url" safe>
          {applyUrl}
        </span>
        {withDownload ? (
          <>
            <br />
            <a href={`${base}/qr.png`} download={`job-${v.workId}-qrcode.png`} safe>
              {m['qr.download']}
            </a>
          </>
        ) : (
          ''
        )}
      </figcaption>
    </figure>
  );
}

function ApplyPanel({ v, m, applyUrl }: { v: VacancyRow; m: JobPageMessages; applyUrl: string }): JSX.Element {
  if (v.accessMode === 'none') {
    return (
      <section id="how-to-apply" class="job-apply-panel" aria-labelledby="how-to-apply-title" tabindex="-1">
        <h2 id="how-to-apply-title" safe>
          {m['section.howToApply']}
        </h2>
        <p safe>{m['apply.none.intro']}</p>
        <div class="job-text">{linkifyHtml(v.contactMethod.trim() || m['value.none']) as 'safe'}</div>
        <p>
          <span safe>{`${m['label.email']}：`}</span>
          <ContactEmail v={v} m={m} />
        </p>
        <QrBlock v={v} m={m} applyUrl={applyUrl} withDownload />
      </section>
    );
  }
  return (
    <section id="apply" class="job-apply-panel" aria-labelledby="apply-title">
      <h2 id="apply-title" safe>
        {m['section.apply']}
      </h2>
      <p id="apply-hint" safe>
        {m[`apply.${v.accessMode}.hint`]}
      </p>
      <p>
        <a class="button job-apply-button" href={`${jobPath(v.workId)}/apply`} aria-describedby="apply-hint" safe>
          {m['apply.button']}
        </a>
      </p>
      <QrBlock v={v} m={m} applyUrl={applyUrl} withDownload />
    </section>
  );
}

export function JobPage({ ctx, vacancy: v, attachments, applyUrl, canonicalUrl, safeJsonLd }: JobPageProps): JSX.Element {
  const m = jobPageMessages(ctx.locale);
  const head = (
    <>
      <link rel="canonical" href={canonicalUrl} />
      <script type="application/ld+json">{safeJsonLd}</script>
    </>
  );
  return (
    <Layout ctx={ctx} title={v.title} head={head}>
      <article class="job" aria-labelledby="job-title">
        <h1 id="job-title" safe>
          {v.title}
        </h1>
        {v.source === 'demo' ? (
          <p class="demo-note">
            <strong class="badge demo-badge" safe>
              {m['demo.badge']}
            </strong>{' '}
            <span safe>{m['demo.note']}</span>
          </p>
        ) : (
          ''
        )}
        <p class="job-org" safe>
          {v.orgName}
        </p>
        <ApplyPanel v={v} m={m} applyUrl={applyUrl} />
        <JobSummary v={v} m={m} />
        <JobTexts v={v} m={m} />
        <JobAttachments v={v} attachments={attachments} m={m} />
        <ul class="job-tools no-print">
          <li>
            <a href={`${jobPath(v.workId)}/print`} safe>
              {m['print.link']}
            </a>
          </li>
          <li>
            <a href="/jobs" safe>
              {m['back.search']}
            </a>
          </li>
        </ul>
      </article>
    </Layout>
  );
}

export { Html };
