// RES-4 從公務人力資料庫帶入相關資料 on blur (issue 16 item 5); the form works without this file (「檢查」).
// On a first resume the form shows 「檢查」 beside 身分證統一編號 ([data-hrdb-check]). When the ID field loses focus
// holding a valid ID number (shape and checksum, as the server checks), this asks the server — the same check as
// 「檢查」, within its probe limits — and, if the import is offered, puts the offer's button in place of 「檢查」
// and announces it (role="status"), without a reload and without moving focus. The ID goes in a POST body.
(function () {
  var form = document.querySelector('form.resume-form');
  var slot = form && form.querySelector('[data-hrdb-check]');
  var field = form && form.querySelector('input[name="idNumber"]');
  if (!slot || !field || !window.fetch || !window.URLSearchParams) return;
  var url = slot.getAttribute('data-offer-url');
  var token = new window.URL(form.getAttribute('action') || '', window.location.href).searchParams.get('_csrf') || '';
  var CODES = { A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33 };
  var WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];

  function normalise(s) {
    return (s.normalize ? s.normalize('NFKC') : s).trim().toUpperCase();
  }
  function valid(id) {
    if (!/^[A-Z]([1289]|[A-D])\d{8}$/.test(id)) return false;
    var first = CODES[id.charAt(0)];
    var c2 = id.charAt(1);
    var second = CODES[c2] !== undefined ? CODES[c2] % 10 : Number(c2);
    var digits = [Math.floor(first / 10), first % 10, second];
    for (var i = 2; i < 10; i++) digits.push(Number(id.charAt(i)));
    var sum = 0;
    for (var j = 0; j < digits.length; j++) sum += digits[j] * WEIGHTS[j];
    return sum % 10 === 0;
  }

  var asked = {};
  field.addEventListener('blur', function () {
    var id = normalise(field.value);
    if (!valid(id) || asked[id]) return;
    asked[id] = true;
    window.fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'csrf-token': token, accept: 'application/json' },
      body: new window.URLSearchParams({ idNumber: id }).toString(),
    })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (data) {
        if (!data || !data.offer || !slot.isConnected || normalise(field.value) !== id) return;
        var check = slot.querySelector('button[value="check-id"]');
        var button = document.createElement('button');
        button.type = 'submit';
        button.name = 'action';
        button.value = 'hrdb-import';
        button.className = 'secondary';
        button.id = slot.getAttribute('data-button-id') || '';
        button.textContent = data.offer.label;
        if (check) slot.replaceChild(button, check);
        else slot.insertBefore(button, slot.firstChild);
        slot.removeAttribute('data-hrdb-check');
        slot.setAttribute('data-hrdb-import', '');
        var status = slot.querySelector('[data-hrdb-status]');
        if (status) status.textContent = data.offer.label;
      })
      .catch(function () {
        delete asked[id]; // try again on the next blur; 「檢查」 still works
      });
  });
})();
