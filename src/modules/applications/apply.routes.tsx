// The applicant platform's landing for 【我要應徵】 and the QR code of an open job (PUB-3): after sign-in, an
// applicant without a saved resume goes to 履歷填寫 and comes back here; with one, this page shows the job and the
// resume that would be sent. The application itself (【確認應徵】, APP-1..7) belongs to the applications issue and
// is not built yet: the page says so and shows how to apply meanwhile.
import Html from '@kitajs/html';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../container.ts';
import { pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/http/render.ts';
import { RocDate } from '../../platform/views/components.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { resumes } from '../resumes/index.ts';
import { publishedOn, vacancies } from '../vacancies/index.ts';
import { routes } from '../../platform/http/route-options.ts';

export async function applyRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/platform/apply/:workId', routes.applicant, async (req, reply) => {
    const { workId } = req.params as { workId: string };
    if (!/^\d{10}$/.test(workId)) throw new AppError('not-found');
    const [job] = await services.db
      .select({ workId: vacancies.workId, title: vacancies.title, orgName: vacancies.orgName, validTo: vacancies.validTo, accessMode: vacancies.accessMode, contactMethod: vacancies.contactMethod })
      .from(vacancies)
      .where(and(eq(vacancies.workId, workId), publishedOn(services.clock.today())));
    if (!job) throw new AppError('not-found');
    if (job.accessMode !== 'open') return reply.redirect(`/jobs/${workId}/apply`, 303);
    const [resume] = await services.db.select({ id: resumes.id }).from(resumes).where(eq(resumes.applicantId, req.principal!.id));
    // PUB-3: no saved resume → 履歷填寫 first, then back to this job.
    if (!resume) return reply.redirect(`/platform/resume?next=${encodeURIComponent(`/platform/apply/${workId}`)}`, 303);
    const ctx = pageContext(req, reply, !services.config.isProduction);
    return sendPage(
      reply,
      <Layout ctx={ctx} title="應徵職缺" door="platform">
        <h1>應徵職缺</h1>
        <dl class="fields">
          <dt>職缺編號</dt>
          <dd safe>{job.workId}</dd>
          <dt>職稱</dt>
          <dd>
            <a href={`/jobs/${job.workId}`} safe>
              {job.title}
            </a>
          </dd>
          <dt>機關名稱</dt>
          <dd safe>{job.orgName}</dd>
          <dt>上網有效期間至</dt>
          <dd>
            <RocDate date={job.validTo} />
          </dd>
        </dl>
        <p>
          您的履歷已儲存，可先<a href="/platform/resume/preview">預覽履歷</a>確認內容。
        </p>
        <div class="notice" role="note">
          <h2>線上應徵尚未開放</h2>
          <p>本平台的「確認應徵」功能尚在建置中。請依職缺的聯絡方式應徵：</p>
          <p class="pre" safe>
            {job.contactMethod || '（請見職缺頁）'}
          </p>
        </div>
      </Layout>,
    );
  });
}

export { Html };
