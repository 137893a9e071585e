// Public vacancy routes: the search (PUB-1), on the home page and at /jobs. A GET form: the whole query
// is in the URL. Invalid input → 400 with the form and its messages; a page past the end → 200 with a message.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../container.ts';
import { pageContext, type PageContext } from '../../platform/http/context.ts';
import { formValues, valuesOf, type FieldErrors } from '../../platform/http/forms.ts';
import { createPageCache, pageKey, renderKept } from '../../platform/http/page-cache.ts';
import { sendHtml, sendPage } from '../../platform/http/render.ts';
import { codeTablesGeneration, currentWorkPlaces, personKinds, rankTypes, sysnamList, workPlaceName } from '../reference/index.ts';
import { ADVANCED_FIELDS, hasAdvancedFilter, pageCount, parseSearchQuery, searchHref, type SearchErrorCode, type SearchField } from './search.rules.ts';
import { searchVacancies } from './search.service.ts';
import { SearchPage, searchErrorText, type SearchOptions } from './views/search-page.tsx';
import { routes } from '../../platform/http/route-options.ts';

export async function vacancyPublicRoutes(app: FastifyInstance, services: Services): Promise<void> {
  // Derived once per version of the code tables: the back office may change them (ADM-2) while the process runs.
  let options: { generation: number; value: SearchOptions } | null = null;
  const searchOptions = (): SearchOptions => {
    if (options?.generation !== codeTablesGeneration()) {
      const value: SearchOptions = {
        workPlaces: currentWorkPlaces().map((p) => ({ code: p.code, name: p.name })),
        sysnams: sysnamList().map((s) => ({ code: s.code, name: s.name, class: s.class })),
        personKinds: personKinds().map((p) => ({ code: p.code, name: p.name })),
        rankTypes: rankTypes().map((r) => r.name),
      };
      options = { generation: codeTablesGeneration(), value };
    }
    return options.value;
  };
  const placeName = (code: string) => workPlaceName(code) ?? code;
  // A visitor without a session sees a page that depends only on the URL, the language, the day, the code tables
  // and the search's epoch (the index: replaced by every change to the published set), so it is kept per epoch.
  const pageCache = createPageCache(services.config.searchPageCacheBytes);

  for (const path of ['/', '/jobs']) {
    app.get(path, routes.public, async (req, reply) => {
      const ctx = pageContext(req, reply, !services.config.isProduction);
      const values = formValues(req.query);
      const parsed = parseSearchQuery(req.query);
      if (!parsed.ok) {
        const errors = errorTexts(ctx, parsed.errors);
        const advancedOpen = ADVANCED_FIELDS.some((f) => errors[f] !== undefined || valuesOf(values, f).some((v) => v.trim() !== ''));
        return sendPage(reply, SearchPage({ ctx, values, errors, result: null, options: searchOptions(), placeName, pageHref: () => '/jobs', advancedOpen }), 400);
      }
      const c = parsed.criteria;
      const today = services.clock.today();
      const found = await searchVacancies(services.database, { filters: c, page: c.page, size: c.size }, today);
      const pages = pageCount(found.total, c.size);
      const errors: FieldErrors = c.page > pages ? errorTexts(ctx, { page: 'page.outOfRange' }, { pages }) : {};
      const result = { total: found.total, rows: found.rows, page: c.page, pages, size: c.size };
      const key = Object.keys(errors).length === 0 ? pageKey(req, ctx, `${codeTablesGeneration()}|${today}`) : null;
      const kept = key === null ? undefined : pageCache.get(found.epoch, key);
      if (kept) return sendHtml(reply, kept);
      const render = (pageCtx: PageContext) =>
        SearchPage({ ctx: pageCtx, values, errors, result, options: searchOptions(), placeName, pageHref: (p) => searchHref(c, p), advancedOpen: hasAdvancedFilter(c) });
      return sendHtml(reply, await renderKept(pageCache, found.epoch, key, ctx, render));
    });
  }
}

function errorTexts(ctx: PageContext, errors: Partial<Record<SearchField, SearchErrorCode>>, params: Record<string, number> = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, code] of Object.entries(errors)) out[field] = searchErrorText(ctx.locale, code, params);
  return out;
}

/** The current URL with `page` replaced (the rest of the query kept). */
export function withPage(url: string, page: number): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set('page', String(page));
  return `${path === '/' ? '/jobs' : path}?${params.toString()}`;
}

