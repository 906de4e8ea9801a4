// Meridian's only script: CSRF for htmx, ECharts for every [data-chart] element (also after htmx swaps),
// copy buttons ([data-copy] = selector of the element whose text is copied), list filters ([data-filter]) with a
// count of the boxes checked ([data-count-checked]), and the navigation's drop-downs.
(function () {
  'use strict';

  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      e.detail.headers[header.content] = token.content;
    }
  });

  // A chart element carries its ECharts option as JSON in data-chart. Tests set
  // <html data-no-animation> (or window.meridianNoAnimation) so screenshots catch finished charts.
  function initCharts(root) {
    if (typeof echarts === 'undefined') {
      return;
    }
    (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
      var option = JSON.parse(el.getAttribute('data-chart'));
      if (document.documentElement.hasAttribute('data-no-animation') || window.meridianNoAnimation) {
        option.animation = false;
      }
      var chart = echarts.getInstanceByDom(el) || echarts.init(el);
      chart.setOption(option, true);
    });
  }

  window.addEventListener('resize', function () {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = typeof echarts !== 'undefined' && echarts.getInstanceByDom(el);
      if (chart) {
        chart.resize();
      }
    });
  });
  document.addEventListener('DOMContentLoaded', function () { initCharts(document); });
  document.addEventListener('htmx:afterSettle', function (e) { initCharts(e.detail.elt); });
  window.meridianCharts = { init: initCharts };

  // A copy button copies the text of the element its data-copy selects and then shows its data-copied
  // label. Where the clipboard API is unavailable (plain http off localhost) the text is selected instead.
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (!source) {
      return;
    }
    var done = function () {
      if (button.hasAttribute('data-copied')) {
        button.textContent = button.getAttribute('data-copied');
      }
    };
    var select = function () {
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.textContent.trim()).then(done, select);
    } else {
      select();
    }
  });

  // A list filter: an input with data-filter="<selector>" shows, inside that element, only the [data-filter-item]
  // elements whose data-filter-text (else their text) contains what was typed, in any case, or that hold a checked
  // box (a choice made stays in sight); a [data-filter-group] left with none is hidden, and [data-filter-empty] shown
  // when nothing is left. Enter in the filter does not submit its form. Without this script everything is shown.
  function applyFilter(input) {
    var root = document.querySelector(input.getAttribute('data-filter'));
    if (!root) {
      return;
    }
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    root.querySelectorAll('[data-filter-group]').forEach(function (group) {
      var any = false;
      group.querySelectorAll('[data-filter-item]').forEach(function (item) {
        var text = (item.getAttribute('data-filter-text') || item.textContent).toLowerCase();
        var box = item.querySelector('input[type="checkbox"]');
        var match = q === '' || text.indexOf(q) >= 0 || (box !== null && box.checked);
        item.hidden = !match;
        any = any || match;
        shown += match ? 1 : 0;
      });
      group.hidden = !any;
    });
    var empty = root.querySelector('[data-filter-empty]');
    if (empty) {
      empty.hidden = shown > 0;
    }
  }
  document.addEventListener('input', function (e) {
    if (e.target.matches && e.target.matches('input[data-filter]')) {
      applyFilter(e.target);
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.matches && e.target.matches('input[data-filter]')) {
      e.preventDefault();
    }
  });

  // An element with data-count-checked="<selector>" says how many boxes are checked inside that element, in its
  // data-count-template ({0} the number), whenever a box changes.
  document.addEventListener('change', function (e) {
    if (!e.target.matches || !e.target.matches('input[type="checkbox"]')) {
      return;
    }
    document.querySelectorAll('[data-count-checked]').forEach(function (el) {
      var root = document.querySelector(el.getAttribute('data-count-checked'));
      if (root) {
        var n = root.querySelectorAll('input[type="checkbox"]:checked').length;
        el.textContent = el.getAttribute('data-count-template').replace('{0}', n);
      }
    });
  });

  // The navigation's groups are <details> drop-downs that work without this script. On a desktop it closes the
  // others when one opens, and all of them on a click elsewhere or on Escape (focus goes back to the group's
  // heading). In the phone menu, where the style shows each group as a headed section, it keeps the groups open
  // so that their state matches what is shown.
  var phone = window.matchMedia('(max-width: 999.98px)');
  function groups() {
    return document.querySelectorAll('.mainnav details.navgroup');
  }
  function fitGroups() {
    groups().forEach(function (d) { d.open = phone.matches; });
  }
  function closeGroups(except) {
    groups().forEach(function (d) {
      if (d !== except && d.open) {
        d.open = false;
      }
    });
  }
  document.addEventListener('DOMContentLoaded', fitGroups);
  if (phone.addEventListener) {
    phone.addEventListener('change', fitGroups);
  }
  document.addEventListener('toggle', function (e) {
    if (!phone.matches && e.target.matches && e.target.matches('.mainnav details.navgroup') && e.target.open) {
      closeGroups(e.target);
    }
  }, true);
  document.addEventListener('click', function (e) {
    if (phone.matches) {
      if (e.target.closest && e.target.closest('.mainnav details.navgroup > summary')) {
        e.preventDefault();
      }
      return;
    }
    if (!(e.target.closest && e.target.closest('.mainnav details.navgroup'))) {
      closeGroups(null);
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' || phone.matches) {
      return;
    }
    var open = e.target.closest && e.target.closest('.mainnav details.navgroup[open]');
    closeGroups(null);
    if (open) {
      open.querySelector('summary').focus();
    }
  });
})();
