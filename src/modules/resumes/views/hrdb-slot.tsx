// RES-4 seam: where 從公務人力資料庫帶入相關資料 goes — to the right of 身分證統一編號, on a first resume only.
// The hrdb module decides whether to offer it (the HR database knows the ID as a former 聘用/約僱 employee) by
// passing `hrdbImportOffer` to resumeRoutes. The button is a submit button of the resume form
// (`action=hrdb-import`), so it works without JavaScript and nothing typed is lost: the POST keeps the form in
// the session (../hrdb-handoff.ts) and redirects to the offer's `href` (eCPA verification), which ends by
// rendering the form pre-filled with prefillFromDraft (../resume.prefill.ts).
import type { PageContext } from '../../../platform/http/context.ts';

export interface HrdbImportOffer {
  /** Where the button leads once the typed form is kept (the eCPA identity verification, then the import). */
  href: string;
  /** The button's text, e.g. 從公務人力資料庫帶入相關資料. */
  label: string;
}

export function HrdbImportSlot({ offer }: { ctx: PageContext; offer: HrdbImportOffer | null }): JSX.Element {
  if (!offer) return '';
  return (
    <div class="hrdb-import" data-hrdb-import>
      <button type="submit" name="action" value="hrdb-import" class="secondary" safe>
        {offer.label}
      </button>
    </div>
  );
}
