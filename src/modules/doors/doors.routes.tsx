// The landing pages of the two other front doors. Their sign-in and services arrive with the
// applicant-platform and eCPA issues; until then each page says what the door is for.
import Html from '@kitajs/html';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../container.ts';
import { pageContext } from '../../platform/http/context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { CountersPanel, readCounters } from '../counters/index.ts';
import { routes } from '../../platform/http/route-options.ts';

export async function doorRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/platform', routes.public, async (req, reply) => {
    const ctx = pageContext(req, reply, !services.config.isProduction);
    return sendPage(
      reply,
      <Layout ctx={ctx} title={ctx.t('site.platform')} door="platform">
        <h1 safe>{ctx.t('site.platform')}</h1>
        <p>應徵「不須具公務人員任用資格」的職缺（約僱、聘用、工友、技工、駕駛、代理教師等）：註冊帳號、填寫履歷、線上應徵、查詢應徵紀錄，並回覆機關的面試與錄取通知。</p>
        {ctx.principal?.kind === 'applicant' ? (
          <ul class="door-links">
            <li>
              <a href="/platform/resume">履歷填寫</a>
            </li>
            <li>
              <a href="/platform/apply">應徵職缺</a>
            </li>
            <li>
              <a href="/platform/applications">我的應徵</a>
            </li>
            <li>
              <a href="/platform/notices">通知我的職缺</a>
            </li>
            <li>
              <a href="/platform/account/password">變更密碼</a>
            </li>
            <li>
              <a href="/platform/account/email">變更帳號</a>
            </li>
          </ul>
        ) : (
          <ul class="door-links">
            <li>
              <a href="/platform/login">登入</a>
            </li>
            <li>
              <a href="/platform/register">註冊</a>
            </li>
            <li>
              <a href="/platform/resend">重寄確認信</a>
            </li>
            <li>
              <a href="/platform/forgot">忘記密碼</a>
            </li>
          </ul>
        )}
        <p>
          <a href="/jobs">{Html.escapeHtml(ctx.t('nav.jobs'))}</a>
        </p>
      </Layout>,
    );
  });

  app.get('/ecpa', routes.public, async (req, reply) => {
    const ctx = pageContext(req, reply, !services.config.isProduction);
    const counters = await readCounters(services);
    return sendPage(
      reply,
      <Layout ctx={ctx} title={ctx.t('site.ecpa')} door="ecpa">
        <h1 safe>{ctx.t('site.ecpa')}</h1>
        <p>機關人事人員以自然人憑證、機關憑證、健保卡或帳號登入人事服務網，使用「DD:事求人機關徵才系統」登錄職缺與調閱履歷；公務人員使用「DK:職缺應徵」應徵須具公務人員任用資格之職缺。</p>
        <section class="ecpa-signin" aria-labelledby="ecpa-signin-title">
          <h2 id="ecpa-signin-title">帳號登入</h2>
          {ctx.principal?.kind === 'staff' ? (
            <p>
              <a class="button" href="/ecpa/apps">
                前往應用系統
              </a>
            </p>
          ) : (
            <p>
              <a class="button" href="/ecpa/login">
                以人事服務網帳號登入
              </a>{' '}
              <a href="/ecpa/forgot">忘記密碼</a>
            </p>
          )}
        </section>
        <CountersPanel ctx={ctx} counters={counters} />
      </Layout>,
    );
  });
}
