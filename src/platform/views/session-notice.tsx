// The idle-session warning (ACC-8, WCAG 2.2.1 Timing Adjustable): hidden markup that /assets/js/accounts-session.js
// shows SESSION_WARNING_SECONDS before a signed-in applicant's session would expire, with 「繼續使用」 (a GET that
// refreshes the session). Typing counts as activity (SYS-5): the script sends the keep-alive once the server's
// touch interval (touchEveryMs) has passed, so each one really moves the expiry. The notice is role=alert and never
// takes focus, so the caret stays where someone is typing. Without JavaScript nothing shows: after the idle time
// the next request goes to 登入.
import Html from '@kitajs/html';
import { touchEveryMs } from '../auth/sessions.ts';
import type { PageContext } from '../http/context.ts';

/** Seconds before the idle timeout at which the notice appears. */
export const SESSION_WARNING_SECONDS = 120;

const PATHS = { keepAlive: '/platform/session/keepalive', login: '/platform/login' } as const;

export function SessionTimeoutNotice({ ctx }: { ctx: PageContext }): JSX.Element {
  if (ctx.principal?.kind !== 'applicant' || !ctx.idleMinutes) return '';
  return (
    <div
      class="session-notice"
      id="session-notice"
      role="alert"
      hidden
      data-session-notice
      data-idle-seconds={String(ctx.idleMinutes * 60)}
      data-warn-seconds={String(SESSION_WARNING_SECONDS)}
      data-touch-seconds={String(Math.ceil(touchEveryMs(ctx.idleMinutes * 60_000) / 1000))}
      data-keepalive={PATHS.keepAlive}
      data-login={PATHS.login}
      data-extended={ctx.t('session.extended')}
    >
      <p id="session-notice-text" safe>
        {ctx.t('session.warning')}
      </p>
      <a class="button" href={`${PATHS.keepAlive}?next=${encodeURIComponent(ctx.url)}`} data-session-continue safe>
        {ctx.t('session.continue')}
      </a>
    </div>
  );
}

export { Html };
