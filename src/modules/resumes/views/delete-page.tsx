// 刪除履歷 (RES-12): what deleting means, the checkbox 已閱讀上述內容並確認刪除履歷, and 確認.
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { Csrf, ErrorSummary, FieldError, fieldId } from '../../../platform/views/components.tsx';
import { resumePaths } from '../resume.paths.ts';
import { msgs, ResumePage } from './parts.tsx';

export function DeleteResumePage({ ctx, hasResume, errors = {} }: { ctx: PageContext; hasResume: boolean; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  const id = fieldId('confirm');
  if (!hasResume) {
    return (
      <ResumePage ctx={ctx} title={m['title.delete']}>
        <p safe>{m['delete.none']}</p>
        <p>
          <a href={resumePaths.form} safe>
            {m['title.form']}
          </a>
        </p>
      </ResumePage>
    );
  }
  return (
    <ResumePage ctx={ctx} title={m['title.delete']}>
      <ErrorSummary errors={errors} labels={{ confirm: m['label.deleteConfirm'] }} title={ctx.t('form.errors.title')} />
      <p class="resume-warning" id="delete-body" safe>
        {m['delete.body']}
      </p>
      <form method="post" action={resumePaths.delete} novalidate>
        <Csrf ctx={ctx} />
        <div class={errors.confirm ? 'field has-error' : 'field'}>
          <FieldError name="confirm" error={errors.confirm} />
          <div class="checkbox">
            <input
              type="checkbox"
              id={id}
              name="confirm"
              value="1"
              required
              aria-invalid={errors.confirm ? 'true' : undefined}
              aria-describedby={errors.confirm ? `delete-body ${id}-error` : 'delete-body'}
            />
            <label for={id} safe>
              {m['label.deleteConfirm']}
            </label>
          </div>
        </div>
        <div class="actions">
          <button type="submit" safe>
            {m['button.deleteConfirm']}
          </button>
          <a href={resumePaths.form} safe>
            {m['link.cancelDelete']}
          </a>
        </div>
      </form>
    </ResumePage>
  );
}
