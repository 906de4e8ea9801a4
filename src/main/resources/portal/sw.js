// The channel portal's service worker, served by Meridian at /portal/sw.js with the shell's list and version filled
// in. It keeps ONLY the shell: style sheets, scripts, images and the offline page, none of which carries data.
// Pages and API answers are never stored: they are derived from patients' referrals and must not stay on a phone
// (a lost or shared device, a signed-out user); without a network a page is replaced by the offline page.
'use strict';

var VERSION = '__VERSION__';
var SHELL = __SHELL__;
var OFFLINE = '__OFFLINE__';
var CACHE = 'meridian-shell-' + VERSION;
// Paths whose answers are static assets (no data, the same for every user): the only requests this worker answers
// from its cache. Everything else goes to the network untouched.
var STATIC = __STATIC__;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys()
    .then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf('meridian-shell-') === 0 && k !== CACHE; })
        .map(function (k) { return caches.delete(k); }));
    })
    .then(function () { return self.clients.claim(); }));
});

function isStatic(url) {
  return url.origin === self.location.origin && STATIC.some(function (p) { return url.pathname.indexOf(p) === 0; });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  if (request.mode === 'navigate') {
    // a page: always from the network and never stored; the offline page when there is no network
    event.respondWith(fetch(request).catch(function () {
      return caches.open(CACHE).then(function (cache) { return cache.match(OFFLINE); });
    }));
    return;
  }
  var url = new URL(request.url);
  if (!isStatic(url)) {
    return;
  }
  // a static asset: the cached copy at once, refreshed from the network for the next time
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (cached) {
      var fresh = fetch(request).then(function (response) {
        if (response.ok && response.type === 'basic') {
          cache.put(request, response.clone());
        }
        return response;
      });
      if (cached) {
        fresh.catch(function () { return undefined; });
        return cached;
      }
      return fresh;
    });
  }));
});
