// PUB-6: 求職SOP and the 公務人員履歷空白表格 downloads (PDF and ODT). Public, cacheable.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { pageContext } from '../../platform/http/context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { blankResumeOdt, blankResumePdf, type BlankForm } from './blank-forms.service.ts';
import { ODT_MIMETYPE } from './blank-form.odt.ts';
import { attachmentDisposition } from './download.rules.ts';
import { BLANK_ODT_PATH, BLANK_PDF_PATH, SopPage } from './sop-page.tsx';
import { routes } from '../../platform/http/route-options.ts';

const FORM_NAME = '公務人員履歷空白表格';

function sendForm(req: FastifyRequest, reply: FastifyReply, form: BlankForm, type: string, ext: string): FastifyReply {
  reply
    .header('cache-control', 'public, max-age=86400')
    .header('etag', form.etag)
    .header('content-disposition', attachmentDisposition(`${FORM_NAME}.${ext}`, `blank-resume-form.${ext}`))
    .type(type);
  if (req.headers['if-none-match'] === form.etag) return reply.code(304).send();
  return reply.send(form.bytes);
}

export async function guideRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/guide/sop', routes.public, async (req, reply) => {
    const ctx = pageContext(req, reply, !services.config.isProduction);
    return sendPage(reply, <SopPage ctx={ctx} />);
  });

  app.get(BLANK_PDF_PATH, routes.public, async (req, reply) => sendForm(req, reply, await blankResumePdf(), 'application/pdf', 'pdf'));

  app.get(BLANK_ODT_PATH, routes.public, async (req, reply) => sendForm(req, reply, await blankResumeOdt(), ODT_MIMETYPE, 'odt'));
}
