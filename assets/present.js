/* Keys and clicker for /present: act only on a deck page (Dash loads every asset on every page).
 * Slide changes click the page's own prev/next links (dcc.Link: history.pushState, so every
 * slide has a URL and the back button works). Tab order is left alone: focus is never trapped. */
(function () {
  'use strict';
  var STEPS = {ArrowRight: 'present-next', PageDown: 'present-next', ArrowLeft: 'present-prev',
               PageUp: 'present-prev', Home: 'present-first', End: 'present-last'};

  function onDeck() { return document.querySelector('.present-deck') !== null; }

  function follow(id) {
    var link = document.getElementById(id);
    if (link && link.tagName === 'A') { link.click(); }
  }

  function toggleNotes() { document.body.classList.toggle('present-notes-on'); }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () { /* refused: stay windowed */ });
    }
  }

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (!onDeck() || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey ||
        (target.closest && target.closest('input, textarea, select, [contenteditable]'))) { return; }
    var key = event.key;
    if (key === ' ') {
      if (target.closest && target.closest('a, button')) { return; }  /* Space presses the focused control */
      event.preventDefault();
      follow(event.shiftKey ? 'present-prev' : 'present-next');
    } else if (STEPS[key]) {
      event.preventDefault();
      follow(STEPS[key]);
    } else if (key === 'f' || key === 'F') {
      toggleFullscreen();
    } else if (key === 'n' || key === 'N') {
      toggleNotes();
    } else if (key === 'Escape' && document.fullscreenElement) {
      document.exitFullscreen();
    }
  });

  document.addEventListener('click', function (event) {
    if (!event.target.closest) { return; }
    if (event.target.closest('#present-notes-toggle')) { toggleNotes(); }
    else if (event.target.closest('#present-fullscreen')) { toggleFullscreen(); }
    else if (event.target.closest('#handout-print')) { window.print(); }
  });
}());
