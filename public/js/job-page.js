// 友善列印 (PUB-2): the print page works without JavaScript (its hint names the browser's Print command);
// with JavaScript, the hidden 「列印」 button appears and opens the print dialog.
(function () {
  var buttons = document.querySelectorAll('button[data-print]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      window.print();
    });
  }
})();
