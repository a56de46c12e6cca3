/* negotiation-timeline: figures on narrow screens (phones, narrow news columns).
 *
 * A figure may carry layout.meta.narrow, the relayout it wants when drawn narrower than
 * layout.meta.narrow_px, and layout.meta.wide, the relayout that undoes it (both set the same
 * keys); the figure functions in Python decide what changes, this script only compares widths.
 * It checks after every draw, so a figure redrawn by a callback or resized with its column
 * gets the right form.
 */
(function () {
  'use strict';
  var watched = new WeakSet();

  function get(object, path) {
    return path.split('.').reduce(function (o, key) { return o == null ? undefined : o[key]; }, object);
  }

  function adapt(gd) {
    var meta = gd.layout && gd.layout.meta;
    if (!meta || !meta.narrow || !meta.wide || !window.Plotly || !gd.clientWidth) {
      if (gd.style.height.slice(-2) === 'px') {  // a figure without forms: its own height again
        gd.style.height = '';
        if (window.Plotly) { window.Plotly.Plots.resize(gd); }
      }
      return;
    }
    var key = Object.keys(meta.narrow)[0];
    var narrow = gd.clientWidth < meta.narrow_px;
    var form = narrow ? meta.narrow : meta.wide;
    if (narrow !== (get(gd.layout, key) === meta.narrow[key])) {
      // dcc.Graph sizes a responsive graph by its box: the box takes the form's height
      if (form.height) { gd.style.height = form.height + 'px'; }
      window.Plotly.relayout(gd, form);
    }
  }

  function watch(gd) {
    if (watched.has(gd) || typeof gd.on !== 'function') { return; }
    watched.add(gd);
    gd.on('plotly_afterplot', function () { adapt(gd); });
    adapt(gd);
  }

  new MutationObserver(function () {
    document.querySelectorAll('.js-plotly-plot').forEach(watch);
  }).observe(document.documentElement, {childList: true, subtree: true});
}());
