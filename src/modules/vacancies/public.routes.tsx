// Public vacancy routes: the search (home page and /jobs).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../container.ts';
import { pageContext } from '../../platform/http/context.ts';
import { parseForm, type FieldErrors } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.ts';
import { currentWorkPlaces, workPlaceName } from '../reference/codes.ts';
import { pageCount, searchQuerySchema } from './search.rules.ts';
import { searchPublished } from './vacancy.repo.ts';
import { SearchPage } from './views/search-page.tsx';

export async function vacancyPublicRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const workPlaces = currentWorkPlaces().map((p) => ({ code: p.code, name: p.name }));
  const placeName = (code: string) => workPlaceName(code) ?? code;

  const search = app.get.bind(app);
  for (const path of ['/', '/jobs']) {
    search(path, { config: { auth: 'public' } }, async (req, reply) => {
      const form = parseForm(searchQuerySchema, req.query);
      const ctx = pageContext(req, reply, !services.config.isProduction);
      const pageHref = (page: number) => withPage(req.url, page);
      if (!form.ok) {
        return sendPage(reply, SearchPage({ ctx, values: form.values, errors: form.errors, result: null, workPlaces, placeName, pageHref }), 400);
      }
      const found = await searchPublished(services.db, form.data, services.clock.today());
      const pages = pageCount(found.total, form.data.size);
      const result = { ...found, page: form.data.page, pages, size: form.data.size };
      const errors: FieldErrors = form.data.page > pages ? { page: `頁碼超出範圍，共 ${pages} 頁` } : {};
      return sendPage(reply, SearchPage({ ctx, values: form.values, errors, result, workPlaces, placeName, pageHref }));
    });
  }
}

/** The current URL with `page` replaced (the rest of the query kept). */
export function withPage(url: string, page: number): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set('page', String(page));
  return `${path === '/' ? '/jobs' : path}?${params.toString()}`;
}
