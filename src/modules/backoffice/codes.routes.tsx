// Back-office routes of ADM-2 (代碼維護): the code tables' list (search, paging), 新增, 修改, 停用/啟用. All
// `routes.backoffice` (anyone else: 404); thin handlers — parse, one use case of the reference module, render or
// redirect. An unknown table or code is a 404; bad input is the form again (422) with the errors and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { inFormOrder, parseForm, recordOf, type FieldErrors, type FormValues } from '../../platform/http/forms.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import {
  CODE_TABLE_FIELDS,
  CODE_TABLE_EDIT_FORMS,
  CODE_TABLE_FORMS,
  CODE_TABLE_PAGE_SIZE,
  createAgency,
  createCodeEntry,
  ENTRY_TABLE,
  findAgencyRow,
  findCodeEntry,
  isCodeTable,
  listAgencyPage,
  listCodeEntries,
  parseCodeListQuery,
  setCodeActive,
  updateAgency,
  updateCodeEntry,
  type AgencyRow,
  type CodeEntry,
  type CodeTableSlug,
  type EditableSlug,
  type SaveResult,
} from '../reference/index.ts';
import { codeFormErrorEn, codeMessages } from './codes.messages.ts';
import { CodeFormPage, CodeListPage, CodesHomePage, listRowOfAgency, listRowOfEntry, tableTitle } from './views/codes-pages.tsx';

type TableParams = { Params: { table: string } };

function tableOf(slug: string): CodeTableSlug {
  if (!isCodeTable(slug)) throw new AppError('not-found');
  return slug;
}
function editableOf(slug: string): EditableSlug {
  const t = tableOf(slug);
  if (t === 'rank-types') throw new AppError('not-found');
  return t;
}

/** The stored row as the form's values (checkboxes 'on'). */
function valuesOfAgency(a: AgencyRow): FormValues {
  return { code: a.code, name: a.name, address: a.address ?? '', parentCode: a.parentCode ?? '', ...(a.active ? { active: 'on' } : {}) };
}
function valuesOfEntry(e: CodeEntry): FormValues {
  return {
    code: e.code,
    name: e.name,
    ...(e.active ? { active: 'on' } : {}),
    ...(e.historical ? { historical: 'on' } : {}),
    currentCode: e.currentCode ?? '',
    sysnamClass: e.sysnamClass ?? '',
    openAccess: e.openAccess ? 'open' : 'civil_service',
  };
}

/** The code a request names (?code= or the posted code); anything else is a 404. */
function codeOf(input: unknown): string {
  const code = recordOf(input).code;
  if (typeof code !== 'string' || code === '' || code.length > 20) throw new AppError('not-found');
  return code;
}

/** Where a 停用/啟用 returns: a page of that table's list, nothing else (no open redirect). */
function backTo(slug: CodeTableSlug, body: unknown): string {
  const back = recordOf(body).back;
  const base = `/backoffice/codes/${slug}`;
  return typeof back === 'string' && back.startsWith(base) && /^\/backoffice\/codes\/[a-z-]+(\?[A-Za-z0-9=&%._+-]*)?$/.test(back) ? back : base;
}

