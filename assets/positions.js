/* The Positions tab (explore and embed; acts only where a position button is pressed, since
 * Dash loads every asset on every page). A position's button opens its detail, a modal
 * <dialog> rendered with the table (dashboard/views/positions.py); Esc (the dialog's own
 * cancel), Close or a click on the backdrop shuts it and focus returns to the button. In an
 * embed, whose frame is as tall as its content, the dialog opens beside the button rather than
 * in the middle of a frame the reader may see only part of. There, the phone's topic picker is
 * a native <select> (no Dash callback runs in an embed): a change shows that topic's section. */
(function () {
  'use strict';
  var opener = null;

  function open(button) {
    var dialog = document.getElementById('position-' + button.getAttribute('data-position'));
    if (!dialog || dialog.open) { return; }
    opener = button;
    if (document.querySelector('.page.embed')) {
      var top = button.getBoundingClientRect().top + window.scrollY;
      dialog.style.top = Math.max(8, top - 40) + 'px';
    }
    dialog.showModal();
    var heading = dialog.querySelector('h2');
    if (heading) { heading.focus(); }
  }

  document.addEventListener('click', function (event) {
    if (!event.target.closest) { return; }
    var button = event.target.closest('.position-cell');
    if (button) {
      open(button);
      return;
    }
    var dialog = event.target.closest('.position-dialog');
    if (dialog && (event.target.closest('.position-close') || event.target === dialog)) {
      dialog.close();  /* Close, or the backdrop (a click outside the dialog's box lands on it) */
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target.id !== 'positions-topic-pick') { return; }
    var sections = document.querySelectorAll('section[id*="positions-topic"]');
    for (var i = 0; i < sections.length; i += 1) {
      var id = {};
      try { id = JSON.parse(sections[i].id); } catch (error) { /* not a topic's section */ }
      sections[i].hidden = id.topic !== event.target.value;
    }
  });

  document.addEventListener('close', function (event) {
    if (event.target.classList && event.target.classList.contains('position-dialog') && opener) {
      var back = opener;
      opener = null;
      if (document.body.contains(back)) { back.focus(); }
    }
  }, true);
}());
