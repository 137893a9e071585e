// The 「驗證碼」 field (ACC-1, ACC-4, SYS-5), for use inside a form that has its CSRF input.
//
// Without JavaScript: the image, a labelled native <audio controls> player (keyboard operable), the text
// input and a 「更換驗證碼」 submit button that posts the outer form to /captcha/refresh (formaction,
// formnovalidate) and comes back here. With public/js/captcha.js: the native player is replaced by one
// 「▶ 播放驗證碼語音」 button (one clearly named control for screen readers instead of a player's several),
// and 更換驗證碼 swaps image and audio in place, so nothing typed in the form is lost.
import { randomBytes } from 'node:crypto';
import type { PageContext } from '../http/context.ts';
import { FieldError, fieldId } from '../views/components.tsx';
import { IMAGE_HEIGHT, IMAGE_WIDTH } from './captcha.image.ts';
import { ANSWER_MAX_LENGTH } from './captcha.rules.ts';

export const CAPTCHA_FIELD_NAME = 'captcha';
export const CAPTCHA_FIELD_ID = fieldId(CAPTCHA_FIELD_NAME);

const IMAGE_ALT = '驗證碼圖片，請輸入圖中的數字；看不清楚可按「播放驗證碼語音」或「更換驗證碼」';

export interface CaptchaFieldProps {
  ctx: PageContext;
  /** The message from captchaErrorMessage(reason), or a form's own (e.g. 請輸入驗證碼). */
  error?: string | undefined;
  /** Where 更換驗證碼 returns without JavaScript (a same-site path); defaults to this page. */
  refreshNext?: string | undefined;
}

export function CaptchaField({ ctx, error, refreshNext }: CaptchaFieldProps): JSX.Element {
  const id = CAPTCHA_FIELD_ID;
  const ts = randomBytes(6).toString('hex'); // defeats caches and the back/forward cache's stale image
  const audioLabelId = `${id}-audio-label`;
  const describedBy = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return (
    <div class={error ? 'field captcha-field has-error' : 'field captcha-field'} data-captcha>
      <label for={id}>驗證碼</label>
      <p class="hint" id={`${id}-hint`}>
        請輸入圖片中的數字。看不清楚時，可播放驗證碼語音（以國語唸出數字），或按「更換驗證碼」換一組。
      </p>
      <FieldError name={CAPTCHA_FIELD_NAME} error={error} />
      <div class="captcha-media">
        <img class="captcha-image" src={`/captcha/image?ts=${ts}`} width={String(IMAGE_WIDTH)} height={String(IMAGE_HEIGHT)} alt={IMAGE_ALT} />
        <p class="captcha-audio" data-captcha-audio>
          <span id={audioLabelId}>驗證碼語音：</span>
          <audio controls="" preload="none" src={`/captcha/audio?ts=${ts}`} aria-labelledby={audioLabelId}>
            <a href={`/captcha/audio?ts=${ts}`}>下載驗證碼語音（WAV）</a>
          </audio>
        </p>
      </div>
      <input
        id={id}
        name={CAPTCHA_FIELD_NAME}
        type="text"
        inputmode="numeric"
        autocomplete="off"
        spellcheck="false"
        required
        maxlength={ANSWER_MAX_LENGTH}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      <button
        type="submit"
        class="secondary captcha-refresh"
        formaction={`/captcha/refresh?next=${encodeURIComponent(refreshNext ?? ctx.url)}`}
        formnovalidate
        data-captcha-refresh
        data-csrf={ctx.csrf()}
      >
        更換驗證碼
      </button>
      <p class="visually-hidden" role="status" data-captcha-status></p>
      <script src="/assets/js/captcha.js" defer></script>
    </div>
  );
}
