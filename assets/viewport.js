/* The window's width class for the figures: "narrow" below NARROW_BELOW px (a phone, a narrow
 * embed column), else "wide". The app's router asks for it before the first page
 * (dash_clientside.viewport.widthClass); when a resize or a turned phone crosses the line,
 * the "viewport" store is set and the views redraw their figures in the other form.
 * NARROW_BELOW is dashboard/figures/common.py's NARROW_PX (a test holds them equal). */
(function () {
  'use strict';
  var NARROW_BELOW = 600;
  var current = null;
  var pending = null;

  function widthClass() {
    return window.innerWidth < NARROW_BELOW ? 'narrow' : 'wide';
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.viewport = {
    widthClass: function () {
      current = widthClass();
      return current;
    }
  };

  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      var now = widthClass();
      if (current !== null && now !== current && window.dash_clientside.set_props) {
        current = now;
        window.dash_clientside.set_props('viewport', {data: now});
      }
    }, 150);
  });
}());
