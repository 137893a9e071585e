// Progressive enhancement for password fields (ACC-1, ACC-5, ACC-6, ACC-7). The page works without this file: the
// rule is printed as a list and the server checks every password. With it, the list becomes a live checklist as
// the user types (each item says 已符合 / 未符合, announced politely by screen readers), and a confirmation field
// says whether both passwords are the same. It never blocks typing or submitting.
//
// The rule mirrors src/platform/tw/password-rule.ts (a test runs both on the same samples): at least 8 and at
// most 128 characters (code points), an ASCII upper-case letter, lower-case letter and digit, and one of the 32
// ASCII punctuation characters (a space does not count).
(function () {
  var SPECIALS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

  /** The rule parts `pw` meets, by key: length, upper, lower, digit, special. */
  function check(pw) {
    var chars = Array.from(pw);
    return {
      length: chars.length >= 8 && chars.length <= 128,
      upper: /[A-Z]/.test(pw),
      lower: /[a-z]/.test(pw),
      digit: /[0-9]/.test(pw),
      special: chars.some(function (c) {
        return SPECIALS.indexOf(c) !== -1;
      }),
    };
  }

  window.shiqiurenPasswordRule = { check: check };
  if (!window.document || typeof document.querySelectorAll !== 'function') return;

  function setState(item, met, texts) {
    var state = item.querySelector('.rule-state');
    if (!state) {
      item.setAttribute('aria-atomic', 'true');
      var icon = document.createElement('span');
      icon.className = 'rule-icon';
      icon.setAttribute('aria-hidden', 'true');
      item.insertBefore(icon, item.firstChild);
      state = document.createElement('span');
      state.className = 'rule-state';
      item.appendChild(state);
    }
    var word = met ? texts.met : texts.unmet;
    if (state.textContent === '：' + word) return; // unchanged: nothing to announce
    item.classList.toggle('rule-met', met);
    item.classList.toggle('rule-unmet', !met);
    item.querySelector('.rule-icon').textContent = met ? '✓ ' : '✗ ';
    state.textContent = '：' + word;
  }

  function enhanceRules(input) {
    var list = document.getElementById(input.getAttribute('data-password-check'));
    if (!list) return;
    var texts = { met: list.getAttribute('data-met') || '', unmet: list.getAttribute('data-unmet') || '' };
    list.setAttribute('aria-live', 'polite');
    list.setAttribute('aria-relevant', 'text');
    input.addEventListener('input', function () {
      var result = check(input.value);
      Array.prototype.forEach.call(list.querySelectorAll('li[data-rule]'), function (item) {
        setState(item, result[item.getAttribute('data-rule')] === true, texts);
      });
    });
  }

  function enhanceConfirm(input) {
    var other = document.getElementById(input.getAttribute('data-password-confirms'));
    if (!other) return;
    var status = document.createElement('p');
    status.className = 'password-match';
    status.id = input.id + '-match';
    status.setAttribute('aria-live', 'polite');
    var item = document.createElement('span');
    item.textContent = input.getAttribute('data-match') || '';
    status.appendChild(item);
    status.hidden = true;
    input.parentNode.insertBefore(status, input.nextSibling);
    var texts = { met: input.getAttribute('data-met') || '', unmet: input.getAttribute('data-unmet') || '' };
    function update() {
      if (input.value === '') {
        status.hidden = true;
        return;
      }
      status.hidden = false;
      setState(status, input.value === other.value, texts);
    }
    input.addEventListener('input', update);
    other.addEventListener('input', function () {
      if (input.value !== '') update();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[data-password-check]'), enhanceRules);
  Array.prototype.forEach.call(document.querySelectorAll('input[data-password-confirms]'), enhanceConfirm);
})();
