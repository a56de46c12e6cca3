/* negotiation-timeline: the embed page's side of resizing (added to /embed only).
 *
 * Reports the page's content height to the host page in the pym.js message format,
 * "pymxPYMx<id>xPYMxheightxPYMx<px>", on load, on every resize or content change, and when
 * the host asks with a pym.js "width" message. <id> is the childId a pym.js parent puts in
 * the iframe's URL (any id for our own parent script, which matches frames by window).
 */
(function () {
  'use strict';
  if (window.parent === window) { return; }  // not in an iframe: nothing to report
  var DELIMITER = 'xPYMx';
  var id = new URLSearchParams(window.location.search).get('childId') || 'negotiation-timeline';
  var last = -1;

  function sendHeight(force) {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last && !force) { return; }
    last = height;
    window.parent.postMessage(['pym', id, 'height', String(height)].join(DELIMITER), '*');
  }

  new ResizeObserver(function () { sendHeight(false); }).observe(document.body);
  window.addEventListener('load', function () { sendHeight(true); });
  window.addEventListener('resize', function () { sendHeight(false); });
  window.addEventListener('message', function (event) {
    if (typeof event.data !== 'string') { return; }
    var parts = event.data.split(DELIMITER);
    if (parts.length === 4 && parts[0] === 'pym' && parts[2] === 'width') { sendHeight(true); }
  });
  sendHeight(true);
})();
