// The channel portal: registers its service worker (the script tag names it and its scope), which keeps the shell
// for offline use and never a page with data. Without service workers (old browsers, plain http off localhost)
// the portal works as any page.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !('serviceWorker' in navigator)) {
    return;
  }
  var worker = script.getAttribute('data-worker');
  var scope = script.getAttribute('data-scope');
  navigator.serviceWorker.register(worker, { scope: scope }).catch(function () {
    // not installable here; the pages keep working
  });
})();
