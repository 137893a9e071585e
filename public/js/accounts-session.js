// Idle-session warning for signed-in applicant pages (ACC-8, SYS-5, WCAG 2.2.1 Timing Adjustable). Progressive
// only: without this file the session simply expires after the idle time and the next request goes to 登入 with
// `next`. With it:
//  - typing, clicking or pressing keys counts as activity: the keep-alive GET is sent (at most once per the
//    server's touch interval, data-touch-seconds, so that each request really moves the expiry) and the timers
//    restart from its answer;
//  - SESSION_WARNING_SECONDS before expiry a notice appears with 「繼續使用」. It never takes focus (someone who is
//    typing keeps the caret); pressing 繼續使用 with the mouse does not move the caret either, and by keyboard
//    focus returns to the field last used; typing while it shows also extends the session and hides it;
//  - when the time is up, the page goes to 登入 with `next`, unless a form on the page has unsaved input or is
//    being sent: then it stays, so that 儲存履歷 can still keep what was typed (the server parks it until sign-in,
//    platform/http/parked-form.ts). The keep-alive never follows a redirect: loading 登入 in the background would
//    give the browser a new session cookie, and the server could no longer tell whose expired form it is.
(function () {
  var notice = document.querySelector('[data-session-notice]');
  if (!notice || typeof window.fetch !== 'function') return;
  var idleMs = Number(notice.getAttribute('data-idle-seconds')) * 1000;
  var warnMs = Number(notice.getAttribute('data-warn-seconds')) * 1000;
  var touchMs = Number(notice.getAttribute('data-touch-seconds')) * 1000 || 60000;
  var keepalive = notice.getAttribute('data-keepalive');
  var login = notice.getAttribute('data-login');
  var button = notice.querySelector('[data-session-continue]');
  if (!idleMs || !keepalive || !login || !button) return;
  // A short idle setting: warn halfway rather than at once.
  if (warnMs > idleMs / 2) warnMs = Math.floor(idleMs / 2);

  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  notice.parentNode.insertBefore(status, notice.nextSibling);

  var warnTimer = 0;
  var expireTimer = 0;
  var lastPing = Date.now();
  var pending = false;
  var dirty = false;
  var sending = false;
  var lastField = null;

  function here() {
    return window.location.pathname + window.location.search;
  }

  function expire() {
    if (dirty || sending) return; // keep what was typed on screen; saving it parks it until sign-in
    window.location.assign(login + '?next=' + encodeURIComponent(here()));
  }

  function show() {
    notice.hidden = false; // announced (role=alert), focus stays where it is
  }

  function hide() {
    var hadFocus = document.activeElement === button;
    notice.hidden = true;
    if (hadFocus && lastField && typeof lastField.focus === 'function') lastField.focus();
  }

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(expireTimer);
    warnTimer = window.setTimeout(show, Math.max(0, idleMs - warnMs));
    expireTimer = window.setTimeout(expire, idleMs);
  }

  function ping(announce) {
    if (pending) return;
    pending = true;
    lastPing = Date.now();
    window
      .fetch(keepalive, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store', redirect: 'manual' })
      .then(function (res) {
        var type = res.headers.get('content-type') || '';
        if (!res.ok || type.indexOf('application/json') === -1) throw new Error('session ended');
        return res.json();
      })
      .then(function () {
        pending = false;
        var shown = !notice.hidden;
        hide();
        schedule();
        if (announce || shown) status.textContent = notice.getAttribute('data-extended') || '';
      })
      .catch(function () {
        pending = false;
        expire();
      });
  }

  // The server moves the expiry only when its last touch is older than touchMs: ping just after that.
  function activity() {
    if (!notice.hidden || Date.now() - lastPing > touchMs + 1000) ping(false);
  }

  document.addEventListener('input', function (event) {
    if (event.target && event.target.form) dirty = true;
    activity();
  });
  document.addEventListener('keydown', activity);
  document.addEventListener('pointerdown', function (event) {
    if (event.target !== button && !button.contains(event.target)) activity();
  });
  document.addEventListener('submit', function () {
    dirty = false;
    sending = true; // a keep-alive failing now must not navigate away from the form being sent
  });
  document.addEventListener('focusin', function (event) {
    var el = event.target;
    if (el && el !== button && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) lastField = el;
  });

  // The mouse press must not take focus (and the caret) from the field being typed in.
  button.addEventListener('mousedown', function (event) {
    event.preventDefault();
  });
  button.addEventListener('click', function (event) {
    event.preventDefault();
    ping(true);
  });

  schedule();
})();
