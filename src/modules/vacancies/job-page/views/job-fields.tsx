// The public fields of one job (PUB-2), shared by the job page and its print version. Markup only: every
// value from the posting is escaped (`safe`); long free text keeps its line breaks through CSS pre-wrap.
import Html from '@kitajs/html';
import { RocDate } from '../../../../platform/views/components.tsx';
import type { JobPageMessages } from '../job-page.messages.ts';
import type { AttachmentRow } from '../job-page.repo.ts';
import { downloadExtension, formatFileSize, httpUrl, jobPath, mailtoAddress, specialConditions, workPlaceNames, type VacancyRow } from '../job-page.rules.ts';
import { linkifyHtml } from '../linkify.rules.ts';

function Row({ label, children }: { label: string; children?: Html.Children }): JSX.Element {
  return (
    <>
      <dt safe>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Text({ value, m }: { value: string; m: JobPageMessages }): JSX.Element {
  const v = value.trim();
  const safeLinked = linkifyHtml(v); // escaped; http(s) URLs and e-mail addresses as links
  return v ? <span>{safeLinked}</span> : <span class="job-muted" safe>{m['value.none']}</span>;
}

export function ContactEmail({ v, m }: { v: VacancyRow; m: JobPageMessages }): JSX.Element {
  const address = mailtoAddress(v.vitaeEmail);
  return (
    <>
      {address ? (
        <a href={`mailto:${address}`} safe>
          {address}
        </a>
      ) : (
        <Text value={v.vitaeEmail} m={m} />
      )}
      {v.resumesByEmail && v.vitaeEmail.trim() ? <span class="job-note" safe>{`（${m['email.byEmail']}）`}</span> : ''}
    </>
  );
}

/** 職缺編號 … 刊登日期: the short fields as a description list. */
export function JobSummary({ v, m }: { v: VacancyRow; m: JobPageMessages }): JSX.Element {
  const special = specialConditions(v);
  const link = httpUrl(v.urlLink);
  const headcount = v.numberOfText.trim() || (v.headcount === null ? '' : String(v.headcount));
  return (
    <section aria-labelledby="job-basic">
      <h2 id="job-basic" safe>
        {m['section.basic']}
      </h2>
      <dl class="fields job-fields">
        <Row label={m['label.workId']}>
          <span safe>{v.workId}</span>
        </Row>
        <Row label={m['label.org']}>
          <Text value={v.orgName} m={m} />
        </Row>
        <Row label={m['label.title']}>
          <Text value={v.title} m={m} />
        </Row>
        <Row label={m['label.personKind']}>
          <Text value={v.personKind} m={m} />
        </Row>
        <Row label={m['label.rankType']}>
          <Text value={v.rankTypes.length ? v.rankTypes.join('、') : v.typeText.replace(/,/g, '、')} m={m} />
        </Row>
        <Row label={m['label.rank']}>
          <Text value={v.rankText} m={m} />
        </Row>
        <Row label={m['label.sysnam']}>
          <Text value={v.sysnamText} m={m} />
        </Row>
        <Row label={m['label.headcount']}>
          <Text value={headcount} m={m} />
        </Row>
        {v.reserveNum?.trim() ? (
          <Row label={m['label.reserve']}>
            <Text value={v.reserveNum} m={m} />
          </Row>
        ) : (
          ''
        )}
        <Row label={m['label.gender']}>
          <span safe>{m[`gender.${v.gender}`]}</span>
        </Row>
        <Row label={m['label.workPlace']}>
          <Text value={workPlaceNames(v)} m={m} />
        </Row>
        <Row label={m['label.valid']}>
          <RocDate date={v.validFrom} />～<RocDate date={v.validTo} />
        </Row>
        {special.length ? (
          <Row label={m['label.special']}>
            <ul class="job-plain-list">
              {special.map((s) => (
                <li safe>{m[`special.${s}`]}</li>
              ))}
            </ul>
          </Row>
        ) : (
          ''
        )}
        <Row label={m['label.email']}>
          <ContactEmail v={v} m={m} />
        </Row>
        <Row label={m['label.accessMode']}>
          <span safe>{m[`access.${v.accessMode}`]}</span>
          {v.workType?.trim() ? <span class="job-text" safe>{`\n${v.workType.trim()}`}</span> : ''}
        </Row>
        {link ? (
          <Row label={m['label.link']}>
            <a href={link} rel="noopener noreferrer external" safe>
              {link}
            </a>
          </Row>
        ) : (
          ''
        )}
        <Row label={m['label.posted']}>
          <RocDate date={v.postedAt} />
        </Row>
      </dl>
    </section>
  );
}

/** 一、資格條件 … 四、聯絡方式: long free text, line breaks kept. */
export function JobTexts({ v, m }: { v: VacancyRow; m: JobPageMessages }): JSX.Element {
  const parts = [
    { id: 'job-quality', label: m['section.quality'], text: v.workQuality },
    { id: 'job-item', label: m['section.item'], text: v.workItem },
    { id: 'job-address', label: m['section.address'], text: v.workAddress },
    { id: 'job-contact', label: m['section.contact'], text: v.contactMethod },
  ];
  return (
    <>
      {parts.map((p) => (
        <section aria-labelledby={p.id} class="job-section">
          <h2 id={p.id} safe>
            {p.label}
          </h2>
          <div class="job-text">
            <Text value={p.text} m={m} />
          </div>
        </section>
      ))}
    </>
  );
}

/** 職缺相關附件: each with its type and size; links download through /jobs/<id>/attachments/<uuid>. */
export function JobAttachments({ v, attachments, m }: { v: VacancyRow; attachments: AttachmentRow[]; m: JobPageMessages }): JSX.Element {
  return (
    <section aria-labelledby="job-attachments" class="job-section">
      <h2 id="job-attachments" safe>
        {m['section.attachments']}
      </h2>
      {attachments.length === 0 ? (
        <p safe>{m['attachments.none']}</p>
      ) : (
        <ul class="job-attachment-list">
          {attachments.map((a) => (
            <li>
              <a href={`${jobPath(v.workId)}/attachments/${a.id}`} safe>
                {a.originalName}
              </a>{' '}
              <span class="job-muted" safe>
                {`（${downloadExtension(a.contentType, a.originalName).toUpperCase()}，${m['attachments.size']} ${formatFileSize(a.size)}）`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export { Html };
