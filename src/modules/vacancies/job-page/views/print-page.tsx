// 友善列印 (PUB-2): the job's fields on a page with no site navigation, `@media print` rules in site.css,
// and a 「列印」 hint that works without JavaScript (job-page.js only adds a button calling window.print()).
import Html from '@kitajs/html';
import type { PageContext } from '../../../../platform/http/context.ts';
import { htmlLang } from '../../../../platform/i18n/i18n.ts';
import { jobPageMessages } from '../job-page.messages.ts';
import type { AttachmentRow } from '../job-page.repo.ts';
import { jobPath, type VacancyRow } from '../job-page.rules.ts';
import { JobAttachments, JobSummary, JobTexts } from './job-fields.tsx';
import { QrBlock } from './job-page.tsx';

export interface PrintPageProps {
  ctx: PageContext;
  vacancy: VacancyRow;
  attachments: AttachmentRow[];
  applyUrl: string;
  canonicalUrl: string;
}

export function PrintPage({ ctx, vacancy: v, attachments, applyUrl, canonicalUrl }: PrintPageProps): JSX.Element {
  const m = jobPageMessages(ctx.locale);
  const t = ctx.t;
  return (
    <>
      {'<!doctype html>'}
      <html lang={htmlLang(ctx.locale)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title safe>{`${v.title}｜${m['print.title']}｜${t('site.name')}`}</title>
          <link rel="canonical" href={canonicalUrl} />
          <link rel="stylesheet" href="/assets/css/site.css" />
        </head>
        <body class="job-print-page">
          <main id="main" class="wrap">
            <div class="job-print-toolbar no-print" role="note">
              <p safe>{m['print.hint']}</p>
              <p class="actions">
                <button type="button" data-print hidden safe>
                  {m['print.button']}
                </button>
                <a href={jobPath(v.workId)} safe>
                  {m['print.back']}
                </a>
              </p>
            </div>
            <p class="job-print-site" safe>
              {t('site.name')}
            </p>
            <article class="job" aria-labelledby="job-title">
              <h1 id="job-title" safe>
                {v.title}
              </h1>
              <p class="job-org" safe>
                {v.orgName}
              </p>
              <JobSummary v={v} m={m} />
              <JobTexts v={v} m={m} />
              <JobAttachments v={v} attachments={attachments} m={m} />
              <QrBlock v={v} m={m} applyUrl={applyUrl} withDownload={false} />
              <p class="job-print-source">
                <span safe>{`${m['print.printedFrom']}：`}</span>
                <span class="job-url" safe>
                  {canonicalUrl}
                </span>
              </p>
            </article>
          </main>
          <script src="/assets/js/job-page.js" defer></script>
        </body>
      </html>
    </>
  );
}

export { Html };
