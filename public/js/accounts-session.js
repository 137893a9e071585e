// Idle-session warning for signed-in applicant pages (ACC-8, WCAG 2.2.1 Timing Adjustable). Progressive only:
// without this file the session simply expires after the idle time and the next request goes to 登入 with `next`.
// With it, SESSION_WARNING_SECONDS before expiry a notice appears with 「繼續使用」, which refreshes the session
// with a GET (the link works without JavaScript too); when the time is up, the page goes to 登入 with `next`.
(function () {
  var notice = document.querySelector('[data-session-notice]');
  if (!notice || typeof window.fetch !== 'function') return;
  var idleMs = Number(notice.getAttribute('data-idle-seconds')) * 1000;
  var warnMs = Number(notice.getAttribute('data-warn-seconds')) * 1000;
  var keepalive = notice.getAttribute('data-keepalive');
  var login = notice.getAttribute('data-login');
  var button = notice.querySelector('[data-session-continue]');
  if (!idleMs || !keepalive || !login || !button) return;

  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  notice.parentNode.insertBefore(status, notice.nextSibling);

  var warnTimer = 0;
  var expireTimer = 0;
  var lastFocus = null;

  function here() {
    return window.location.pathname + window.location.search;
  }

  function expire() {
    window.location.assign(login + '?next=' + encodeURIComponent(here()));
  }

  function show() {
    lastFocus = document.activeElement;
    notice.hidden = false;
    button.focus();
  }

  function hide() {
    notice.hidden = true;
    if (lastFocus && typeof lastFocus.focus === 'function') lastFocus.focus();
  }

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(expireTimer);
    warnTimer = window.setTimeout(show, Math.max(0, idleMs - warnMs));
    expireTimer = window.setTimeout(expire, idleMs);
  }

  button.addEventListener('click', function (event) {
    event.preventDefault();
    window
      .fetch(keepalive, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (res) {
        var type = res.headers.get('content-type') || '';
        if (!res.ok || type.indexOf('application/json') === -1) throw new Error('session ended');
        return res.json();
      })
      .then(function () {
        hide();
        schedule();
        status.textContent = notice.getAttribute('data-extended') || '';
      })
      .catch(expire);
  });

  schedule();
})();
