/* The Positions tab (explore and embed; acts only where a position button is pressed, since
 * Dash loads every asset on every page). A position's button opens its detail in the page's
 * one modal <dialog>: the detail is an HTML fragment of this app (the dialog's data-detail +
 * id + '.html', cacheable; dashboard/views/positions.py), fetched once per position; Esc (the
 * dialog's own cancel), Close or a click on the backdrop shuts it and focus returns to the
 * button. In an embed, whose frame is as tall as its content, the dialog opens beside the
 * button rather than in the middle of a frame the reader may see only part of. There, the
 * phone's topic picker is a native <select> (no Dash callback runs in an embed): a change shows
 * that topic's section. */
(function () {
  'use strict';
  var opener = null;
  var fetched = {};  /* a detail's URL -> its HTML */

  function show(dialog, button, id, html) {
    if (dialog.open || opener !== button) { return; }  /* another press came first */
    dialog.innerHTML = html;
    dialog.setAttribute('data-position', id);
    if (document.querySelector('.page.embed')) {
      var top = button.getBoundingClientRect().top + window.scrollY;
      dialog.style.top = Math.max(8, top - 40) + 'px';
    }
    dialog.showModal();
    var heading = dialog.querySelector('h2');
    if (heading) { heading.focus(); }
  }

  function open(button) {
    var dialog = document.getElementById('position-dialog');
    if (!dialog || dialog.open) { return; }
    var id = button.getAttribute('data-position');
    var url = dialog.getAttribute('data-detail') + encodeURIComponent(id) + '.html';
    opener = button;
    if (fetched[url]) { show(dialog, button, id, fetched[url]); return; }
    fetch(url).then(function (response) {
      if (!response.ok) { throw new Error('position detail ' + response.status); }
      return response.text();
    }).then(function (html) {
      fetched[url] = html;
      show(dialog, button, id, html);
    }).catch(function () { /* the button stays as it was; the table still holds the position */ });
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
