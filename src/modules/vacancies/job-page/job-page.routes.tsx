// Public job page routes (PUB-2): the page, its print version, 【我要應徵】, the QR code, attachment downloads.
// A job the public cannot see: unknown, malformed, unapproved or not yet open → 404; deleted or expired → 410.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { Services } from '../../../container.ts';
import { pageContext, type PageContext } from '../../../platform/http/context.ts';
import { createPageCache, pageKey, renderKept } from '../../../platform/http/page-cache.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { sendHtml, sendPage } from '../../../platform/http/render.ts';
import { codeTablesGeneration } from '../../reference/index.ts';
import { searchEpoch } from '../search.service.ts';
import { contentDisposition, safeDownloadName } from '../../../platform/storage/sniff.ts';
import { applyTarget, applyUrl, jobPath, jobPostingData, serializeJsonLd } from './job-page.rules.ts';
import { loadJobPage, lookUpJob, openJobAttachment, type JobLookup } from './job-page.service.ts';
import { GonePage } from './views/gone-page.tsx';
import { JobPage } from './views/job-page.tsx';
import { PrintPage } from './views/print-page.tsx';
import { routes } from '../../../platform/http/route-options.ts';

type JobParams = { Params: { workId: string } };
type AttachmentParams = { Params: { workId: string; id: string } };

const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;
const QR_CACHE = 'public, max-age=3600';

export async function jobPageRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const base = services.config.baseUrl;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);

  /** Sends the page for a job the public cannot see (404 thrown to the error handler, or the 410 page). */
  function unavailable(req: FastifyRequest, reply: FastifyReply, job: Exclude<JobLookup, { kind: 'published' }>) {
    if (job.kind === 'not-found') throw new AppError('not-found');
    const ctx = ctxOf(req, reply);
    const page = job.kind === 'expired' ? GonePage({ ctx, reason: 'expired', vacancy: job.vacancy }) : GonePage({ ctx, reason: job.kind, workId: job.workId });
    return sendPage(reply, page, 410);
  }

  // A visitor without a session sees a page that depends only on the job, its attachments (both move the search's
  // epoch: migrations 0008 and 0020), the day, the code tables and the language: kept per epoch (issue 15).
  const pageCache = createPageCache(services.config.searchPageCacheBytes);

  app.get<JobParams>('/jobs/:workId', routes.public, async (req, reply) => {
    const ctx = ctxOf(req, reply);
    const today = services.clock.today();
    const epoch = await searchEpoch(services.database, today);
    const key = pageKey(req, ctx, `${codeTablesGeneration()}|${today}`);
    const kept = key === null ? undefined : pageCache.get(epoch, key);
    if (kept) return sendHtml(reply, kept);
    const job = await loadJobPage(services, req.params.workId);
    if (job.kind !== 'published') return unavailable(req, reply, job);
    const v = job.vacancy;
    const canonicalUrl = base + jobPath(v.workId);
    const safeJsonLd = serializeJsonLd(jobPostingData(v, { url: canonicalUrl }));
    const render = (pageCtx: PageContext) => JobPage({ ctx: pageCtx, vacancy: v, attachments: job.attachments, applyUrl: applyUrl(base, v.workId), canonicalUrl, safeJsonLd });
    return sendHtml(reply, await renderKept(pageCache, epoch, key, ctx, render));
  });

  app.get<JobParams>('/jobs/:workId/print', routes.public, async (req, reply) => {
    const job = await loadJobPage(services, req.params.workId);
    if (job.kind !== 'published') return unavailable(req, reply, job);
    const v = job.vacancy;
    const page = PrintPage({ ctx: ctxOf(req, reply), vacancy: v, attachments: job.attachments, applyUrl: applyUrl(base, v.workId), canonicalUrl: base + jobPath(v.workId) });
    return sendPage(reply, page);
  });

  // The canonical apply URL (the QR code's content): 303 to where this kind of job is applied for.
  app.get<JobParams>('/jobs/:workId/apply', routes.public, async (req, reply) => {
    const job = await lookUpJob(services, req.params.workId);
    if (job.kind !== 'published') return unavailable(req, reply, job);
    return reply.header('cache-control', 'no-store').redirect(applyTarget(job.vacancy.accessMode, job.vacancy.workId), 303);
  });

  app.get<JobParams>('/jobs/:workId/qr.svg', routes.public, async (req, reply) => {
    const job = await lookUpJob(services, req.params.workId);
    if (job.kind !== 'published') return unavailable(req, reply, job);
    const svg = await QRCode.toString(applyUrl(base, job.vacancy.workId), { ...QR_OPTIONS, type: 'svg' });
    return reply.header('cache-control', QR_CACHE).type('image/svg+xml').send(svg);
  });

  app.get<JobParams>('/jobs/:workId/qr.png', routes.public, async (req, reply) => {
    const job = await lookUpJob(services, req.params.workId);
    if (job.kind !== 'published') return unavailable(req, reply, job);
    const png = await QRCode.toBuffer(applyUrl(base, job.vacancy.workId), { ...QR_OPTIONS, type: 'png', scale: 8 });
    const name = safeDownloadName(`job-${job.vacancy.workId}-qrcode.png`, 'png');
    return reply.header('cache-control', QR_CACHE).header('content-disposition', contentDisposition(name, 'inline')).type('image/png').send(png);
  });

  // 可下載徵才機關上傳之職缺相關附件: streamed from storage; anything but an attachment of this published job → 404.
  app.get<AttachmentParams>('/jobs/:workId/attachments/:id', routes.public, async (req, reply) => {
    const file = await openJobAttachment(services, req.params.workId, req.params.id);
    if (!file) throw new AppError('not-found');
    return reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'no-store')
      .send(file.stream);
  });
}
