// ACS-3 調閱簡歷: an on-screen summary of each active applicant from the frozen snapshot — basic data without the
// full ID number, education, experience, languages, skills. No download.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { formatRoc } from '../../../platform/tw/roc-date.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { ApplicationRow } from '../../applications/index.ts';
import type { AccessVacancy } from '../access.http.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { accessMessages } from '../access.messages.ts';
import { accessPaths } from '../access.paths.ts';
import { maskId } from '../access.rules.ts';
import { contactOf } from '../access.view-model.ts';

const roc = (iso: string) => (iso ? formatRoc(iso) : '');
const period = (a: string, b: string) => `${roc(a)}～${b ? roc(b) : ''}`;

export function SummariesPage({ ctx, vacancy: v, rows }: { ctx: PageContext; vacancy: AccessVacancy; rows: ApplicationRow[] }): JSX.Element {
  const m = accessMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={`${m['title.summaries']} ${v.workId}`} door="ecpa">
      <h1 safe>{m['title.summaries']}</h1>
      <p>
        <span safe>{`${fill(m.workId, { workId: v.workId, mode: '' }).trim()}　${fill(m.jobTitle, { title: v.title })}`}</span>
        <br />
        <a href={accessPaths.applicants(v.id)} safe>
          {m['nav.list']}
        </a>
      </p>
      <p safe>{fill(m.total, { count: rows.length })}</p>
      {rows.map((r, i) => {
        const c = contactOf(r);
        const d = r.resumeSnapshot?.data;
        return (
          <section class="resume-summary" aria-labelledby={`s-${r.id}`}>
            <h2 id={`s-${r.id}`} safe>{`${i + 1}. ${c.name}`}</h2>
            <dl>
              <dt safe>{m['col.id']}</dt>
              <dd safe>{maskId(c.idNumber)}</dd>
              <dt safe>{m['col.gender']}</dt>
              <dd safe>{c.gender}</dd>
              <dt safe>{m['col.birth']}</dt>
              <dd safe>{c.birth}</dd>
              <dt safe>{m['col.phone']}</dt>
              <dd safe>{c.phone}</dd>
              <dt safe>{m['col.email']}</dt>
              <dd safe>{c.email}</dd>
              <dt safe>{m['col.applied']}</dt>
              <dd safe>{c.appliedAt}</dd>
            </dl>
            <h3 safe>{m['summary.education']}</h3>
            <ul>
              {(d?.education ?? []).map((e) => (
                <li safe>{`${e.school} ${e.department} ${e.degree} ${e.status} ${period(e.startDate, e.endDate)}`}</li>
              ))}
            </ul>
            <h3 safe>{m['summary.experience']}</h3>
            <ul>
              {(d?.experience ?? []).map((e) => (
                <li safe>{`${e.organization} ${e.jobTitle} ${e.status} ${period(e.startDate, e.endDate)}`}</li>
              ))}
            </ul>
            <h3 safe>{m['summary.languages']}</h3>
            <ul>
              {(d?.languages ?? []).map((l) => (
                <li safe>{fill(m['summary.language'], { language: l.language, listening: l.listening || '-', speaking: l.speaking || '-', reading: l.reading || '-', writing: l.writing || '-' })}</li>
              ))}
            </ul>
            <h3 safe>{m['summary.skills']}</h3>
            <p safe>{d?.skills ?? ''}</p>
          </section>
        );
      })}
    </Layout>
  );
}

export { Html };
