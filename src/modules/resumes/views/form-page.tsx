// 履歷填寫 (RES-1 … RES-11): one multipart form, so one 儲存履歷 saves every section and the files chosen
// (RES-11), and every other button (add/remove/move rows, upload, 刪除照片, 註銷) comes back to this page with
// all values as typed. Works without JavaScript; public/js/resume-form.js adds the live counters, the 確定
// dialogs (性別, replacing the attachment) and keeps the session alive while typing.
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { ErrorSummary } from '../../../platform/views/components.tsx';
import { accountPaths } from '../../accounts/index.ts';
import type { FormState } from '../load-form.ts';
import { ROW_KEYS, rowName, SECTIONS } from '../resume.fields.ts';
import { TEXT_LIMITS } from '../resume.limits.ts';
import { resumePaths, withCsrf } from '../resume.paths.ts';
import { BasicSection } from './basic-section.tsx';
import { EducationSection } from './education-section.tsx';
import { ExperienceSection } from './experience-section.tsx';
import { AttachmentSection, PhotoSection } from './files-section.tsx';
import type { HrdbImportOffer } from './hrdb-slot.tsx';
import { LanguagesSection } from './languages-section.tsx';
import { msgs, ResumePage, TextArea } from './parts.tsx';

export interface ResumeFormPageProps {
  ctx: PageContext;
  state: FormState;
  errors?: FieldErrors;
  notices?: string[];
  showVoidPanel?: boolean;
  hrdbOffer?: HrdbImportOffer | null;
  /** RES-4: offer 「檢查」 beside the ID (a first resume, 帶入 configured but not offered yet). */
  hrdbCheck?: boolean;
  uploadLimitBytes: number;
  /** Where to go after 儲存履歷 (e.g. back to a job, PUB-3). */
  next?: string;
}

/** Labels for the error summary: each field name → what the person sees (第 2 筆學歷 學校名稱). */
export function formErrorLabels(ctx: PageContext, state: FormState): Record<string, string> {
  const m = msgs(ctx);
  const labels: Record<string, string> = {
    chineseName: m['label.chineseName'],
    englishName: m['label.englishName'],
    idNumber: m['label.idNumber'],
    gender: m['label.gender'],
    birthDate: m['label.birthDate'],
    phone: m['label.phone'],
    zip: m['label.zip'],
    street: m['label.street'],
    email: m['label.email'],
    identity: m['legend.identity'],
    photo: m['section.photo'],
    skills: m['section.skills'],
    autobiography: m['section.autobiography'],
    attachment: m['section.attachment'],
    replaceAttachment: m['section.attachment'],
    'void-email': m['label.voidEmail'],
    'void-birthDate': m['label.voidBirthDate'],
  };
  const keyLabel: Record<string, string> = {
    school: m['label.school'],
    department: m['label.department'],
    degree: m['label.degree'],
    organization: m['label.organization'],
    jobTitle: m['label.jobTitle'],
    start: m['label.start'],
    end: m['label.end'],
    language: m['label.language'],
    listening: m['label.listening'],
    speaking: m['label.speaking'],
    reading: m['label.reading'],
    writing: m['label.writing'],
    levels: `${m['label.listening']}／${m['label.speaking']}／${m['label.reading']}／${m['label.writing']}`,
  };
  for (const s of SECTIONS) {
    labels[s] = m[`section.${s}`];
    const count = Math.max(state.form[s].length, 1);
    for (let n = 1; n <= count; n++) {
      const row = fill(m[`row.${s}`], { n });
      for (const k of [...ROW_KEYS[s], 'levels']) {
        const what = k === 'status' ? (s === 'education' ? m['label.educationStatus'] : m['label.workStatus']) : keyLabel[k];
        if (what) labels[rowName(s, n, k)] = `${row} ${what}`;
      }
    }
  }
  return labels;
}

export function ResumeFormPage({ ctx, state, errors = {}, notices = [], showVoidPanel = false, hrdbOffer = null, hrdbCheck = false, uploadLimitBytes, next = '' }: ResumeFormPageProps): JSX.Element {
  const m = msgs(ctx);
  const { form } = state;
  const first = state.saved === null;
  return (
    <ResumePage ctx={ctx} title={m['title.form']} scripts={['/assets/js/resume-form.js', '/assets/js/hrdb-offer.js']}>
      <ErrorSummary errors={errors} labels={formErrorLabels(ctx, state)} title={ctx.t('form.errors.title')} />
      {notices.length ? (
        <div class="flash-list" role="status">
          {notices.map((n) => (
            <p class="flash flash-info" safe>
              {n}
            </p>
          ))}
        </div>
      ) : (
        ''
      )}
      <p safe>{m['intro.form']}</p>
      <form
        method="post"
        action={withCsrf(resumePaths.form, ctx.csrf())}
        enctype="multipart/form-data"
        novalidate
        class="resume-form"
        data-keepalive={accountPaths.keepAlive}
      >
        {/* The first submit button: Enter in a field means 儲存履歷, not the first row button. */}
        <button type="submit" name="action" value="save" hidden tabindex="-1" aria-hidden="true" safe>
          {m['button.save']}
        </button>
        <input type="hidden" name="stagedPhotoId" value={form.files.stagedPhotoId} />
        <input type="hidden" name="stagedAttachmentId" value={form.files.stagedAttachmentId} />
        <input type="hidden" name="deletePhoto" value={form.files.deletePhoto ? '1' : ''} />
        {next ? <input type="hidden" name="next" value={next} /> : ''}
        <BasicSection ctx={ctx} basic={form.basic} errors={errors} voidPanel={showVoidPanel ? form.voidRequest : null} hrdbOffer={first ? hrdbOffer : null} hrdbCheck={first && hrdbCheck} />
        <PhotoSection ctx={ctx} state={state} errors={errors} />
        <EducationSection ctx={ctx} rows={form.education} errors={errors} />
        <ExperienceSection ctx={ctx} rows={form.experience} errors={errors} />
        <LanguagesSection ctx={ctx} rows={form.languages} errors={errors} />
        <section class="resume-section" aria-labelledby="h-skills">
          <h2 id="h-skills" safe>
            {m['section.skills']}
          </h2>
          <TextArea ctx={ctx} name="skills" label={m['section.skills']} value={form.skills} max={TEXT_LIMITS.skills} error={errors.skills} rows={4} />
        </section>
        <section class="resume-section" aria-labelledby="h-autobiography">
          <h2 id="h-autobiography" safe>
            {m['section.autobiography']}
          </h2>
          <TextArea ctx={ctx} name="autobiography" label={m['section.autobiography']} value={form.autobiography} max={TEXT_LIMITS.autobiography} error={errors.autobiography} rows={12} />
        </section>
        <AttachmentSection ctx={ctx} state={state} errors={errors} limitBytes={uploadLimitBytes} />
        <div class="actions resume-save">
          <button type="submit" name="action" value="save" class="primary-save" safe>
            {m['button.save']}
          </button>
          {state.saved ? (
            <a href={resumePaths.preview} safe>
              {m['link.preview']}
            </a>
          ) : (
            ''
          )}
          {state.saved ? (
            <a href={resumePaths.delete} safe>
              {m['link.delete']}
            </a>
          ) : (
            ''
          )}
        </div>
      </form>
    </ResumePage>
  );
}
