// ACS-3 調閱簡歷: an on-screen summary of each active applicant from the frozen snapshot — basic data without the
// full ID number, education, experience, languages, skills. No download.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { formatRoc } from '../../../platform/tw/roc-date.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { ApplicationRow } from '../../applications/index.ts';
import type { AccessVacancy } from '../access.http.ts';
import { accessPaths } from '../access.paths.ts';
import { maskId } from '../access.rules.ts';
import { contactOf } from '../access.view-model.ts';

const roc = (iso: string) => (iso ? formatRoc(iso) : '');
const period = (a: string, b: string) => `${roc(a)}～${b ? roc(b) : ''}`;

export function SummariesPage({ ctx, vacancy: v, rows }: { ctx: PageContext; vacancy: AccessVacancy; rows: ApplicationRow[] }): JSX.Element {
  return (
    <Layout ctx={ctx} title={`調閱簡歷 ${v.workId}`} door="ecpa">
      <h1>調閱簡歷</h1>
      <p>
        <span safe>{`職缺編號：${v.workId}　職稱：${v.title}`}</span>
        <br />
        <a href={accessPaths.applicants(v.id)}>回應徵人員列表</a>
      </p>
      <p safe>{`共${rows.length}人`}</p>
      {rows.map((r, i) => {
        const c = contactOf(r);
        const d = r.resumeSnapshot?.data;
        return (
          <section class="resume-summary" aria-labelledby={`s-${r.id}`}>
            <h2 id={`s-${r.id}`} safe>{`${i + 1}. ${c.name}`}</h2>
            <dl>
              <dt>身分證字號</dt>
              <dd safe>{maskId(c.idNumber)}</dd>
              <dt>性別</dt>
              <dd safe>{c.gender}</dd>
              <dt>出生</dt>
              <dd safe>{c.birth}</dd>
              <dt>電話</dt>
              <dd safe>{c.phone}</dd>
              <dt>聯絡Email</dt>
              <dd safe>{c.email}</dd>
              <dt>應徵時間</dt>
              <dd safe>{c.appliedAt}</dd>
            </dl>
            <h3>學歷</h3>
            <ul>
              {(d?.education ?? []).map((e) => (
                <li safe>{`${e.school} ${e.department} ${e.degree} ${e.status} ${period(e.startDate, e.endDate)}`}</li>
              ))}
            </ul>
            <h3>經歷</h3>
            <ul>
              {(d?.experience ?? []).map((e) => (
                <li safe>{`${e.organization} ${e.jobTitle} ${e.status} ${period(e.startDate, e.endDate)}`}</li>
              ))}
            </ul>
            <h3>語言能力</h3>
            <ul>
              {(d?.languages ?? []).map((l) => (
                <li safe>{`${l.language}：聽 ${l.listening || '-'}、說 ${l.speaking || '-'}、讀 ${l.reading || '-'}、寫 ${l.writing || '-'}`}</li>
              ))}
            </ul>
            <h3>專長</h3>
            <p safe>{d?.skills ?? ''}</p>
          </section>
        );
      })}
    </Layout>
  );
}

export { Html };
