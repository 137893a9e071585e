// One POST of the 履歷填寫 form, whichever button was pressed (RES-11: works without JavaScript). Files chosen
// in the form are staged first, whatever the button, so they are never lost; then: 儲存履歷 validates and saves
// (RES-3 conflicts open the 註銷 panel), the row buttons add/remove/move rows (RES-5/6/7), 刪除照片 marks the
// photo for removal (RES-10), 上傳 only stages, 註銷原帳號 voids the other account (RES-3). Every outcome but a
// successful save renders the form again with everything as typed.
import type { FieldErrors } from '../../platform/http/forms.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { focusAfter } from './focus.rules.ts';
import { describeForm, type FormState } from './load-form.ts';
import type { ResumeDeps } from './resume.deps.ts';
import { resumeErrors, type ResumeErrorMessages } from './resume.errors.ts';
import { fieldOrder } from './resume.fields.ts';
import { applyRowAction, parseAction, readResumeForm } from './resume.form.ts';
import { SECTION_LIMITS } from './resume.limits.ts';
import { resumeMessages } from './resume.messages.ts';
import { findResume } from './resume.repo.ts';
import { attachmentReplaceError, validateResume } from './resume.rules.ts';
import type { ResumeForm } from './resume.types.ts';
import { saveResume } from './save-resume.ts';
import { discardUpload, stageAttachment, stagePhoto } from './stage-upload.ts';
import { formatBytes, type AttachmentRefusal, type IncomingFile, type PhotoRefusal } from './uploads.rules.ts';
import { voidAccountUsingId, type VoidResult } from './void-account.ts';

export interface SubmitInput {
  applicantId: string;
  ip?: string | null;
  locale: Locale;
  values: Record<string, string | string[] | undefined>;
  photo?: IncomingFile | undefined;
  attachment?: IncomingFile | undefined;
}

export type SubmitOutcome =
  | { kind: 'saved'; first: boolean }
  /** RES-4 從公務人力資料庫帶入相關資料 was pressed (files chosen are staged): the route hands the form over. */
  | { kind: 'hrdb-import'; form: ResumeForm }
  | { kind: 'render'; status: number; state: FormState; errors: FieldErrors; notices: string[]; showVoidPanel: boolean; focus: string | null; checkedId: boolean };

export async function submitResumeForm(deps: ResumeDeps, input: SubmitInput): Promise<SubmitOutcome> {
  const m = resumeMessages(input.locale);
  const e = resumeErrors(input.locale);
  let form = readResumeForm(input.values);
  const action = parseAction(typeof input.values.action === 'string' ? input.values.action : '');
  const errors: FieldErrors = {};
  const notices: string[] = [];
  let showVoidPanel = false;
  const actor = { applicantId: input.applicantId, ip: input.ip ?? null };

  // 1. Files chosen with any button are staged (RES-9, RES-10).
  if (chosen(input.photo)) {
    const r = await stagePhoto(deps, { ...actor, file: input.photo, replaces: form.files.stagedPhotoId });
    if (r.ok) {
      form.files = { ...form.files, stagedPhotoId: r.id, deletePhoto: false };
      notices.push(m['notice.photoStaged']);
    } else errors.photo = photoError(r.reason, e);
  }
  if (chosen(input.attachment)) {
    const r = await stageAttachment(deps, { ...actor, file: input.attachment, replaces: form.files.stagedAttachmentId });
    if (r.ok) {
      form.files = { ...form.files, stagedAttachmentId: r.id };
      notices.push(m['notice.attachmentStaged']);
    } else errors.attachment = attachmentError(r.reason, e, deps.uploadLimitBytes);
  }

  // 2. The button.
  switch (action.kind) {
    case 'add':
    case 'remove':
    case 'up':
    case 'down': {
      const r = applyRowAction(form, action);
      form = r.form;
      if (r.refused) errors[action.section] = fill(e.addRefused, { section: m[`section.${action.section}`], max: SECTION_LIMITS[action.section].max });
      break;
    }
    case 'delete-photo':
      await discardUpload(deps, { ...actor, id: form.files.stagedPhotoId });
      form.files = { ...form.files, stagedPhotoId: '', deletePhoto: true };
      break;
    case 'keep-photo':
      form.files = { ...form.files, deletePhoto: false };
      break;
    case 'discard-attachment':
      await discardUpload(deps, { ...actor, id: form.files.stagedAttachmentId });
      form.files = { ...form.files, stagedAttachmentId: '', replaceAttachment: false };
      break;
    case 'upload':
    case 'check-id': // RES-4 「檢查」: the form comes back, offering 帶入 if the ID qualifies (routes: renderForm)
      break;
    case 'hrdb-import':
      // A refused file is shown first; otherwise the route keeps the form and leaves for eCPA verification.
      if (Object.keys(errors).length === 0) return { kind: 'hrdb-import', form };
      break;
    case 'void-account': {
      const r = await voidAccountUsingId(deps, { ...actor, idNumber: form.basic.idNumber, email: form.voidRequest.email, birthDate: form.voidRequest.birthDate });
      if (r.kind === 'voided') {
        notices.push(m['notice.voided']);
        form.voidRequest = { email: '', birthDate: '' };
      } else {
        Object.assign(errors, voidErrors(r, e, m['label.voidEmail'], m['label.voidBirthDate']));
        showVoidPanel = r.kind !== 'no-conflict' && r.kind !== 'bad-id';
      }
      break;
    }
    case 'save': {
      // A file the person chose was refused: the other errors are shown too, but nothing is saved.
      const saved = await trySave(deps, input, form, e, Object.keys(errors).length > 0);
      if (saved.kind === 'saved') return saved;
      Object.assign(errors, saved.errors);
      form = saved.form;
      showVoidPanel = saved.showVoidPanel;
      break;
    }
  }

  const state = await describeForm(deps, input.applicantId, form);
  const ordered = inOrder(errors, fieldOrder({ education: form.education.length, experience: form.experience.length, languages: form.languages.length }));
  const status = Object.keys(errors).length > 0 ? 400 : 200;
  const focus = focusAfter(action, form, { photo: chosen(input.photo), attachment: chosen(input.attachment) }, status !== 200);
  return { kind: 'render', status, state, errors: ordered, notices, showVoidPanel, focus, checkedId: action.kind === 'check-id' };
}

