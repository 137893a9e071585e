// Progressive enhancement only (PUB-1): the search form works without this file.
// On submit, fields left empty (and the default page size) are left out of the URL, so that the address
// of a search stays short and readable; the server reads a missing field as "any".
(function () {
  var form = document.querySelector('form[data-search-form]');
  if (!form) return;
  form.addEventListener('submit', function () {
    var fields = form.querySelectorAll('input[name], select[name]');
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      var empty = f.value.trim() === '' || (f.name === 'size' && f.value === '15');
      if (empty && f.type !== 'checkbox') f.disabled = true;
    }
    // The fields come back if the page is shown again from the back/forward cache.
    window.setTimeout(function () {
      for (var j = 0; j < fields.length; j++) fields[j].disabled = false;
    }, 0);
  });
})();
