// Progressive enhancement only: the 機關徵才登錄 form works without this file (AGY-3's default is then applied when
// the page comes back from the server). When 人員區分 changes, 五、應徵者履歷調閱方式 follows its default at once —
// 不須具 for the codes listed in the form's data-open-kinds, 須具 for every other — until the person picks a mode
// themselves. Nothing happens while the mode is locked (inside the validity period: the radios are disabled).
(function () {
  var form = document.querySelector('form.agency-form[data-open-kinds]');
  var select = document.getElementById('f-personKindCode');
  if (!form || !select) return;
  var open = form.getAttribute('data-open-kinds').split(' ');
  var radios = form.querySelectorAll('input[type="radio"][name="accessMode"]');
  var chosenByPerson = false;
  for (var i = 0; i < radios.length; i++) {
    if (radios[i].checked && form.getAttribute('data-mode-chosen') === 'yes') chosenByPerson = true;
    radios[i].addEventListener('change', function () {
      chosenByPerson = true;
    });
  }
  select.addEventListener('change', function () {
    if (chosenByPerson || !select.value) return;
    var mode = open.indexOf(select.value) >= 0 ? 'open' : 'civil_service';
    for (var j = 0; j < radios.length; j++) {
      if (radios[j].disabled) return;
      radios[j].checked = radios[j].value === mode;
    }
  });
})();
