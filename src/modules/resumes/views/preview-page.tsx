// 履歷預覽 (RES-13): the latest saved resume exactly as agencies see it — the ResumeDocument the PDF prints,
// with the PDF's labels, sections and order (應徵人員履歷表) — plus 下載 PDF. Text only: everything escaped.
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { RESUME_LABELS as L, type ResumeDocument } from '../../../platform/pdf/index.ts';
import { period, rocOrRaw } from '../../../platform/pdf/resume-format.rules.ts';
import { rocDateTime } from '../resume.mails.ts';
import { resumePaths } from '../resume.paths.ts';
import { msgs, ResumePage } from './parts.tsx';

export interface PreviewProps {
  ctx: PageContext;
  doc: ResumeDocument;
  savedAt: Date;
  hasPhoto: boolean;
  hasAttachment: boolean;
  /** Characters the PDF font cannot print (shown as 〓 there). */
  unprintable: string[];
}

function Table({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }): JSX.Element {
  return (
    <div class="table-wrap">
      <table class="data-table rp-table">
        <caption class="visually-hidden" safe>
          {caption}
        </caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col" safe>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colspan={String(headers.length)}>
                {L.none}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr>
                {r.map((c, i) => (
                  <td data-label={headers[i]} safe>
                    {c}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function ResumePreviewPage({ ctx, doc, savedAt, hasPhoto, hasAttachment, unprintable }: PreviewProps): JSX.Element {
  const m = msgs(ctx);
  return (
    <ResumePage ctx={ctx} title={m['title.preview']}>
      <p safe>{m['preview.intro']}</p>
      <p safe>{fill(m['preview.savedAt'], { at: rocDateTime(savedAt) })}</p>
      <div class="actions">
        <a class="button" href={resumePaths.pdf} download="" safe>
          {m['preview.downloadPdf']}
        </a>
        <a class="button secondary" href={resumePaths.form} safe>
          {m['preview.edit']}
        </a>
      </div>
      {unprintable.length ? (
        <p class="resume-notice" safe>
          {fill(m['preview.unprintable'], { chars: unprintable.join(' ') })}
        </p>
      ) : (
        ''
      )}
      <ResumePreviewArticle ctx={ctx} doc={doc} hasPhoto={hasPhoto} hasAttachment={hasAttachment} />
    </ResumePage>
  );
}

/** The resume as agencies see it (also shown on 應徵職缺, APP-2). Photo and attachment link to the owner's saved files. */
export function ResumePreviewArticle({ ctx, doc, hasPhoto, hasAttachment }: { ctx: PageContext; doc: ResumeDocument; hasPhoto: boolean; hasAttachment: boolean }): JSX.Element {
  const m = msgs(ctx);
  const b = doc.basic;
  const basicRows: [string, string][] = [
    [L.basic.chineseName, b.chineseName],
    [L.basic.englishName, b.englishName],
    [L.basic.idNumber, b.idNumber],
    [L.basic.gender, b.gender],
    [L.basic.birthDate, rocOrRaw(b.birthDate)],
    [L.basic.phone, b.phone],
    [L.basic.email, b.email],
    [L.basic.address, b.address],
    [L.basic.identityNote, b.identityNote],
  ];
  const E = L.education;
  const X = L.experience;
  const G = L.languages;
  return (
    <article class="resume-preview" aria-labelledby="rp-title" lang="zh-Hant-TW">
      <h2 id="rp-title" class="rp-title">
        {L.title}
      </h2>
      <h3>{L.sections.basic}</h3>
      <div class="rp-basic">
        <dl class="fields">
          {basicRows.map(([label, value]) => (
            <>
              <dt safe>{label}</dt>
              <dd safe>{value}</dd>
            </>
          ))}
        </dl>
        <figure class="rp-photo">
          {hasPhoto ? <img src={resumePaths.photo} alt={m['preview.photoAlt']} width="150" /> : <span class="rp-photo-empty" safe>{L.photoHint.replace(/\n/g, '')}</span>}
          <figcaption>{L.photo}</figcaption>
        </figure>
      </div>
      <h3>{L.sections.education}</h3>
      <Table
        caption={L.sections.education}
        headers={[E.school, E.department, E.degree, E.status, E.period]}
        rows={doc.education.map((e) => [e.school, e.department, e.degree, e.status, period(e.startDate, e.endDate, e.status)])}
      />
      <h3>{L.sections.experience}</h3>
      <Table
        caption={L.sections.experience}
        headers={[X.organization, X.jobTitle, X.status, X.period]}
        rows={doc.experience.map((e) => [e.organization, e.jobTitle, e.status, period(e.startDate, e.endDate, e.status)])}
      />
      <h3>{L.sections.languages}</h3>
      <Table caption={L.sections.languages} headers={[G.language, G.listening, G.speaking, G.reading, G.writing]} rows={doc.languages.map((g) => [g.language, g.listening, g.speaking, g.reading, g.writing])} />
      <h3>{L.sections.skills}</h3>
      <div class="rp-text" safe>
        {doc.skills}
      </div>
      <h3>{L.sections.autobiography}</h3>
      <div class="rp-text" safe>
        {doc.autobiography}
      </div>
      <h3>{L.sections.attachment}</h3>
      <dl class="fields">
        <dt>{L.attachmentFile}</dt>
        <dd>
          {hasAttachment ? (
            <a href={resumePaths.attachment} safe>
              {doc.attachmentFileName}
            </a>
          ) : (
            ''
          )}
        </dd>
      </dl>
    </article>
  );
}
