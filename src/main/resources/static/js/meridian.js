// Meridian's only script: CSRF for htmx, ECharts for every [data-chart] element (also after htmx swaps),
// and copy buttons ([data-copy] = selector of the element whose text is copied).
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
})();
