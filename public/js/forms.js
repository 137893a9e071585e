// Progressive enhancement only: the page works without this file.
// Moves focus to the error summary after a failed submit so that screen readers announce it.
(function () {
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