export async function codesRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const deps = { db: services.db, clock: services.clock };
  const db = services.db;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);
  const actorOf = (req: FastifyRequest): Actor => ({ kind: 'staff', id: req.principal!.id, ip: req.ip });

  async function save(slug: EditableSlug, code: string | undefined, req: FastifyRequest, reply: FastifyReply) {
    const ctx = ctxOf(req, reply);
    const m = codeMessages(ctx.locale);
    // On an edit the code is the one in the URL (never changed): the posted fields are read without it.
    const schema = code === undefined ? CODE_TABLE_FORMS[slug] : CODE_TABLE_EDIT_FORMS[slug];
    const form = parseForm(schema, req.body);
    const worded = (errors: FieldErrors): FieldErrors =>
      ctx.locale === 'en' ? Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, codeFormErrorEn(v)])) : errors;
    const again = (errors: FieldErrors) =>
      sendPage(reply, CodeFormPage({ ctx, slug, ...(code !== undefined ? { code } : {}), values: form.values, errors: inFormOrder(worded(errors), CODE_TABLE_FIELDS[slug]) }), 422);
    if (!form.ok) return again(form.errors);
    const input = code === undefined ? (form.data as Record<string, unknown>) : { ...(form.data as Record<string, unknown>), code };
    let r: SaveResult;
    if (slug === 'agencies') {
      const f = input as Parameters<typeof createAgency>[2];
      r = code === undefined ? await createAgency(deps, actorOf(req), f) : await updateAgency(deps, actorOf(req), code, f);
    } else {
      const f = input as Parameters<typeof createCodeEntry>[3];
      r = code === undefined ? await createCodeEntry(deps, actorOf(req), slug, f) : await updateCodeEntry(deps, actorOf(req), slug, code, f);
    }
    if (!r.ok) {
      if ('notFound' in r) throw new AppError('not-found');
      return again(r.errors);
    }
    flash(reply, { kind: 'success', text: fill(m[code === undefined ? 'flash.created' : 'flash.updated'], { table: tableTitle(m, slug), code: r.code }) });
    return reply.redirect(`/backoffice/codes/${slug}?q=${encodeURIComponent(r.code)}`, 303);
  }

  app.get('/backoffice/codes', routes.backoffice, async (req, reply) => sendPage(reply, CodesHomePage({ ctx: ctxOf(req, reply) })));

  app.get<TableParams>('/backoffice/codes/:table', routes.backoffice, async (req, reply) => {
    const slug = tableOf(req.params.table);
    const ctx = ctxOf(req, reply);
    const { q, page } = parseCodeListQuery(recordOf(req.query));
    const opts = { q, page, size: CODE_TABLE_PAGE_SIZE };
    const rows =
      slug === 'agencies'
        ? await listAgencyPage(db, opts).then((r) => ({ total: r.total, rows: r.rows.map(listRowOfAgency) }))
        : await listCodeEntries(db, ENTRY_TABLE[slug], opts).then((r) => ({ total: r.total, rows: r.rows.map((e) => listRowOfEntry(codeMessages(ctx.locale), e)) }));
    return sendPage(reply, CodeListPage({ ctx, slug, q, page, ...rows }));
  });

  app.get<TableParams>('/backoffice/codes/:table/new', routes.backoffice, async (req, reply) => {
    const slug = editableOf(req.params.table);
    const values: FormValues = { active: 'on', ...(slug === 'person-kinds' ? { openAccess: 'civil_service' } : {}) };
    return sendPage(reply, CodeFormPage({ ctx: ctxOf(req, reply), slug, values, errors: {} }));
  });

  app.post<TableParams>('/backoffice/codes/:table', routes.backoffice, async (req, reply) => save(editableOf(req.params.table), undefined, req, reply));

  // The code is in the query (?code=), not the path: one form per table (the form fuzz test crawls one, not 500).
  app.get<TableParams>('/backoffice/codes/:table/edit', routes.backoffice, async (req, reply) => {
    const slug = editableOf(req.params.table);
    const code = codeOf(req.query);
    const values = slug === 'agencies' ? (await findAgencyRow(db, code).then((a) => a && valuesOfAgency(a))) : (await findCodeEntry(db, ENTRY_TABLE[slug], code).then((e) => e && valuesOfEntry(e)));
    if (!values) throw new AppError('not-found');
    return sendPage(reply, CodeFormPage({ ctx: ctxOf(req, reply), slug, code, values, errors: {} }));
  });

  app.post<TableParams>('/backoffice/codes/:table/edit', routes.backoffice, async (req, reply) => save(editableOf(req.params.table), codeOf(req.query), req, reply));

  app.post<TableParams>('/backoffice/codes/:table/active', routes.backoffice, async (req, reply) => {
    const slug = tableOf(req.params.table);
    const m = codeMessages(ctxOf(req, reply).locale);
    const active = recordOf(req.body).active === 'true';
    const r = await setCodeActive(deps, actorOf(req), slug, codeOf(req.body), active);
    if (!r.ok) throw new AppError('not-found');
    const key = active ? 'flash.activated' : r.inUse > 0 ? 'flash.deactivatedInUse' : 'flash.deactivated';
    flash(reply, { kind: 'success', text: fill(m[key], { table: tableTitle(m, slug), code: r.code, name: r.name, count: r.inUse }) });
    return reply.redirect(backTo(slug, req.body), 303);
  });
}
