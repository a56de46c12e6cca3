/* Keyboard path through the events (explore page; acts only where #event-list exists, since
 * Dash loads every asset on every page). Roving focus: ↑ ↓ ← → Home End move between the
 * event buttons; Enter presses one (the page opens its detail) and focus moves to the detail's
 * heading; Esc (or Close) shuts the detail and focus returns to the event's button. */
(function () {
  'use strict';
  var NEXT = {ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1};
  var opened = null;     /* data-event of the button that opened the detail */
  var pending = null;    /* 'detail' or 'return': where focus goes once the page has re-rendered */

  function buttons() {
    var list = document.getElementById('event-list');
    return list ? Array.prototype.slice.call(list.querySelectorAll('.event-item')) : [];
  }

  function rove(target) {
    buttons().forEach(function (b) { b.tabIndex = b === target ? 0 : -1; });
    target.focus();
  }

  function detailOpen() {
    var detail = document.getElementById('detail');
    return detail !== null && detail.classList.contains('open');
  }

  function settle() {
    if (pending === 'detail' && detailOpen() && document.getElementById('detail-title')) {
      pending = null;
      document.getElementById('detail-title').focus();
    } else if (pending === 'return' && !detailOpen()) {
      pending = null;
      var back = buttons().filter(function (b) { return b.getAttribute('data-event') === opened; })[0];
      if (back) { rove(back); }
    }
  }

  function close() {
    pending = 'return';
    var button = document.getElementById('detail-close');
    if (button) { button.click(); }
  }

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var item = event.target.closest && event.target.closest('#event-list .event-item');
    if (item) {
      var all = buttons(), index = all.indexOf(item), step = NEXT[event.key];
      var target = step ? all[Math.min(Math.max(index + step, 0), all.length - 1)]
        : event.key === 'Home' ? all[0] : event.key === 'End' ? all[all.length - 1] : null;
      if (target) {
        event.preventDefault();
        rove(target);
      }
    } else if (event.key === 'Escape' && detailOpen() && !event.target.closest('[role=listbox], dialog')) {
      event.preventDefault();
      close();
    }
  });

  document.addEventListener('click', function (event) {
    if (!event.target.closest) { return; }
    var item = event.target.closest('#event-list .event-item');
    if (item) {
      opened = item.getAttribute('data-event');
      pending = item.getAttribute('aria-current') === 'true' ? null : 'detail';
      rove(item);
    } else if (event.target.closest('#detail-close') && opened !== null) {
      pending = 'return';
    }
  });

  new MutationObserver(settle).observe(document.documentElement,
    {subtree: true, childList: true, attributes: true, attributeFilter: ['class']});
}());
