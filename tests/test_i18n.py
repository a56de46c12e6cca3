"""The readers' languages: complete catalogs, compiled as committed, correct plural forms,
dates and numbers in each language's form, the ``lang`` parameter and the request's
Accept-Language, and no English interface string left on a page built in another language."""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from dashboard.app import create_app
from dashboard.config import Config
from dashboard.i18n import LANGS, LOCALE_DIR, day_text, month_text, number, percent, record_text, translator
from dashboard.state import ViewState
from dashboard.views.explore import page as explore
from dashboard.views.present import page as present
from dashboard.web.language import negotiated_query

ROOT = Path(__file__).resolve().parent.parent
OTHERS = tuple(lang for lang in LANGS if lang != "en")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def catalog(lang: str):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=lang)


def source_messages() -> set[str]:
    """Every message the package marks for translation (as ``pybabel extract -F babel.cfg`` finds them)."""
    found = extract_from_dir(str(ROOT / "dashboard"), method_map=[("**.py", "python")],
                             keywords={"gettext": None, "ngettext": (1, 2), "_": None, "N_": None})
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


@pytest.mark.parametrize("lang", OTHERS)
def test_every_catalog_is_complete_without_fuzzy_entries_and_keeps_the_placeholders(lang):
    messages = catalog(lang)
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in messages if m.id}
    assert source_messages() <= ids, sorted(source_messages() - ids)[:10]
    for m in messages:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(strings) and "fuzzy" not in m.flags, m.id
        wanted = set(PLACEHOLDER.findall(m.id if isinstance(m.id, str) else m.id[1]))
        assert all(set(PLACEHOLDER.findall(s)) == wanted for s in strings), m.id


