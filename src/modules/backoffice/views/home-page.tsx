// 切換至後臺 lands here: what waits for the back office, and its functions.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { BackofficePage } from './backoffice-page.tsx';

export interface HomeFigures {
  flagged: number;
  failedMail: number;
  pendingMail: number;
}

export function HomePage({ ctx, figures }: { ctx: PageContext; figures: HomeFigures }): JSX.Element {
  return (
    <BackofficePage ctx={ctx} title="人事總處後臺" section="home">
      <ul class="backoffice-home">
        <li>
          <a href="/backoffice/review" safe>{`職缺審核：待審核 ${figures.flagged} 筆`}</a>
          <p class="hint">自動檢核暫不刊登的職缺：審核通過、審核不通過。</p>
        </li>
        <li>
          <a href="/backoffice/vacancies">職缺查詢</a>
          <p class="hint">查詢所有機關的職缺（職缺編號、機關、關鍵字、刊登日期、審核狀態、來源），並可下架。</p>
        </li>
        <li>
          <a href="/backoffice/audit">稽核紀錄</a>
          <p class="hint">誰在何時、從何處做了什麼；可匯出 CSV。</p>
        </li>
        <li>
          <a href="/backoffice/outbox" safe>{`郵件佇列：失敗 ${figures.failedMail} 封，待寄 ${figures.pendingMail} 封`}</a>
          <p class="hint">已寄出、待寄及寄送失敗的郵件；失敗者可重寄。</p>
        </li>
        <li>
          <a href="/backoffice/dashboard">統計圖表</a>
          <p class="hint">每日應徵件數、刊登中職缺的職系與工作地、履歷產製、郵件佇列、今日線上人數。</p>
        </li>
      </ul>
    </BackofficePage>
  );
}

export { Html };
