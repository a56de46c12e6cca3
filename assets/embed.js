/* negotiation-timeline: the host-page script for embeds (served at /assets/embed.js).
 *
 * 1. Turns each <div data-negotiation-timeline="…/embed?…"> into a lazy iframe.
 * 2. Resizes every iframe showing this app to the height its page reports. The embed page
 *    sends pym.js messages ("pymxPYMx<id>xPYMxheightxPYMx<px>"), so hosts that use pym.js
 *    work too. A message counts only if it comes from this app's origin, and it resizes only
 *    the iframe whose window sent it.
 * Dash never loads this file into the app's own pages (assets_ignore).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) { return; }
  var origin = new URL(script.src, window.location.href).origin;
  var registry = (window.negotiationTimelineEmbeds = window.negotiationTimelineEmbeds || {});
  if (registry[origin]) { return; }  // one listener per app, however many embeds the page has
  registry[origin] = true;
  var DELIMITER = 'xPYMx';

  function appFrames() {
    return Array.prototype.filter.call(document.getElementsByTagName('iframe'), function (frame) {
      try { return new URL(frame.src, window.location.href).origin === origin; } catch (e) { return false; }
    });
  }

  function upgrade() {
    var boxes = document.querySelectorAll('div[data-negotiation-timeline]:not([data-negotiation-timeline-ready])');
    Array.prototype.forEach.call(boxes, function (box) {
      var src = new URL(box.getAttribute('data-negotiation-timeline'), origin);
      if (src.origin !== origin) { return; }
      var width = box.getAttribute('data-width') || '100%';
      var frame = document.createElement('iframe');
      frame.src = src.href;
      frame.title = box.getAttribute('data-title') || 'negotiation-timeline';
      frame.loading = 'lazy';
      frame.setAttribute('width', width);
      frame.setAttribute('height', box.getAttribute('data-height') || '600');
      frame.style.border = '0';
      frame.style.width = width === '100%' ? '100%' : parseInt(width, 10) + 'px';
      frame.style.maxWidth = '100%';
      box.setAttribute('data-negotiation-timeline-ready', '');
      box.replaceChildren(frame);
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || typeof event.data !== 'string') { return; }
    var parts = event.data.split(DELIMITER);
    if (parts.length !== 4 || parts[0] !== 'pym' || parts[2] !== 'height') { return; }
    var height = parseInt(parts[3], 10);
    if (!(height > 0 && height < 100000)) { return; }
    appFrames().forEach(function (frame) {
      if (frame.contentWindow === event.source) {
        frame.style.height = height + 'px';
        frame.setAttribute('height', String(height));
      }
    });
  });

  // A frame whose src has not loaded yet still holds its initial empty document, of this
  // page's origin: a message for the app's origin cannot reach it (the browser drops it with a
  // console warning), and the embed page reports its height by itself once it has loaded.
  function showsTheApp(frame) {
    try {
      return frame.contentWindow.location.origin === origin;  // readable: of this page's origin
    } catch (e) {
      return true;  // unreadable: another origin's document, the app's page from frame.src
    }
  }

  // Iframes that loaded before this script ran have sent their height already: ask again
  // (a pym.js "width" message makes the embed page report its height).
  function askForHeights() {
    appFrames().forEach(function (frame) {
      if (frame.contentWindow && showsTheApp(frame)) {
        frame.contentWindow.postMessage(['pym', 'negotiation-timeline', 'width', frame.offsetWidth].join(DELIMITER), origin);
      }
    });
  }

  function start() { upgrade(); askForHeights(); }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  window.addEventListener('load', askForHeights);
})();
