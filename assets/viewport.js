/* The form of the figures' box: "phone" below PHONE_BELOW px, "column" up to WIDE_ABOVE px,
 * else "wide" (dashboard/figures/size.py holds the same thresholds; a test keeps them equal).
 *
 * Before the first page exists the app's router asks for it (dash_clientside.viewport.form):
 * the figure's box is not drawn yet, so its width is estimated from the window and the page's
 * grid (style.css: the explore page's controls column beside the chart above 900 px, the
 * embed's padding). Once a figure is on the page a ResizeObserver watches its box (the
 * `.graph-figure` around the graph), and when its width crosses a form boundary the
 * "viewport" store is set: the views redraw their figures in the other form. The URL never
 * holds the form. Where the explore page's controls stand above the chart, it folds them. */
(function () {
  'use strict';
  var PHONE_BELOW = 480;
  var WIDE_ABOVE = 900;
  var current = null;
  var observed = typeof WeakSet === 'function' ? new WeakSet() : null;

  function formOf(width) {
    if (width < PHONE_BELOW) { return 'phone'; }
    return width <= WIDE_ABOVE ? 'column' : 'wide';
  }

  /* The width the figure will get on the page about to be built (style.css's layout). */
  function expectedWidth() {
    var win = document.documentElement.clientWidth || window.innerWidth;
    if (window.location.pathname.indexOf('/embed') === 0) { return win - 24; }
    if (window.location.pathname.indexOf('/present') === 0) { return win; }
    var padding = win <= 480 ? 16 : 40;
    var controls = win > 900 ? 256 + 24 : 0;  /* the controls column (16rem) and the gap */
    return win - padding - controls;
  }

  function report(width) {
    if (!width) { return; }  /* a hidden figure (the table tab) has no width */
    if (window.location.pathname.indexOf('/present') === 0) {
      width = expectedWidth();  /* a slide's figure takes the window's form (views/present) */
    }
    var now = formOf(width);
    if (current !== null && now !== current && window.dash_clientside.set_props) {
      current = now;
      window.dash_clientside.set_props('viewport', {data: now});
    }
  }

  /* Where the controls stand above the chart (style.css: 900 px and narrower) a new explore
   * page folds them, so its first screen is the chart; the server folds them on a phone. */
  function foldControls() {
    var fold = document.querySelector('.controls-fold');
    if (!fold || !observed || observed.has(fold)) { return; }
    observed.add(fold);
    if ((document.documentElement.clientWidth || window.innerWidth) <= WIDE_ABOVE) { fold.open = false; }
  }

  function watch() {
    foldControls();
    if (!observed || typeof ResizeObserver !== 'function') { return; }
    var boxes = document.querySelectorAll('.graph-figure');
    for (var i = 0; i < boxes.length; i += 1) {
      if (!observed.has(boxes[i])) {
        observed.add(boxes[i]);
        resizes.observe(boxes[i]);
        report(boxes[i].getBoundingClientRect().width);
      }
    }
  }

  var pending = null;
  var resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(function (entries) {
    var width = entries[entries.length - 1].contentRect.width;
    clearTimeout(pending);
    pending = setTimeout(function () { report(width); }, 150);
  }) : null;

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.viewport = {
    form: function () {
      current = formOf(expectedWidth());
      return current;
    }
  };

  /* Pages are routed in the browser: a new page brings a new figure box to observe. */
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof MutationObserver === 'function') {
      new MutationObserver(watch).observe(document.body, {childList: true, subtree: true});
    }
  });
}());
