// Where the re-rendered 履歷填寫 page puts focus after a button that does not save (RES-11, issue 16 item 4):
// back at the section acted on, not at the top of the page. The page renders `autofocus` on that element, so
// this works without JavaScript; with errors the error summary takes focus instead (forms.js), so none is given.
import { fieldId } from '../../platform/views/components.tsx';
import type { FormAction } from './resume.form.ts';
import { rowName } from './resume.fields.ts';
import type { ResumeForm, SectionName } from './resume.types.ts';

const FIRST_FIELD: Record<SectionName, string> = { education: 'school', experience: 'organization', languages: 'language' };

/** The id of 從公務人力資料庫帶入相關資料 (views/hrdb-slot.tsx). */
export const HRDB_BUTTON_ID = 'b-hrdb-import';

/** The id of a row button (parts.tsx RowButtons). */
export function rowButtonId(action: 'up' | 'down' | 'remove', section: SectionName, n: number): string {
  return `b-${action}-${section}-${n}`;
}

/**
 * The element to focus after `action` on `form` (the form after the action): 新增 → the new row's first field;
 * 上移/下移 → the same button on the moved row (or, at the end, its first field); 刪除 → the section; the file
 * buttons → the file field of the section used. null for 儲存履歷 and when there are errors.
 */
export function focusAfter(action: FormAction, form: ResumeForm, chosen: { photo: boolean; attachment: boolean }, hasErrors: boolean): string | null {
  if (hasErrors) return null;
  switch (action.kind) {
    case 'add': {
      const n = (form[action.section] as unknown[]).length;
      return fieldId(rowName(action.section, n, FIRST_FIELD[action.section]));
    }
    case 'up':
    case 'down': {
      const count = (form[action.section] as unknown[]).length;
      const n = Math.min(Math.max(action.kind === 'up' ? action.n - 1 : action.n + 1, 1), count);
      const stillThere = action.kind === 'up' ? n > 1 : n < count;
      return stillThere ? rowButtonId(action.kind, action.section, n) : fieldId(rowName(action.section, n, FIRST_FIELD[action.section]));
    }
    case 'remove':
      return fieldId(action.section);
    case 'upload':
      return fieldId(chosen.attachment && !chosen.photo ? 'attachment' : 'photo');
    case 'delete-photo':
    case 'keep-photo':
      return fieldId('photo');
    case 'discard-attachment':
      return fieldId('attachment');
    case 'check-id': // the 帶入 button when offered (resume.routes.tsx), else the ID field
      return fieldId('idNumber');
    default:
      return null;
  }
}

/** Marks the element with id `target` autofocus in rendered HTML (ids here come from focusAfter, never from input). */
export function withAutofocus(html: string, target: string | null | undefined): string {
  if (!target || !/^[A-Za-z0-9_-]+$/.test(target)) return html;
  const marker = `id="${target}"`;
  const at = html.indexOf(marker);
  return at < 0 ? html : `${html.slice(0, at + marker.length)} autofocus${html.slice(at + marker.length)}`;
}
