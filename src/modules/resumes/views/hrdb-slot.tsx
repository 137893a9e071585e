// RES-4 seam: where 從公務人力資料庫帶入相關資料 goes — to the right of 身分證統一編號, on a first resume only.
// The hrdb module decides whether to offer it (the HR database knows the ID as a former 聘用/約僱 employee) by
// passing `hrdbImportOffer` to resumeRoutes. The button is a submit button of the resume form
// (`action=hrdb-import`), so it works without JavaScript and nothing typed is lost: the POST keeps the form in
// the session (../hrdb-handoff.ts) and redirects to the offer's `href` (eCPA verification), which ends by
// rendering the form pre-filled with prefillFromDraft (../resume.prefill.ts).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { HRDB_BUTTON_ID } from '../focus.rules.ts';
import { resumeMessages } from '../resume.messages.ts';
import { resumePaths } from '../resume.paths.ts';

export interface HrdbImportOffer {
  /** Where the button leads once the typed form is kept (the eCPA identity verification, then the import). */
  href: string;
  /** The button's text, e.g. 從公務人力資料庫帶入相關資料. */
  label: string;
}

/**
 * The offer's button, or — on a first resume before any offer — 「檢查」 (issue 16 item 5): a submit button that
 * brings the form back with the offer if the typed ID qualifies (within the probe limits, ../probe-limits.ts).
 * With JavaScript, public/js/hrdb-offer.js asks the same when the ID field loses focus and puts the offer's
 * button in place of 「檢查」 (announced through the status span), without a reload.
 */
export function HrdbImportSlot({ ctx, offer, check = false }: { ctx: PageContext; offer: HrdbImportOffer | null; check?: boolean }): JSX.Element {
  if (!offer) {
    if (!check) return '';
    const m = resumeMessages(ctx.locale);
    return (
      <div class="hrdb-import" data-hrdb-check data-offer-url={resumePaths.hrdbOffer} data-button-id={HRDB_BUTTON_ID}>
        <button type="submit" name="action" value="check-id" class="secondary small">
          {Html.escapeHtml(m['button.checkId'])}
          <span class="visually-hidden" safe>
            {m['button.checkIdMore']}
          </span>
        </button>
        <span class="visually-hidden" role="status" data-hrdb-status></span>
      </div>
    );
  }
  return (
    <div class="hrdb-import" data-hrdb-import>
      <button type="submit" id={HRDB_BUTTON_ID} name="action" value="hrdb-import" class="secondary" safe>
        {offer.label}
      </button>
    </div>
  );
}
