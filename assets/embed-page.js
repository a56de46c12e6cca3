/* negotiation-timeline: the static embed page's script (dashboard/views/embed.py).
 *
 * The page carries its view's figure in each form (phone below PHONE_BELOW px of box width,
 * column up to WIDE_ABOVE, wide above: dashboard/figures/size.py holds the same thresholds,
 * a test keeps them equal) in #embed-data. This draws the one for the width of the figure's
 * box with plotly.js, draws the other when the box crosses a form boundary, and hides the
 * first picture once the figure is drawn in its place. A click on an event, or Enter on its
 * button in "Events in this view", opens its detail (an HTML fragment of this app, fetched
 * once: GET, cacheable), draws the figure with the event marked where the page has a figures
 * URL (the app's /embed/figures.json, GET, cacheable; a published page keeps its figure) and
 * points the link back at it; Close or Esc shuts it, the figure goes back to the page's own
 * and focus returns to the event's button. No request but those GETs; nothing is evaluated. */
(function () {
  'use strict';
  var PHONE_BELOW = 480;
  var WIDE_ABOVE = 900;
  var source = document.getElementById('embed-data');
  if (!source) { return; }
  var data = JSON.parse(source.textContent);
  var graph = document.getElementById('embed-graph');  /* the box; plotly draws in its .embed-plot */
  var plot = graph && graph.querySelector('.embed-plot');
  var detail = document.getElementById('embed-detail');
  var back = document.getElementById('embed-back');
  var opener = null;  /* the event button whose detail is open */
  var drawn = null;   /* the form drawn */
  var fragments = {};
  var own = data.unmarked ? null : data.figures;  /* the figures with no event marked, once known */
  var bound = false;  /* the click handler is on the plot */
  var opened = null;  /* the id of the event whose detail is open */

  function formOf(width) {
    if (width < PHONE_BELOW) { return 'phone'; }
    return width <= WIDE_ABOVE ? 'column' : 'wide';
  }

  function draw() {
    var form = formOf(graph.getBoundingClientRect().width);
    if (form === drawn || !data.figures[form] || !window.Plotly) { return; }
    drawn = form;
    var figure = JSON.parse(JSON.stringify(data.figures[form]));  /* plotly keeps what it is given */
    graph.style.height = plot.style.height = figure.layout.height + 'px';
    graph.setAttribute('data-form', form);
    window.Plotly.react(plot, figure.data, figure.layout, data.config).then(function () {
      document.body.classList.add('embed-drawn');
      if (!bound) {
        bound = true;
        plot.on('plotly_click', function (event) {
          var point = event && event.points && event.points[0];
          if (point && typeof point.customdata === 'string') { open(point.customdata, null); }
        });
      }
    });
  }

  function redraw(figures) {
    if (!graph || figures === data.figures) { return; }
    data.figures = figures;
    drawn = null;
    draw();
  }

  /* The figures of url, drawn if the event open then (id; null: none) is still the one open. */
  function fetchFigures(url, id, keep) {
    fetch(url).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (figures) {
      if (!figures || !figures.phone) { return; }
      if (keep) { own = figures; }
      if (opened === id) { redraw(figures); }
    }).catch(function () { /* the figure stays as it is */ });
  }

  function mark(id) {
    if (data.marked && graph) { fetchFigures(data.marked.replace('EVENT-ID', encodeURIComponent(id)), id, false); }
  }

  function unmark() {
    if (own) { redraw(own); } else if (data.unmarked && graph) { fetchFigures(data.unmarked, null, true); }
  }

  function show(id, html, button) {
    detail.innerHTML = html;
    detail.hidden = false;
    if (back) { back.href = data.back.replace('EVENT-ID', encodeURIComponent(id)); }
    mark(id);
    var heading = document.getElementById('detail-title');
    if (button && heading) { heading.focus(); }
  }

  function open(id, button) {
    opener = button;
    opened = id;
    if (fragments[id] !== undefined) { show(id, fragments[id], button); return; }
    fetch(data.detail + encodeURIComponent(id) + '.html').then(function (response) {
      if (!response.ok) { throw new Error('detail ' + response.status); }
      return response.text();
    }).then(function (html) {
      fragments[id] = html;
      show(id, html, button);
    }).catch(function () { /* the detail stays as it was; the link back still opens the view */ });
  }

  function close() {
    detail.hidden = true;
    opened = null;
    if (back) { back.href = data.plain; }
    unmark();
    if (opener) { opener.focus(); }
    opener = null;
  }

  document.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    var item = target.closest('.embed-events .event-item');
    if (item) { open(item.getAttribute('data-event'), item); return; }
    if (target.closest('#embed-detail-close')) { close(); return; }
    if (target.closest('#url-notes-close')) { document.getElementById('url-notes').hidden = true; }
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !detail.hidden && document.getElementById('embed-detail-close')) {
      event.preventDefault();
      close();
    }
  });

  if (graph && window.ResizeObserver) {
    var pending = null;
    draw();
    new ResizeObserver(function () {
      clearTimeout(pending);
      pending = setTimeout(draw, 100);
    }).observe(graph.parentNode);
  } else if (graph) {
    draw();
  }
}());
