import type { FastifyReply } from 'fastify';

/** Sends a rendered JSX page as HTML. Pages are never cached by shared caches (they may hold a CSRF token). */
export async function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): Promise<FastifyReply> {
  const html = await page;
  return sendHtml(reply, html, status);
}

/** Sends an HTML body (a string, or the bytes of a kept page: page-cache.ts) with the headers of every page. */
export function sendHtml(reply: FastifyReply, html: string | Buffer, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}
