// 憑證登入 (ECPA-2): the popup exchange with the local signing component (HiPKI 跨平台網頁元件, pki-notes §3).
// The PIN field has no name: the PIN goes only to the component (in the tbsPackage posted to its popup) and the
// form posts back only the component's answer. Problems met here (popup blocked, no component answering) are
// posted as `problem` so that the server shows its message and audits it.
(function () {
  'use strict';
  var form = document.getElementById('card-login');
  if (!form || !window.fetch || !window.postMessage) return;
  var fetch = window.fetch.bind(window);
  form.hidden = false;
  var origin = form.getAttribute('data-component');
  var pin = document.getElementById('card-pin');
  var pinError = document.getElementById('card-pin-error');
  var status = document.getElementById('card-status');
  var csrf = form.elements['_csrf'].value;
  var busy = false;

  function post(fields) {
    Object.keys(fields).forEach(function (k) {
      form.elements[k].value = fields[k];
    });
    pin.value = '';
    form.submit();
  }

  function showPinError(text) {
    pinError.textContent = text;
    pinError.hidden = false;
    pin.setAttribute('aria-invalid', 'true');
    pin.setAttribute('aria-describedby', 'card-pin-hint card-pin-error');
    pin.focus();
  }

  function getChallenge() {
    return fetch(form.getAttribute('data-challenge'), { method: 'POST', credentials: 'same-origin', headers: { 'csrf-token': csrf } }).then(function (r) {
      return r.json();
    });
  }

  // 健保卡: the NHI component's WebSocket text protocol (GetBasic, GetVersion, GetRandom, H_Sign, EnCrypt).
  function nhiSignIn() {
    form.action = form.getAttribute('data-nhi-action');
    var got = {};
    var steps = ['GetBasic', 'GetVersion', 'GetRandom'];
    var ws;
    var timer = window.setTimeout(function () {
      if (ws) ws.close();
      post({ problem: 'component-missing' });
    }, 20000);
    function done(fields) {
      window.clearTimeout(timer);
      if (ws) ws.close();
      post(fields);
    }
    getChallenge().then(function () {
      try {
        ws = new window.WebSocket(form.getAttribute('data-nhi'));
      } catch {
        done({ problem: 'component-missing' });
        return;
      }
      ws.onerror = function () {
        done({ problem: 'component-missing' });
      };
      ws.onopen = function () {
        ws.send(steps.shift());
      };
      ws.onmessage = function (ev) {
        var text = String(ev.data);
        var colon = text.indexOf(':');
        if (colon < 0) {
          done({ error: text });
          return;
        }
        got[text.slice(0, colon)] = text.slice(colon + 1);
        if (steps.length) ws.send(steps.shift());
        else if (!got.H_Sign) ws.send('H_Sign?Random=' + got.GetVersion + got.GetRandom);
        else if (!got.EnCrypt) ws.send('EnCrypt?Pwd=' + encodeURIComponent(pin.value));
        else done({ basic: got.GetBasic, random: got.GetVersion + got.GetRandom, sign: got.H_Sign, pwd: got.EnCrypt });
      };
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) return;
    if (!pin.value) {
      showPinError(form.getAttribute('data-pin-required'));
      return;
    }
    var nhi = document.getElementById('card-type-nhi');
    if (nhi && nhi.checked) {
      busy = true;
      status.textContent = form.getAttribute('data-working');
      nhiSignIn();
      return;
    }
    var popup = window.open(origin + '/popupForm', 'hipki-popup', 'width=360,height=240');
    if (!popup) {
      post({ problem: 'popup-blocked' });
      return;
    }
    busy = true;
    status.textContent = form.getAttribute('data-working');
    var challenge = null;
    var asked = false;
    var sent = false;
    var timer = window.setTimeout(function () {
      window.removeEventListener('message', onMessage);
      if (!popup.closed) popup.close();
      post({ problem: 'component-missing' });
    }, 20000);

    function send() {
      if (sent || !asked || !challenge) return;
      sent = true;
      var tbsPackage = {
        func: 'MakeSignature',
        signatureType: 'PKCS7',
        tbs: challenge,
        tbsEncoding: 'NONE',
        hashAlgorithm: 'SHA256',
        withCardSN: 'false',
        pin: pin.value,
        nonce: '',
      };
      popup.postMessage(JSON.stringify(tbsPackage), origin);
    }

    function onMessage(ev) {
      if (ev.origin !== origin || typeof ev.data !== 'string') return;
      var msg;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (msg.func === 'getTbs') {
        asked = true;
        send();
      } else if (msg.func === 'sign') {
        window.clearTimeout(timer);
        window.removeEventListener('message', onMessage);
        post({ ret_code: String(msg.ret_code), last_error: String(msg.last_error || 0), signature: msg.signature || '' });
      }
    }
    window.addEventListener('message', onMessage);

    getChallenge().then(function (data) {
      challenge = data.challenge;
      send();
    });
  });
})();