async function trySave(
  deps: ResumeDeps,
  input: SubmitInput,
  form: ResumeForm,
  e: ResumeErrorMessages,
  blocked: boolean,
): Promise<{ kind: 'saved'; first: boolean } | { kind: 'errors'; errors: FieldErrors; form: ResumeForm; showVoidPanel: boolean }> {
  const v = validateResume(form, { today: deps.clock.today(), m: resumeMessages(input.locale), e });
  const errors: FieldErrors = v.ok ? {} : { ...v.errors };
  const saved = await findResume(deps.db, input.applicantId);
  const replace = attachmentReplaceError(form.files, form.files.stagedAttachmentId !== '', saved?.attachmentKey ? (saved.attachmentName ?? '') : null, e);
  if (replace) errors.replaceAttachment = replace;
  if (!v.ok || replace || blocked) return { kind: 'errors', errors, form, showVoidPanel: false };
  const r = await saveResume(deps, { applicantId: input.applicantId, ip: input.ip ?? null, data: v.data, files: form.files, importedFromHrdb: form.importedFromHrdb });
  if (r.kind === 'saved') return r;
  if (r.kind === 'id-conflict') return { kind: 'errors', errors: { idNumber: e.idConflict }, form, showVoidPanel: true };
  const files = r.what === 'photo' ? { ...form.files, stagedPhotoId: '' } : { ...form.files, stagedAttachmentId: '' };
  return { kind: 'errors', errors: { [r.what]: e.stagedMissing }, form: { ...form, files }, showVoidPanel: false };
}

function chosen(f: IncomingFile | undefined): f is IncomingFile {
  return f !== undefined && (f.filename !== '' || f.bytes.byteLength > 0);
}

function photoError(reason: PhotoRefusal, e: ResumeErrorMessages): string {
  return { empty: e.photoEmpty, 'too-large': e.photoSize, type: e.photoType, pixels: e.photoPixels, unreadable: e.photoUnreadable }[reason];
}

function attachmentError(reason: AttachmentRefusal, e: ResumeErrorMessages, limit: number): string {
  return { empty: e.attachmentEmpty, 'too-large': fill(e.attachmentSize, { max: formatBytes(limit) }), type: e.attachmentType }[reason];
}

function voidErrors(r: Exclude<VoidResult, { kind: 'voided' }>, e: ResumeErrorMessages, emailLabel: string, birthLabel: string): FieldErrors {
  switch (r.kind) {
    case 'bad-id':
      return { idNumber: e.voidOwnId };
    case 'missing':
      return Object.fromEntries(r.fields.map((f) => (f === 'email' ? ['void-email', fill(e.required, { label: emailLabel })] : ['void-birthDate', fill(e.required, { label: birthLabel })])));
    case 'bad-birth-date':
      return { 'void-birthDate': fill(e.dateFormat, { label: birthLabel }) };
    case 'no-conflict':
      return { idNumber: e.voidNoConflict };
    case 'mismatch':
      return { 'void-email': e.voidMismatch };
    case 'too-many':
      return { 'void-email': e.voidTooMany };
  }
}

function inOrder(errors: FieldErrors, order: string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const k of order) if (errors[k]) out[k] = errors[k];
  for (const [k, v] of Object.entries(errors)) out[k] ??= v;
  return out;
}
