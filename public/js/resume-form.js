// Progressive enhancement of 履歷填寫 (RES-2, RES-8, RES-9); the form works without this file.
//  - 專長 / 自傳: the character count updates as you type (the server enforces the same limit).
//  - 性別: filled from the ID number as it is typed; choosing another asks 確定 first (a dialog), which ticks
//    the confirmation box the server asks for without JavaScript.
//  - 證照資格/作品附件: choosing a file when one is saved asks whether it replaces the current one.
//  - Typing keeps the session alive: accounts-session.js (the idle notice) counts it as activity (SYS-5).
(function () {
  var form = document.querySelector('form.resume-form');
  if (!form) return;

  // Characters as the server counts them: code points, a line break is one.
  function count(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      n++;
    }
    return n;
  }
  function group(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  var areas = form.querySelectorAll('textarea[data-counter]');
  for (var a = 0; a < areas.length; a++) {
    (function (area) {
      var out = document.getElementById(area.getAttribute('data-counter'));
      var max = Number(area.getAttribute('data-max'));
      if (!out || !max) return;
      var timer = null;
      function update() {
        var n = count(area.value.trim());
        var text = out.getAttribute('data-template').replace('{count}', group(n)).replace('{max}', group(max));
        if (n > max) text += '（' + out.getAttribute('data-over').replace('{over}', group(n - max)) + '）';
        out.textContent = text;
        out.className = n > max ? 'char-counter over' : 'char-counter';
      }
      // Announced politely after a pause, not at every key.
      area.addEventListener('input', function () {
        if (timer) window.clearTimeout(timer);
        timer = window.setTimeout(update, 400);
      });
    })(areas[a]);
  }

  // 性別 from the ID number (2nd character: 1 A C 8 male, 2 B D 9 female).
  var select = form.querySelector('select[data-gender-select]');
  var idField = select && document.getElementById(select.getAttribute('data-id-field'));
  var confirmBox = form.querySelector('[data-gender-confirm]');
  var confirmInput = confirmBox && confirmBox.querySelector('input[type=checkbox]');
  function genderOfId(value) {
    var id = value.trim().toUpperCase();
    if (!/^[A-Z][12ABCD89]\d{8}$/.test(id)) return '';
    return '1AC8'.indexOf(id.charAt(1)) >= 0 ? 'M' : 'F';
  }
  if (select && idField && confirmBox && confirmInput) {
    var previous = select.value;
    idField.addEventListener('change', function () {
      var g = genderOfId(idField.value);
      if (!g) return;
      select.value = g;
      previous = g;
      confirmInput.checked = false;
      confirmBox.hidden = true;
    });
    select.addEventListener('change', function () {
      var fromId = genderOfId(idField.value);
      if (fromId && select.value && select.value !== fromId) {
        if (window.confirm(select.getAttribute('data-confirm'))) {
          confirmInput.checked = true;
          confirmBox.hidden = false;
        } else {
          select.value = previous;
          return;
        }
      } else {
        confirmInput.checked = false;
        confirmBox.hidden = true;
      }
      previous = select.value;
    });
  }

  // Replacing the saved attachment asks first.
  var file = form.querySelector('input[type=file][data-replace-confirm]');
  if (file) {
    file.addEventListener('change', function () {
      var box = document.getElementById(file.getAttribute('data-replace-checkbox'));
      if (!file.value || !box || box.checked) return;
      if (window.confirm(file.getAttribute('data-replace-confirm'))) box.checked = true;
      else file.value = '';
    });
  }
})();
