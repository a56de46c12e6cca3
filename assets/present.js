/* /present in the browser: keys and clicker, the figure area's size, the presenter's window.
 * Acts only on a deck page, projected (.present-deck) or presenter (.present-presenter): Dash
 * loads every asset on every page.
 *
 * Keys: a step sets the "url" location's slide (history.pushState, as the page's own prev/next
 * links do: every slide has a URL and the back button works), counted from the slide already
 * asked for, so quick presses are never lost. Tab order is left alone: focus is never trapped.
 *
 * Figure area: dash_clientside.present.measure (a clientside callback on each new slide) waits
 * for the slide's grid to be laid out and returns the size of .slide-figure to the
 * "present-area" store; the server builds the figure for it. A ResizeObserver reports it again
 * when it changes. present.css sets --sized to 0 where the figure takes its own height (a phone).
 *
 * Windows in step: every slide shown (dash_clientside.present.shown) is announced on a
 * BroadcastChannel named by the deck (data-channel); a window hearing of a newer slide than
 * its own goes there (the "url" location's search), without announcing it back. */
(function () {
  'use strict';
  /* A key's step: +1 / -1 from the slide shown (or the one already asked for), or first / last. */
  var STEPS = {ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1, Home: 'first', End: 'last'};
  var AREA = 'present-area';
  var RESIZE_PX = 16;  /* a smaller change of the figure area keeps its figure (plotly autosizes) */
  var TIMER_KEY = 'present-timer';

  function deckRoot() { return document.querySelector('.present-deck, .present-presenter'); }
  function presenting() { return document.querySelector('.present-presenter') !== null; }
  function noUpdate() { return window.dash_clientside.no_update; }

  function follow(id) {
    var link = document.getElementById(id);
    if (link && link.tagName === 'A') { link.click(); }
  }

  /* Go to slide ``slide``: the "url" location's search (pushState: the back button returns). */
  function goTo(slide) {
    var params = new URLSearchParams(window.location.search);
    params.set('slide', String(slide));
    window.dash_clientside.set_props('url', {search: '?' + params.toString()});
  }

  /* A step asked for by key or clicker. Counted from the slide already asked for, so three quick
   * presses move three slides even before the first has been drawn. */
  var asked = null;

  function step(move) {
    var root = deckRoot();
    var count = Number(root.getAttribute('data-count'));
    if (new URLSearchParams(window.location.search).get('slide') !== String(asked)) {
      asked = null;  /* the back button, or a link, went elsewhere since */
    }
    var from = asked || slideOf(root);
    var target = move === 'first' ? 1 : move === 'last' ? count : Math.min(count, Math.max(1, from + move));
    if (target === from || !new URLSearchParams(window.location.search).has('deck')) { return; }
    asked = target;
    goTo(target);
  }

  function toggleNotes() { document.body.classList.toggle('present-notes-on'); }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () { /* refused: stay windowed */ });
    }
  }

  /* ---- the figure area ---- */
  var reported = null;
  var observed = null;
  var pending = null;

  function area() {
    var box = document.querySelector('.slide-figure');
    if (!box) { return null; }
    var rect = box.getBoundingClientRect();
    var sized = getComputedStyle(box).getPropertyValue('--sized').trim() !== '0';
    return {width: Math.round(rect.width), height: sized ? Math.round(rect.height) : null,
            search: window.location.search};
  }

  function changed(now) {
    return !reported || Math.abs(now.width - reported.width) >= RESIZE_PX ||
      (now.height === null) !== (reported.height === null) ||
      (now.height !== null && Math.abs(now.height - reported.height) >= RESIZE_PX);
  }

  var resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      var now = area();
      if (now && changed(now) && window.dash_clientside.set_props) {
        reported = now;
        window.dash_clientside.set_props(AREA, {data: now});
      }
    }, 200);
  }) : null;

  function watchArea() {
    var box = document.querySelector('.slide-figure');
    if (!resizes || !box || box === observed) { return; }
    if (observed) { resizes.unobserve(observed); }
    observed = box;
    resizes.observe(box);
  }

  /* ---- windows in step ---- */
  var channel = null;
  var channelName = null;
  var lastChange = 0;  /* when this window last changed slide (its own step or one it followed) */
  var following = null;  /* the slide this window is going to because another window showed it */

  function slideOf(root) { return Number(root.getAttribute('data-slide')); }

  function onMessage(event) {
    var message = event.data;
    var root = deckRoot();
    if (!root || !message || typeof message.slide !== 'number' || message.t < lastChange) { return; }
    lastChange = message.t;
    if (message.slide === slideOf(root)) { return; }
    following = message.slide;
    goTo(message.slide);
  }

  function join(name) {
    if (name === channelName) { return; }
    if (channel) { channel.close(); }
    channelName = name;
    channel = typeof BroadcastChannel === 'function' && name ? new BroadcastChannel(name) : null;
    if (channel) { channel.onmessage = onMessage; }
  }

  /* ---- the presenter's clock and timer (kept in sessionStorage: a reload keeps the time) ---- */
  function timerState() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(TIMER_KEY) || 'null');
      if (saved && typeof saved.start === 'number') { return saved; }
    } catch (error) { /* storage refused or garbled: start afresh */ }
    return {start: Date.now(), paused: null};
  }

  function saveTimer(state) {
    try { window.sessionStorage.setItem(TIMER_KEY, JSON.stringify(state)); } catch (error) { /* refused */ }
  }

  function two(n) { return (n < 10 ? '0' : '') + n; }

  function tick() {
    var clock = document.getElementById('presenter-clock');
    var timer = document.getElementById('presenter-timer');
    if (!clock || !timer) { return; }
    var now = new Date();
    clock.textContent = two(now.getHours()) + ':' + two(now.getMinutes());
    var state = timerState();
    var seconds = Math.max(0, Math.floor(((state.paused || Date.now()) - state.start) / 1000));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor(seconds / 60) % 60;
    timer.textContent = (hours ? hours + ':' + two(minutes) : String(minutes)) + ':' + two(seconds % 60);
    var pause = document.getElementById('presenter-timer-pause');
    if (pause) { pause.textContent = state.paused ? (pause.dataset.resume || 'Resume') : (pause.dataset.pause || 'Pause'); }
  }

  function pauseTimer() {
    var state = timerState();
    if (state.paused) { state.start += Date.now() - state.paused; state.paused = null; }
    else { state.paused = Date.now(); }
    saveTimer(state);
    tick();
  }

  function resetTimer() {
    var state = timerState();
    saveTimer({start: Date.now(), paused: state.paused ? Date.now() : null});
    tick();
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.present = {
    /* The figure area of the slide just rendered, once its grid is laid out. */
    measure: function () {
      return new Promise(function (resolve) {
        window.requestAnimationFrame(function () {
          watchArea();
          var now = area();
          if (now) { reported = now; }
          resolve(now || noUpdate());
        });
      });
    },
    /* A slide was rendered: tell the deck's other windows, unless it followed one of them. */
    shown: function () {
      var root = deckRoot();
      if (!root) { return noUpdate(); }
      join(root.getAttribute('data-channel'));
      var slide = slideOf(root);
      if (asked === slide) { asked = null; }
      if (following === slide) {
        following = null;
      } else {
        lastChange = Date.now();
        if (channel) { channel.postMessage({slide: slide, t: lastChange}); }
      }
      if (presenting()) {
        saveTimer(timerState());  /* the timer starts when the presenter's window first opens */
        tick();
      }
      return noUpdate();
    }
  };

  window.setInterval(function () { if (presenting()) { tick(); } }, 1000);

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (!deckRoot() || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey ||
        (target.closest && target.closest('input, textarea, select, [contenteditable]'))) { return; }
    var key = event.key;
    if (key === ' ') {
      if (target.closest && target.closest('a, button')) { return; }  /* Space presses the focused control */
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (STEPS[key]) {
      event.preventDefault();
      step(STEPS[key]);
    } else if (key === 'f' || key === 'F') {
      toggleFullscreen();
    } else if ((key === 'n' || key === 'N') && !presenting()) {
      toggleNotes();
    } else if ((key === 'p' || key === 'P') && !presenting()) {
      follow('present-presenter');
    } else if (key === 'Escape' && document.fullscreenElement) {
      document.exitFullscreen();
    }
  });

  document.addEventListener('click', function (event) {
    if (!event.target.closest) { return; }
    if (event.target.closest('#present-notes-toggle')) { toggleNotes(); }
    else if (event.target.closest('#present-fullscreen')) { toggleFullscreen(); }
    else if (event.target.closest('#presenter-timer-pause')) { pauseTimer(); }
    else if (event.target.closest('#presenter-timer-reset')) { resetTimer(); }
    else if (event.target.closest('#handout-print')) { window.print(); }
  });
}());
