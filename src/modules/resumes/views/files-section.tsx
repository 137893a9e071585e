// 照片 (RES-10) and 證照資格/作品附件 (RES-9): what is saved, what is staged (kept on 儲存履歷), a file input and
// the buttons that work without JavaScript: 上傳 (stage only), 刪除照片 / 取消刪除照片, 取消新上傳的附件. Replacing
// a saved attachment needs 同意此檔為最新附件檔案 (resume-form.js asks with a dialog when a file is chosen).
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { FieldError, fieldId } from '../../../platform/views/components.tsx';
import type { FormState } from '../load-form.ts';
import { resumePaths } from '../resume.paths.ts';
import { formatBytes } from '../uploads.rules.ts';
import { msgs } from './parts.tsx';

export function PhotoSection({ ctx, state, errors }: { ctx: PageContext; state: FormState; errors: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  const { files } = state.form;
  const staged = state.staged.photo;
  const saved = state.saved?.hasPhoto ?? false;
  const id = fieldId('photo');
  let current: JSX.Element;
  if (staged) current = <Figure src={resumePaths.stagedPhoto(staged.id)} caption={m['photo.staged']} />;
  else if (files.deletePhoto && saved) current = <p class="resume-notice" safe>{m['photo.willDelete']}</p>;
  else if (saved) current = <Figure src={resumePaths.photo} caption={m['photo.current']} />;
  else current = <p class="resume-empty" safe>{m['photo.none']}</p>;
  return (
    <section class="resume-section" aria-labelledby="h-photo">
      <h2 id="h-photo" safe>
        {m['section.photo']}
      </h2>
      <p class="hint" id={`${id}-hint`} safe>
        {m['hint.photo']}
      </p>
      {current}
      <div class={errors.photo ? 'field has-error' : 'field'}>
        <label for={id} safe>
          {m['label.photoFile']}
        </label>
        <FieldError name="photo" error={errors.photo} />
        <input type="file" id={id} name="photo" accept="image/jpeg,image/png" aria-describedby={[`${id}-hint`, errors.photo ? `${id}-error` : ''].filter(Boolean).join(' ')} aria-invalid={errors.photo ? 'true' : undefined} />
      </div>
      <div class="actions">
        <button type="submit" class="secondary" name="action" value="upload" safe>
          {m['button.uploadPhoto']}
        </button>
        {staged || (saved && !files.deletePhoto) ? (
          <button type="submit" class="secondary" name="action" value="delete-photo" safe>
            {m['button.deletePhoto']}
          </button>
        ) : (
          ''
        )}
        {files.deletePhoto && saved && !staged ? (
          <button type="submit" class="secondary" name="action" value="keep-photo" safe>
            {m['button.keepPhoto']}
          </button>
        ) : (
          ''
        )}
      </div>
    </section>
  );
}

function Figure({ src, caption }: { src: string; caption: string }): JSX.Element {
  return (
    <figure class="resume-photo">
      <img src={src} alt={caption} width="150" />
      <figcaption safe>{caption}</figcaption>
    </figure>
  );
}

export function AttachmentSection({ ctx, state, errors, limitBytes }: { ctx: PageContext; state: FormState; errors: FieldErrors; limitBytes: number }): JSX.Element {
  const m = msgs(ctx);
  const saved = state.saved?.attachment ?? null;
  const staged = state.staged.attachment;
  const id = fieldId('attachment');
  const confirmId = fieldId('replaceAttachment');
  return (
    <section class="resume-section" aria-labelledby="h-attachment">
      <h2 id="h-attachment" safe>
        {m['section.attachment']}
      </h2>
      <p class="hint" id={`${id}-hint`} safe>
        {fill(m['hint.attachment'], { max: formatBytes(limitBytes) })}
      </p>
      {saved ? (
        <p>
          <span safe>{`${m['attachment.current']}：`}</span>
          <a href={resumePaths.attachment} safe>
            {saved.name}
          </a>
          <span safe>{` （${formatBytes(saved.size)}）`}</span>
        </p>
      ) : (
        ''
      )}
      {staged ? (
        <p class="resume-notice">
          <span safe>{`${m['attachment.staged']}：${staged.name}（${formatBytes(staged.size)}）`}</span>{' '}
          <button type="submit" class="secondary small" name="action" value="discard-attachment" safe>
            {m['button.discardAttachment']}
          </button>
        </p>
      ) : (
        ''
      )}
      {!saved && !staged ? <p class="resume-empty" safe>{m['attachment.none']}</p> : ''}
      <div class={errors.attachment ? 'field has-error' : 'field'}>
        <label for={id} safe>
          {m['label.attachmentFile']}
        </label>
        <FieldError name="attachment" error={errors.attachment} />
        <input
          type="file"
          id={id}
          name="attachment"
          accept=".pdf,.jpg,.jpeg,.png,.docx,.odt,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
          aria-describedby={[`${id}-hint`, errors.attachment ? `${id}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={errors.attachment ? 'true' : undefined}
          data-replace-confirm={saved ? fill(m['confirm.replace'], { name: saved.name }) : undefined}
          data-replace-checkbox={saved ? confirmId : undefined}
        />
      </div>
      {saved ? (
        <div class={errors.replaceAttachment ? 'field has-error' : 'field'}>
          <FieldError name="replaceAttachment" error={errors.replaceAttachment} />
          <div class="checkbox">
            <input type="checkbox" id={confirmId} name="replaceAttachment" value="1" checked={state.form.files.replaceAttachment} aria-invalid={errors.replaceAttachment ? 'true' : undefined} />
            <label for={confirmId} safe>
              {fill(m['label.replaceAttachment'], { name: saved.name })}
            </label>
          </div>
        </div>
      ) : (
        ''
      )}
      <button type="submit" class="secondary" name="action" value="upload" safe>
        {m['button.uploadAttachment']}
      </button>
    </section>
  );
}
