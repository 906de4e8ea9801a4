// The scheme editor: a rule's parameters can be typed only for its method (LINEAR: zero and full; BANDS: bands).
// The server re-checks the form on every change but sends back only shares and problems (htmx out-of-band
// swaps), never the inputs, so nothing typed meanwhile is lost; this keeps the inputs' state in step.
(function () {
  'use strict';

  function apply(select) {
    var row = select.closest('tr');
    if (!row) {
      return;
    }
    var method = select.value;
    row.querySelectorAll('input[id$="-zero"], input[id$="-full"], input[id$="-bands"]').forEach(function (input) {
      var bands = /-bands$/.test(input.id);
      var on = bands ? method === 'BANDS' : method === 'LINEAR';
      input.readOnly = !on;
      input.style.background = on ? '' : '#f1f4f5';
      input.style.color = on ? '' : '#8a979f';
      if (bands) {
        input.placeholder = on ? '4:100, 24:80, 48:60' : '';
      }
    });
  }

  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('#scheme-form select[id$="-method"]')) {
      apply(e.target);
    }
  });
})();
