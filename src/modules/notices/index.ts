// Front door of the notices module (ADR 0003): 通知面試 / 批次通知面試 / 錄取通知 / 查看通知 / 查詢回覆紀錄 on the agency
// side (ACS-5..ACS-9) and 通知面試職缺 / 錄取通知職缺 with the one reply on the applicant side (NTF-1, NTF-2).
import type { Services } from '../../container.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { AppModule } from '../../platform/module.ts';
import { latestInterviewNotices } from './notice.repo.ts';
import { interviewStatus, type InterviewStatus } from './notice.rules.ts';
import { noticeHref, noticeRoutes } from './notice.routes.ts';

export const noticesModule: AppModule<Services> = {
  name: 'notices',
  routes: (app, services) => noticeRoutes(app, services),
};

export { notices, type NoticeKind, type NoticeReply } from './notice.schema.ts';
export { singleNoticeHref, noticeHref } from './notice.routes.ts';
export { allAgencyNotices, type AllNoticesFilter, type NoticeView } from './notice.repo.ts';
export { noticesCsv } from './notice.csv.ts';
export { kindText, replyText } from './notice.rules.ts';

/**
 * ACS-7 面試回覆狀態 of each application from its latest interview notice ('' without one), and the 查看通知 page
 * (null without a notice). Applications without a notice are in the map too.
 */
export async function noticeStatuses(db: Queryable, applicationIds: readonly string[]): Promise<Map<string, { status: InterviewStatus; href: string | null }>> {
  const latest = await latestInterviewNotices(db, applicationIds);
  const out = new Map<string, { status: InterviewStatus; href: string | null }>();
  for (const id of applicationIds) {
    const n = latest.get(id) ?? null;
    out.set(id, { status: interviewStatus(n), href: n ? noticeHref(n.id) : null });
  }
  return out;
}
