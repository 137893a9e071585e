// A list section (學歷, 經歷, 語文能力): heading, the rule in words, its rows, and 新增 — or, at the limit, the
// limit in words instead (RES-5/6/7: adding beyond the limit is impossible).
import type Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { FieldError, fieldId } from '../../../platform/views/components.tsx';
import { SECTION_LIMITS } from '../resume.limits.ts';
import { canAdd } from '../resume.rules.ts';
import type { SectionName } from '../resume.types.ts';
import { msgs } from './parts.tsx';

export function SectionFrame({
  ctx,
  section,
  count,
  error,
  empty,
  children,
}: {
  ctx: PageContext;
  section: SectionName;
  count: number;
  error?: string | undefined;
  empty?: string;
  children?: Html.Children;
}): JSX.Element {
  const m = msgs(ctx);
  const title = m[`section.${section}`];
  return (
    <section class={error ? 'resume-section has-error' : 'resume-section'} id={fieldId(section)} aria-labelledby={`h-${section}`} tabindex="-1">
      <h2 id={`h-${section}`} safe>
        {title}
      </h2>
      <p class="hint" safe>
        {m[`hint.${section}`]}
      </p>
      <FieldError name={section} error={error} />
      {count === 0 && empty ? <p class="resume-empty" safe>{empty}</p> : ''}
      {children}
      {canAdd(section, count) ? (
        <button type="submit" class="secondary" name="action" value={`add-${section}`} safe>
          {m[`button.add.${section}`]}
        </button>
      ) : (
        <p class="resume-limit" safe>
          {fill(m['limit.reached'], { section: title, max: SECTION_LIMITS[section].max })}
        </p>
      )}
    </section>
  );
}
