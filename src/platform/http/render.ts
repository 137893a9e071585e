import type { FastifyReply } from 'fastify';

/** Sends a rendered JSX page as HTML. Pages are never cached by shared caches (they may hold a CSRF token). */
export async function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): Promise<FastifyReply> {
  const html = await page;
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}
