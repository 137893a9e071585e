// 查看通知 (ACS-7, agency), the applicant's 通知我的職缺 lists and 【回覆】 page (NTF-1, NTF-2).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { rocDateTime } from '../../../platform/mail/compose.ts';
import { Csrf } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { interviewWhen } from '../notice.mails.ts';
import { noticeMessages } from '../notice.messages.ts';
import type { NoticeView } from '../notice.repo.ts';
import { KIND_REPLIES, kindText, replyButton, replyText } from '../notice.rules.ts';
import { dkPaths, DkNav } from '../../applications/index.ts';

/** Where a person reads their notices: 應徵平台 (/platform/notices) or DK 職缺應徵 on 人事服務網 (/ecpa/dk/notices). */
export interface NoticeDoor {
  door: 'platform' | 'ecpa';
  list: string;
  notice: (id: string) => string;
  ics: (id: string) => string;
  reply: (id: string) => string;
}

export const PLATFORM_DOOR: NoticeDoor = {
  door: 'platform',
  list: '/platform/notices',
  notice: (id) => `/platform/notices/${encodeURIComponent(id)}`,
  ics: (id) => `/platform/notices/${encodeURIComponent(id)}/ics`,
  reply: (id) => `/platform/notices/${encodeURIComponent(id)}/reply`,
};

export const DK_DOOR: NoticeDoor = { door: 'ecpa', list: dkPaths.notices, notice: dkPaths.notice, ics: dkPaths.noticeIcs, reply: dkPaths.noticeReply };

export function NoticeDetails({ ctx, view, icsHref }: { ctx: PageContext; view: NoticeView; icsHref: string | null }): JSX.Element {
  const t = noticeMessages(ctx.locale);
  const n = view.notice;
  const when = interviewWhen(n);
  return (
    <dl class="notice-info">
      <dt safe>{t['form.agency']}</dt>
      <dd safe>{view.vacancy.orgName}</dd>
      <dt safe>{t['form.workId']}</dt>
      <dd safe>{`${view.vacancy.workId} ${view.vacancy.title}`}</dd>
      <dt safe>{t['form.to']}</dt>
      <dd safe>{view.applicantName}</dd>
      <dt safe>{t['view.kind']}</dt>
      <dd safe>{kindText(n.kind)}</dd>
      <dt safe>{t['view.sentAt']}</dt>
      <dd safe>{rocDateTime(n.sentAt)}</dd>
      <dt safe>{t['view.content']}</dt>
      <dd class="pre-wrap" safe>{n.content}</dd>
      <dt safe>{t['view.contactName']}</dt>
      <dd safe>{n.contactName}</dd>
      <dt safe>{t['view.contactPhone']}</dt>
      <dd safe>{n.contactPhone}</dd>
      <dt safe>{t['view.contactEmail']}</dt>
      <dd safe>{n.contactEmail}</dd>
      {when ? (
        <>
          <dt safe>{t['view.interview']}</dt>
          <dd>
            {Html.escapeHtml(when)}
            {icsHref ? (
              <>
                {' '}
                <a href={icsHref} safe>
                  {t['view.ics']}
                </a>
              </>
            ) : (
              ''
            )}
          </dd>
        </>
      ) : (
        ''
      )}
      <dt safe>{t['view.reply']}</dt>
      <dd safe>{n.reply ? replyText(n.kind, n.reply) : t['view.notReplied']}</dd>
      <dt safe>{t['view.repliedAt']}</dt>
      <dd>{n.repliedAt ? rocDateTime(n.repliedAt) : '—'}</dd>
    </dl>
  );
}

export function AgencyNoticePage({ ctx, view, back }: { ctx: PageContext; view: NoticeView; back: string }): JSX.Element {
  const t = noticeMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t['title.view']} door="ecpa">
      <h1 safe>{t['title.view']}</h1>
      <NoticeDetails ctx={ctx} view={view} icsHref={null} />
      <p>
        <a href={back} safe>
          {t['form.back']}
        </a>
      </p>
    </Layout>
  );
}

function MineTable({ ctx, caption, rows, at }: { ctx: PageContext; caption: string; rows: NoticeView[]; at: NoticeDoor }): JSX.Element {
  const t = noticeMessages(ctx.locale);
  return (
    <section>
      <h2 safe>{caption}</h2>
      {rows.length === 0 ? (
        <p safe>{t['mine.empty']}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" safe>
              {caption}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>{t['form.workId']}</th>
                <th scope="col" safe>{t['mine.title']}</th>
                <th scope="col" safe>{t['mine.agency']}</th>
                <th scope="col" safe>{t['view.sentAt']}</th>
                <th scope="col" safe>{t['mine.status']}</th>
                <th scope="col" safe>{t['mine.reply']}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td safe>{r.vacancy.workId}</td>
                  <td safe>{r.vacancy.title}</td>
                  <td safe>{r.vacancy.orgName}</td>
                  <td safe>{rocDateTime(r.notice.sentAt)}</td>
                  <td safe>{r.notice.reply ? replyText(r.notice.kind, r.notice.reply) : t['view.notReplied']}</td>
                  <td>
                    <a href={at.notice(r.notice.id)} aria-label={`${t['mine.reply']} ${r.vacancy.title}`} safe>
                      {`【${t['mine.reply']}】`}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function MyNoticesPage({ ctx, interview, offer, at = PLATFORM_DOOR }: { ctx: PageContext; interview: NoticeView[]; offer: NoticeView[]; at?: NoticeDoor }): JSX.Element {
  const t = noticeMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t['title.mine']} door={at.door}>
      <h1 safe>{t['title.mine']}</h1>
      {at.door === 'ecpa' ? <DkNav ctx={ctx} /> : ''}
      <MineTable ctx={ctx} caption={t['mine.interview']} rows={interview} at={at} />
      <MineTable ctx={ctx} caption={t['mine.offer']} rows={offer} at={at} />
    </Layout>
  );
}

export function MyNoticePage({ ctx, view, problem, at = PLATFORM_DOOR }: { ctx: PageContext; view: NoticeView; problem?: string; at?: NoticeDoor }): JSX.Element {
  const t = noticeMessages(ctx.locale);
  const n = view.notice;
  const ics = n.interviewDate && n.interviewTime ? at.ics(n.id) : null;
  return (
    <Layout ctx={ctx} title={t['title.reply']} door={at.door}>
      <h1 safe>{t['title.reply']}</h1>
      {problem ? (
        <div class="alert alert-error" role="alert">
          <p safe>{problem}</p>
        </div>
      ) : (
        ''
      )}
      <NoticeDetails ctx={ctx} view={view} icsHref={ics} />
      {n.reply === null ? (
        <form method="post" action={at.reply(n.id)} class="notice-reply">
          <Csrf ctx={ctx} />
          {KIND_REPLIES[n.kind].map((r) => (
            <>
              <button type="submit" name="reply" value={r} class={r === 'declined' ? 'secondary' : undefined} safe>
                {`【${replyButton(n.kind, r)}】`}
              </button>{' '}
            </>
          ))}
        </form>
      ) : (
        ''
      )}
      <p>
        <a href={at.list} safe>
          {t['form.back']}
        </a>
      </p>
    </Layout>
  );
}
