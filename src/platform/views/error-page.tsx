import Html from '@kitajs/html';
import type { PageContext } from '../http/context.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { Layout } from './layout.tsx';

const BODY: Record<number, [MessageKey, MessageKey]> = {
  400: ['error.400.title', 'error.400.body'],
  403: ['error.403.title', 'error.403.body'],
  404: ['error.404.title', 'error.404.body'],
  410: ['error.410.title', 'error.404.body'],
  413: ['error.413.title', 'error.413.body'],
  429: ['error.429.title', 'error.429.body'],
  500: ['error.500.title', 'error.500.body'],
};

export function ErrorPage({ ctx, status, reference, message }: { ctx: PageContext; status: number; reference?: string; message?: string }): JSX.Element {
  const [titleKey, bodyKey] = BODY[status] ?? BODY[500]!;
  const title = ctx.t(titleKey);
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p safe>{message ?? ctx.t(bodyKey)}</p>
      {reference ? (
        <p>
          {Html.escapeHtml(ctx.t('error.code'))}：<code safe>{reference}</code>
        </p>
      ) : (
        ''
      )}
      <p>
        <a href="/" safe>
          {ctx.t('error.home')}
        </a>
      </p>
    </Layout>
  );
}
