/* Repairs the ARIA of Dash 4's checklists, radio items and dropdowns (no props reach it):
 * - a checklist or radio group is a listbox of "option" labels holding real inputs (nested
 *   interactive controls): it becomes a named group of plain labelled inputs;
 * - a dropdown's tab stop is an aria-hidden proxy input: the button itself becomes the tab
 *   stop, named by its <label> as well as its value.
 * Each group or dropdown is named by the <label for="its id"> the page puts before it.
 * Re-applied whenever Dash re-renders; every change is idempotent. */
(function () {
  'use strict';

  function labelId(id) {
    var label = id && document.querySelector('label[for="' + CSS.escape(id) + '"]');
    if (!label) { return null; }
    if (!label.id) { label.id = id + '-label'; }
    return label.id;
  }

  function set(element, name, value) {
    if (element.getAttribute(name) !== value) { element.setAttribute(name, value); }
  }

  function repairGroup(list) {
    set(list, 'role', list.querySelector('input[type=radio]') ? 'radiogroup' : 'group');
    var name = labelId(list.id);
    if (name) { set(list, 'aria-labelledby', name); }
    list.querySelectorAll('[role=option], [aria-selected]').forEach(function (option) {
      option.removeAttribute('role');
      option.removeAttribute('aria-selected');
    });
  }

  function repairDropdown(proxy) {
    var button = proxy.nextElementSibling;
    if (proxy.getAttribute('tabindex') !== '-1') { proxy.setAttribute('tabindex', '-1'); }
    if (!button || button.tagName !== 'BUTTON' || button.disabled) { return; }
    set(button, 'tabindex', '0');
    var name = labelId(button.id), labelled = button.getAttribute('aria-labelledby') || '';
    if (name && labelled.split(' ').indexOf(name) < 0) {
      button.setAttribute('aria-labelledby', (name + ' ' + labelled).trim());
    }
  }

  function repair() {
    document.querySelectorAll('.dash-checklist[id], .dash-radioitems[id]').forEach(repairGroup);
    document.querySelectorAll('input.dash-dropdown-focus-target').forEach(repairDropdown);
  }

  new MutationObserver(repair).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ['role', 'aria-selected', 'aria-labelledby', 'tabindex'],
  });
  repair();
}());
