/* The language switcher (dashboard/views/components.py language_switcher): its links were
 * written for the view the page was built with; the explore page writes later changes into
 * the address bar without rebuilding them, so a click asks for the address the reader is on
 * now, in the chosen language (a full load: <html lang> and every text change together). */
document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.lang-link') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) { return; }
    var params = new URLSearchParams(window.location.search);
    var lang = link.getAttribute('data-lang');
    params.set('lang', lang);  // English too: else the browser's Accept-Language would choose
    var query = params.toString().replace(/%2C/g, ',');
    event.preventDefault();
    window.location.assign(window.location.pathname + (query ? '?' + query : ''));
});
