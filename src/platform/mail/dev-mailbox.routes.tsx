// /dev/mail: outside production, every message of the outbox with its links clickable, so that a
// developer (or a browser test) can follow activation and reset links without a mail server.
import Html from '@kitajs/html';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PlatformServices } from '../services.ts';
import { pageContext } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { sendPage } from '../http/render.ts';
import { getMail, listMail } from '../outbox/outbox.ts';
import { DataTable, Pagination, type Column } from '../views/components.tsx';
import { Layout } from '../views/layout.tsx';
import type { OutboxMessage } from '../outbox/outbox.ts';
import { routes } from '../http/route-options.ts';

const PAGE = 50;

/** Escapes the text and makes http(s) links clickable. */
export function linkify(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"']+)/g)
    .map((part, i) => (i % 2 === 1 ? `<a href="${Html.escapeHtml(part)}">${Html.escapeHtml(part)}</a>` : Html.escapeHtml(part)))
    .join('');
}

const taipeiTime = new Intl.DateTimeFormat('zh-TW', { timeZone: 'Asia/Taipei', dateStyle: 'short', timeStyle: 'medium', hour12: false });

export async function devMailboxRoutes(app: FastifyInstance, services: PlatformServices): Promise<void> {
  if (services.config.isProduction) return;

  app.get('/dev/mail', routes.public, async (req, reply) => {
    const q = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1), to: z.string().max(200).optional().catch(undefined) }).parse(req.query);
    const { items, total } = await listMail(services.db, { limit: PAGE, offset: (q.page - 1) * PAGE, ...(q.to ? { to: q.to } : {}) });
    const ctx = pageContext(req, reply, true);
    const columns: Column<OutboxMessage>[] = [
      { header: '時間', cell: (m) => <span safe>{taipeiTime.format(m.createdAt)}</span> },
      { header: '收件者', cell: (m) => <span safe>{m.to}</span> },
      {
        header: '主旨',
        cell: (m) => (
          <a href={`/dev/mail/${m.id}`} safe>
            {m.subject}
          </a>
        ),
      },
      { header: '狀態', cell: (m) => <span>{m.state}</span> },
    ];
    const pages = Math.max(1, Math.ceil(total / PAGE));
    return sendPage(
      reply,
      <Layout ctx={ctx} title={ctx.t('dev.mail.title')}>
        <h1 safe>{ctx.t('dev.mail.title')}</h1>
        <p>未設定 SMTP_URL 時，系統寄出的信件都留在這裡（僅開發與測試環境提供）。</p>
        <DataTable caption="信件" columns={columns} rows={items} empty="尚無信件" />
        <Pagination ctx={ctx} page={q.page} pages={pages} total={total} href={(p) => `/dev/mail?page=${p}`} />
      </Layout>,
    );
  });

  app.get('/dev/mail/:id', routes.public, async (req, reply) => {
    const { id } = req.params as { id: string };
    const mail = await getMail(services.db, id);
    if (!mail) throw new AppError('not-found');
    const ctx = pageContext(req, reply, true);
    const safeBody = linkify(mail.text);
    return sendPage(
      reply,
      <Layout ctx={ctx} title={mail.subject}>
        <h1 safe>{mail.subject}</h1>
        <dl class="fields">
          <dt>收件者</dt>
          <dd safe>{mail.to}</dd>
          <dt>時間</dt>
          <dd safe>{taipeiTime.format(mail.createdAt)}</dd>
          <dt>狀態</dt>
          <dd>{mail.state}</dd>
        </dl>
        <h2>內容</h2>
        <div class="mail-body">{safeBody}</div>
        <p>
          <a href="/dev/mail">回信件列表</a>
        </p>
      </Layout>,
    );
  });
}