@pytest.mark.parametrize("lang", OTHERS)
def test_the_committed_mo_files_are_compiled_from_the_po_files(lang):
    compiled = io.BytesIO()
    write_mo(compiled, catalog(lang))
    compiled.seek(0)
    committed = (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.mo").read_bytes()
    assert gettext.GNUTranslations(compiled)._catalog == gettext.GNUTranslations(io.BytesIO(committed))._catalog


@pytest.mark.parametrize(("lang", "forms"), [
    ("uk", {1: "1 подія", 3: "3 події", 5: "5 подій", 11: "11 подій", 21: "21 подія", 24: "24 події"}),
    ("ru", {1: "1 событие", 3: "3 события", 5: "5 событий", 12: "12 событий", 21: "21 событие"}),
    ("tr", {1: "1 olay", 5: "5 olay"}),
    ("en", {1: "1 event", 5: "5 events"}),
])
def test_plural_forms_follow_each_language(lang, forms):
    t = translator(lang)
    assert {n: t.ngettext("%(n)s event", "%(n)s events", n) for n in forms} == forms


def test_dates_and_numbers_take_each_language_form():
    day = pd.Timestamp("2025-05-16")
    assert [day_text(day, lang) for lang in LANGS] == ["16 May 2025", "16 травня 2025", "16 мая 2025", "16 Mayıs 2025"]
    assert month_text(pd.Timestamp("2022-04-01"), "uk") == "квіт. 2022"
    assert [percent(19.3, lang) for lang in LANGS] == ["19.3%", "19,3%", "19,3\u00a0%", "%19,3"]
    assert [number(1234.5, lang) for lang in ("en", "tr")] == ["1,234.5", "1.234,5"]


def test_lang_is_a_view_parameter_written_only_when_not_english():
    assert ViewState(lang="uk").to_query() == "lang=uk" and ViewState().to_query() == ""
    view, notes = ViewState.from_query("lang=ru&tab=schedule")
    assert (view.lang, view.tab, notes) == ("ru", "schedule", [])


def test_an_unknown_language_gives_english_and_a_note():
    view, notes = ViewState.from_query("lang=xx")
    assert view.lang == "en" and notes == ["lang: 'xx' is not one of en, uk, ru, tr."]
    view, notes = ViewState.from_query("lang=uk&tab=No!")
    assert view.lang == "uk" and notes == ["tab: 'No!' — не назва вкладки."]


def test_a_record_without_a_translation_is_shown_in_english_and_says_so():
    row = pd.Series({"title": "Istanbul talks", "title_uk": "Переговори в Стамбулі", "title_ru": ""})
    assert record_text(row, "title", "uk") == ("Переговори в Стамбулі", "uk")
    assert record_text(row, "title", "ru") == ("Istanbul talks", "en")
    assert record_text(row, "title", "en") == ("Istanbul talks", "en")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from tests.conftest import make_package
    return create_app(Config(data_dir=make_package(tmp_path_factory.mktemp("i18n"))))


@pytest.mark.parametrize(("headers", "query", "lang"), [
    ({"Accept-Language": "uk-UA,uk;q=0.9,en;q=0.5"}, "", "uk"),
    ({"Accept-Language": "tr"}, "?tab=schedule", "tr"),
    ({"Accept-Language": "de-DE,de"}, "", "en"),
    ({"Accept-Language": "uk"}, "?lang=ru", "ru"),
    ({}, "?lang=xx", "en"),
])
def test_html_lang_follows_the_query_then_accept_language(app, headers, query, lang):
    page = app.server.test_client().get("/" + query, headers=headers)
    assert f'<html lang="{lang}">' in page.get_data(as_text=True)


def test_a_page_chosen_by_accept_language_says_so_to_caches(app):
    client = app.server.test_client()
    assert "Accept-Language" in client.get("/").headers.get("Vary", "")
    assert "Accept-Language" not in client.get("/?lang=uk").headers.get("Vary", "")


def test_accept_language_chooses_the_pages_language_where_the_query_names_none(app):
    with app.server.test_request_context(headers={"Accept-Language": "uk"}):
        assert negotiated_query("tab=table") == "tab=table&lang=uk"
        assert negotiated_query("lang=en") == "lang=en"
    with app.server.test_request_context():
        assert negotiated_query("tab=table") == "tab=table"


def test_error_pages_speak_the_readers_language(app):
    page = app.server.test_client().get("/nowhere/at/all", headers={"Accept-Language": "ru"})
    assert page.status_code == 404
    text = page.get_data(as_text=True)
    assert '<html lang="ru">' in text and "Страница не найдена" in text and 'href="/?lang=ru"' in text


def visible_strings(component, out: list, english: bool = False) -> list:
    """The text a reader meets in a Dash layout (children, labels, placeholders, titles), less
    what is marked ``lang="en"`` (the data's English)."""
    if isinstance(component, str):
        if not english:
            out.append(component)
    elif isinstance(component, (list, tuple)):
        for child in component:
            visible_strings(child, out, english)
    elif hasattr(component, "to_plotly_json"):
        props = component.to_plotly_json()["props"]
        english = english or props.get("lang") == "en"
        visible_strings(props.get("children"), out, english)
        for name in ("placeholder", "title", "aria-label"):
            if isinstance(props.get(name), str) and not english:
                out.append(props[name])
        for option in props.get("options") or []:
            if isinstance(option, dict) and isinstance(option.get("label"), str):
                out.append(option["label"])
    return out


def data_strings(ds) -> set[str]:
    """Text that comes from the data (titles, names, publishers, measures): it stays English
    until the record carries translated columns."""
    words = set()
    for frame in (ds.events, ds.rounds, ds.participants, ds.sources, ds.territory, ds.positions, ds.decks,
                  ds.slides):
        for column in frame.columns:
            words |= {v for v in frame[column].tolist() if isinstance(v, str)}
    return words | {ds.title}


# Words that are the same in every language: language names, punctuation, formats, units.
SAME_EVERYWHERE = {"English", "Українська", "Русский", "Türkçe", "640 px", "GMT", "Iframe", "NATO", "Belarus",
                   '<script src="…/assets/embed.js" async></script>'}


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("build", ["explore", "positions", "present"])
def test_no_english_interface_string_is_left_on_a_page_in_another_language(fixture_dataset, lang, build):
    ds = fixture_dataset
    event = ds.events.index[2]
    explore_query = f"event={event}" if build == "explore" else "tab=positions"  # the matrix, its key and dialogs
    render = (lambda q: explore.page(ds, explore_query + q)) if build != "present" else present.page
    english = set(visible_strings(render("") if build != "present" else render(ds, ""), []))
    other = visible_strings(render(f"&lang={lang}") if build != "present" else render(ds, f"lang={lang}"), [])
    left = {s for s in set(other) & english if re.search("[A-Za-z]{2}", s)}
    assert left - data_strings(ds) - SAME_EVERYWHERE == set()


def test_the_offline_html_export_speaks_the_views_language(fixture_dataset):
    from dashboard.export import standalone_html
    page = standalone_html(fixture_dataset, ViewState(lang="tr"))
    assert '<html lang="tr">' in page and "window.PlotlyLocales = [" in page and '"locale": "tr"' in page
    assert "<h2>Kaynaklar</h2>" in page
    assert "window.PlotlyLocales = [" not in standalone_html(fixture_dataset, ViewState())
