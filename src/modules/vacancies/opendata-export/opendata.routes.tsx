// PUB-4 職缺 Open Data: /opendata (the page) and the four files, served from memory with ETag/Last-Modified/304.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../container.ts';
import { pageContext } from '../../../platform/http/context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { createOpenDataExport, type OpenDataFormat, type OpenDataExport } from './export.service.ts';
import { notModified } from './http-cache.rules.ts';
import { FILE_PATHS, OpenDataPage } from './views/opendata-page.tsx';
import { routes } from '../../../platform/http/route-options.ts';

const CONTENT_TYPE: Record<OpenDataFormat, string> = {
  xml: 'application/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  atom: 'application/atom+xml; charset=utf-8',
};

export const CACHE_CONTROL = 'public, max-age=300';

async function sendFile(exp: OpenDataExport, format: OpenDataFormat, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const rep = (await exp.files()).files[format];
  reply
    .header('cache-control', CACHE_CONTROL)
    .header('etag', rep.etag)
    .header('last-modified', rep.lastModified.toUTCString())
    // Open data: any site may read it with fetch() (no credentials are involved).
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin');
  if (notModified(req.headers, rep)) return reply.code(304).send();
  if (format === 'csv') reply.header('content-disposition', 'attachment; filename="jobs.csv"');
  return reply.type(CONTENT_TYPE[format]).send(rep.body);
}

export async function openDataRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const exp = createOpenDataExport(services);

  app.get('/opendata', routes.public, async (req, reply) => {
    const { today, count } = await exp.status();
    return sendPage(reply, <OpenDataPage ctx={pageContext(req, reply, !services.config.isProduction)} today={today} count={count} />);
  });
  for (const format of ['xml', 'json', 'csv', 'atom'] as const) {
    app.get(FILE_PATHS[format], routes.public, async (req, reply) => sendFile(exp, format, req, reply));
  }
}
