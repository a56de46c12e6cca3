"""Share, embed, download and cite (explore page): one dialog, kept in step with the view.

Every link and snippet is built on the server from the view's query (the explore page's
``view-query`` store) through ``ViewState.url``. The copy buttons are real buttons (keyboard
reachable, unlike dcc.Clipboard's) calling the Clipboard API, with a spoken status. PNG and
SVG are drawn in the browser by plotly.js from the figure on the page, exactly as shown.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, dcc, html

from dashboard.views.citation import cite_text
from dashboard.data.dataset import Dataset
from dashboard.views.embed_code import (
    WIDTHS,
    app_origin,
    embed_height,
    embed_title,
    embed_url,
    iframe_code,
    frame_size,
    oembed_url,
    page_url,
    script_code,
)
from dashboard.export import export_filename
from dashboard.state import ViewState
from dashboard.tabs import choices_for, tab
from dashboard.views.components import VIEWPORT, figure_size
from dashboard import urls
from dashboard.i18n import N_, translator

OPEN, DIALOG, CLOSE, WIDTH, COPIED = "share-open", "share-dialog", "share-close", "share-width", "share-copied"
LINK, IFRAME, SCRIPT, CITE, OEMBED = "share-link", "share-iframe", "share-script", "share-cite", "share-oembed"
CSV, PNG, SVG, FILENAME, FIGURE_HEIGHT = "share-csv", "share-png", "share-svg", "share-filename", "share-figure-height"
# Each copy button: its label, and what it says once it copied, or selected where it could not.
COPY = {
    LINK: (N_("Copy link"), N_("Copied the link."), N_("Selected the link: press Ctrl+C (⌘C on a Mac) to copy it.")),
    IFRAME: (N_("Copy iframe code"), N_("Copied the iframe code."),
             N_("Selected the iframe code: press Ctrl+C (⌘C on a Mac) to copy it.")),
    SCRIPT: (N_("Copy script embed"), N_("Copied the script embed."),
             N_("Selected the script embed: press Ctrl+C (⌘C on a Mac) to copy it.")),
    CITE: (N_("Copy citation"), N_("Copied the citation."),
           N_("Selected the citation: press Ctrl+C (⌘C on a Mac) to copy it.")),
}


def panel(lang: str = "en") -> html.Div:
    """The button that opens the dialog, and the dialog (empty until the view fills it)."""
    t = translator(lang)
    _ = t.gettext
    return html.Div(className="share-bar", children=[
        html.Button(_("Share, embed or download"), id=OPEN, className="button", n_clicks=0,
                    **{"aria-haspopup": "dialog"}),
        html.Dialog(id=DIALOG, className="share-dialog", **{"aria-labelledby": f"{DIALOG}-title"}, children=[
            html.Div(className="share-head", children=[
                html.H2(_("Share, embed or download this view"), id=f"{DIALOG}-title"),
                html.Button(_("Close"), id=CLOSE, className="button small", n_clicks=0),
            ]),
            html.Section([
                html.H3(_("Link")),
                *_code_field(_("The address of exactly this view"), LINK, 2, lang),
            ]),
            html.Section([
                html.H3(_("Embed in an article")),
                html.Div(className="control", children=[
                    _label(_("Width"), WIDTH),
                    dcc.RadioItems(id=WIDTH, value="100%", inline=True,
                                   options=[{"label": _(label), "value": w} for w, label in WIDTHS.items()]),
                ]),
                *_code_field(_("Iframe"), IFRAME, 4, lang),
                *_code_field(_("Script embed (resizes to its content)"), SCRIPT, 4, lang),
                html.P(className="muted", children=[
                    _("Add"), " ", html.Code("<script src=\"…/assets/embed.js\" async></script>"), " ",
                    _("once to a page with the iframe code and every embed fits its content. CMSs that "
                      "speak oEmbed find it from the link; the endpoint:"), " ", html.Code(id=OEMBED)]),
            ]),
            html.Section([
                html.H3(_("Download")),
                html.Div(className="control-buttons", children=[
                    html.A(_("Events shown (CSV)"), id=CSV, className="button", href=urls.EVENTS_CSV),
                    html.Button(_("Image (PNG)"), id=PNG, className="button", n_clicks=0),
                    html.Button(_("Image (SVG)"), id=SVG, className="button", n_clicks=0),
                ]),
            ]),
            html.Section([
                html.H3(_("Cite this")),
                *_code_field(_("The view and every source it draws on"), CITE, 6, lang),
            ]),
            html.P(id=COPIED, role="status", className="share-status"),
            dcc.Store(id=FILENAME), dcc.Store(id=FIGURE_HEIGHT),
        ]),
    ])


def _label(text: str, target: str) -> html.Label:
    return html.Label(text, htmlFor=target, className="share-label")


def _code_field(label: str, target: str, rows: int, lang: str) -> list:
    """A labelled read-only text box and the button that copies it."""
    _ = translator(lang).gettext
    button, copied, selected = COPY[target]
    return [_label(label, target), dcc.Textarea(id=target, readOnly=True, rows=rows, className="share-code"),
            html.Button(_(button), id=f"{target}-copy", className="button small copy", n_clicks=0,
                        **{"data-copied": _(copied), "data-selected": _(selected)})]


def register(app: Dash, ds: Dataset, query_id: str, graph_id: str) -> None:
    choices = choices_for(ds)

    @app.callback(
        Output(LINK, "value"), Output(IFRAME, "value"), Output(SCRIPT, "value"), Output(CITE, "value"),
        Output(OEMBED, "children"), Output(CSV, "href"), Output(CSV, "download"), Output(CSV, "children"),
        Output(FILENAME, "data"),
        Input(query_id, "data"), Input(FIGURE_HEIGHT, "data"), Input(WIDTH, "value"), State(VIEWPORT, "data"),
    )
    def fill(query, figure_height, width, form):
        view, _ = ViewState.from_query(query or "", choices)
        base = app_origin()
        link, embed, title = page_url(base, view), embed_url(base, view), embed_title(ds, view.lang)
        width = width if width in WIDTHS else "100%"
        size = frame_size(width)  # the page's own figure has that form's height, else build it
        same = size.form == figure_size(form).form
        height = embed_height(ds, view, figure_height if same else None, size)
        frame = iframe_code(embed, title, height, width)
        script = script_code(base, embed, link, title, height, width)
        cite = cite_text(ds, view, link)
        name = export_filename(view)
        csv = tab(view.tab).csv  # the download of what the tab shows
        _ = translator(view.lang).gettext
        label = _("Positions shown (CSV)") if csv == urls.POSITIONS_CSV else _("Events shown (CSV)")
        return (link, frame, script, cite, oembed_url(base, link), view.url(csv), f"{name}.csv", label, name)

    app.clientside_callback(  # the figure's height, read on the page, so the dialog never rebuilds it
        "function (figure) { return figure && figure.layout ? figure.layout.height || null : null; }",
        Output(FIGURE_HEIGHT, "data"), Input(graph_id, "figure"))
    app.clientside_callback(
        f"""function (opened, closed) {{
            const dialog = document.getElementById('{DIALOG}');
            const id = window.dash_clientside.callback_context.triggered_id;
            if (id === '{OPEN}' && !dialog.open) {{ dialog.showModal(); }}
            if (id === '{CLOSE}' && dialog.open) {{ dialog.close(); }}
        }}""",
        Input(OPEN, "n_clicks"), Input(CLOSE, "n_clicks"), prevent_initial_call=True)
    app.clientside_callback(
        f"""function (png, svg, filename) {{
            const figure = document.querySelector('#{graph_id} .js-plotly-plot');
            const format = window.dash_clientside.callback_context.triggered_id === '{SVG}' ? 'svg' : 'png';
            if (figure && window.Plotly) {{
                window.Plotly.downloadImage(figure, {{format: format, filename: filename || 'negotiation-timeline'}});
            }}
        }}""",
        Input(PNG, "n_clicks"), Input(SVG, "n_clicks"), State(FILENAME, "data"), prevent_initial_call=True)
    app.clientside_callback(
        """async function () {
            const button = window.dash_clientside.callback_context.triggered_id;
            const field = document.getElementById(button.replace(/-copy$/, ''));
            const said = document.getElementById(button).dataset;  // in the page's language
            try {
                await navigator.clipboard.writeText(field.value);
                return said.copied;
            } catch (error) {  // no Clipboard API (plain http) or no permission
                field.select();
                return said.selected;
            }
        }""",
        Output(COPIED, "children"), *[Input(f"{target}-copy", "n_clicks") for target in COPY],
        prevent_initial_call=True)
