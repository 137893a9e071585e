// 機關徵才匯入 routes (AGY-7): thin handlers — the upload form and templates, 檢查 (multipart upload → errors by
// row and column, or a staged batch), its preview, 確認匯入. routes.agencyHr; a batch is found only with its own
// staff member and agency (anything else 404).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { findAgency } from '../reference/index.ts';
import { findBatch } from './agency-import.repo.ts';
import { MAX_IMPORT_BYTES } from './agency-import.rules.ts';
import { batchRows, checkImport, confirmImport, type UploadedFile } from './agency-import.service.ts';
import { codesCsv, templateFile, type SheetKind } from './agency-import.sheet.ts';
import type { AgencyRef } from './agency.service.ts';
import { IMPORT_PATH, ImportPage } from './views/import-page.tsx';
import { ImportPreviewPage } from './views/import-preview-page.tsx';

type BatchParams = { Params: { batchId: string } };

const MIME: Record<SheetKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv; charset=utf-8',
};

function download(reply: FastifyReply, name: string, mime: string, body: Buffer): FastifyReply {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'private, no-store')
    .send(body);
}

/** The multipart body's `file` part, read whole; a file over the limit comes back truncated. */
async function readUpload(req: FastifyRequest): Promise<UploadedFile | null> {
  if (!req.isMultipart()) return null;
  let out: UploadedFile | null = null;
  const options = { throwFileSizeLimit: false, limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } } as Parameters<FastifyRequest['parts']>[0];
  for await (const part of req.parts(options)) {
    if (part.type !== 'file') continue;
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    if (part.fieldname === 'file' && !out) out = { filename: part.filename ?? '', bytes: Buffer.concat(chunks), truncated: part.file.truncated };
  }
  return out && (out.bytes.byteLength > 0 || out.filename) ? out : null;
}

export async function agencyImportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const db = services.db;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);
  const actorOf = (req: FastifyRequest): Actor & { id: string } => ({ kind: 'staff', id: req.principal!.id, ip: req.ip });

  async function agencyOf(req: FastifyRequest): Promise<AgencyRef> {
    const code = req.principal?.agencyCode;
    if (!code) throw new AppError('not-found');
    const a = await findAgency(db, code);
    return { code, name: a?.name ?? code };
  }

  app.get(IMPORT_PATH, routes.agencyHr, async (req, reply) => {
    const agency = await agencyOf(req);
    return sendPage(reply, ImportPage({ ctx: ctxOf(req, reply), agency }));
  });

  for (const kind of ['xlsx', 'ods', 'csv'] as const) {
    app.get(`${IMPORT_PATH}/template.${kind}`, routes.agencyHr, async (req, reply) => {
      await agencyOf(req);
      return download(reply, `機關徵才匯入範本.${kind}`, MIME[kind], templateFile(kind));
    });
  }
  app.get(`${IMPORT_PATH}/codes.csv`, routes.agencyHr, async (req, reply) => {
    await agencyOf(req);
    return download(reply, '機關徵才匯入代碼表.csv', MIME.csv, codesCsv());
  });

  app.post(IMPORT_PATH, routes.agencyHr, async (req, reply) => {
    const agency = await agencyOf(req);
    const file = await readUpload(req);
    const page = (p: Omit<Parameters<typeof ImportPage>[0], 'ctx' | 'agency'>) => sendPage(reply, ImportPage({ ctx: ctxOf(req, reply), agency, ...p }), 422);
    if (!file) return page({ fileError: '請選擇要上傳的檔案' });
    const result = await checkImport(db, actorOf(req), agency, file, services.clock.now(), services.clock.today());
    if (result.kind === 'file-error') return page({ fileError: result.message });
    if (result.kind === 'row-errors') return page({ errors: result.errors, rowCount: result.rowCount, fileName: file.filename });
    return reply.redirect(`${IMPORT_PATH}/${encodeURIComponent(result.batchId)}`, 303);
  });

  app.get<BatchParams>(`${IMPORT_PATH}/:batchId`, routes.agencyHr, async (req, reply) => {
    const agency = await agencyOf(req);
    const batch = await findBatch(db, req.params.batchId, req.principal!.id, agency.code);
    if (!batch) throw new AppError('not-found');
    return sendPage(reply, ImportPreviewPage({ ctx: ctxOf(req, reply), agency, batchId: batch.id, fileName: batch.fileName, rows: batchRows(batch) }));
  });

  app.post<BatchParams>(`${IMPORT_PATH}/:batchId`, routes.agencyHr, async (req, reply) => {
    const agency = await agencyOf(req);
    const batch = await findBatch(db, req.params.batchId, req.principal!.id, agency.code);
    if (!batch) throw new AppError('not-found');
    const result = await confirmImport(db, actorOf(req), agency, batch.id, services.clock.now(), services.clock.today());
    if (result.ok) {
      const flagged = result.created.filter((v) => v.reviewStatus !== 'approved').length;
      const first = result.created[0];
      flash(reply, { kind: 'success', text: `已匯入 ${result.created.length} 個職缺${first ? `（職缺編號 ${first.workId} 起）` : ''}${flagged ? `，其中 ${flagged} 個待審核` : ''}。` });
      return reply.redirect('/agency', 303);
    }
    if ('errors' in result) return sendPage(reply, ImportPage({ ctx: ctxOf(req, reply), agency, errors: result.errors, rowCount: batch.rowCount, fileName: batch.fileName }), 422);
    throw new AppError('not-found');
  });
}
