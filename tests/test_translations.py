"""Translated columns (title_uk, text_uk …): checked like the English ones, read with a fallback."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from dashboard.data.record_rules import numbers_in
from dashboard.data.translations import translated
from dashboard.tabs import load

from .conftest import DATA, edit_cell
from .test_dataset import problems_of

# (file, row id, column, bad value, expected code); testport-story is its slide 1
BAD_TRANSLATIONS = [
    ("rounds.csv", "r-alpha", "title_uk", " Раунд у Тестпорті", "untrimmed"),
    ("rounds.csv", "r-alpha", "title_uk", "Раунд у Тестпорті\u00a0", "untrimmed"),
    ("rounds.csv", "r-alpha", "title_uk", "Раунд у\nТестпорті", "control-character"),
    ("rounds.csv", "r-alpha", "title_uk", "Раунд у Тест\u200bпорті", "control-character"),  # zero-width space
    ("rounds.csv", "r-alpha", "title_ru", "Раунд в \u202eетропт", "control-character"),  # bidi override
    ("rounds.csv", "r-alpha", "title_uk", "Testport round", "wrong-script"),
    ("rounds.csv", "r-alpha", "title_tr", "Тестпорт туру", "wrong-script"),
    ("rounds.csv", "r-alpha", "title_uk", "Раунд у Тестпoрті", "mixed-script"),  # a Latin o
    ("rounds.csv", "r-alpha", "title_uk", "Pаунд у Тестпорті", "mixed-script"),  # a Latin P
    ("rounds.csv", "r-alpha", "title_ru", "Раунд в Тестпорті", "wrong-letter"),  # Ukrainian і
    ("rounds.csv", "r-alpha", "title_uk", "Раунд у Тестпорты", "wrong-letter"),  # Russian ы
    ("rounds.csv", "r-alpha", "title_uk", "Раунд " * 17, "too-long"),
    ("rounds.csv", "r-alpha", "title_tr", "=HYPERLINK(\"https://evil.example\")", "formula-cell"),
    ("rounds.csv", "r-alpha", "title_uk", "Раунд 2 у Тестпорті", "translation-numbers"),
    ("rounds.csv", "r-beta", "title_uk", "", None),  # blank: not translated, allowed
    ("events.csv", "e-alpha-session", "title_ru", "Testport session", "wrong-script"),
    ("events.csv", "e-alpha-session", "title_tr", "Testport oturumu ", "untrimmed"),
    ("events.csv", "e-alpha-session", "title_uk", "Засідання в Тестпорті " * 6, "too-long"),
    ("slides.csv", "testport-story", "text_uk", "Під контролем було 8%. Делегації зустрілися.", "translation-numbers"),
    ("slides.csv", "testport-story", "text_uk", "Під контролем було 7%.\tДелегації зустрілися.", "control-character"),
    ("slides.csv", "testport-story", "title_tr", "Перед першим раундом", "wrong-script"),
]


@pytest.mark.parametrize("file, row_id, column, value, code", BAD_TRANSLATIONS)
def test_each_bad_translation_is_named_by_file_row_column_and_code(fixture_dir, file, row_id, column, value, code):
    row = edit_cell(fixture_dir, file, row_id, column, value)
    if code is None:
        load(fixture_dir)
        return
    found = [(p.file, p.row, p.column, p.code) for p in problems_of(fixture_dir)]
    assert (file, row, column, code) in found


def test_latin_names_and_acronyms_may_stand_in_cyrillic_text(fixture_dir):
    edit_cell(fixture_dir, "rounds.csv", "r-alpha", "title_uk", "Раунд у Тестпорті (радники NATO, DeepState)")
    assert load(fixture_dir).rounds.loc["r-alpha", "title_uk"].endswith("DeepState)")


def test_numbers_are_compared_across_separators_and_word_order():
    assert numbers_in("The 1,000-for-1,000 exchange, 19.4% on 14–17 Mar") == numbers_in(
        "Обмін 1000 на 1 000, 19,4% 14–17 березня")
    assert numbers_in("Decree No. 679/2022") != numbers_in("Указ № 697/2022")
    assert numbers_in("Round 1") != numbers_in("Перший раунд")


def test_a_translation_needs_an_english_cell(fixture_dir):
    row = edit_cell(fixture_dir, "events.csv", "e-beta-session", "summary", "")  # its summary_uk stays
    found = [(p.file, p.row, p.column, p.code) for p in problems_of(fixture_dir)]
    assert found == [("events.csv", row, "summary_uk", "translation-without-original")]


def test_loader_keeps_the_translated_columns(fixture_dataset):
    rounds = fixture_dataset.rounds
    assert {"title_uk", "title_ru", "title_tr"} <= set(rounds.columns)
    assert rounds.loc["r-alpha", "title_tr"] == "Testport turu"
    assert translated(rounds.loc["r-gamma"], "title", "uk") == ("Testport round two", False)


def test_translated_gives_the_translation_where_there_is_one():
    row = {"title": "Testport round", "title_uk": "Раунд у Тестпорті", "title_ru": "", "title_tr": None}
    assert translated(row, "title", "uk") == ("Раунд у Тестпорті", True)
    assert translated(row, "title", "en") == ("Testport round", False)


@pytest.mark.parametrize("lang", ["ru", "tr", "de"])  # blank, None, no column at all
def test_translated_falls_back_to_the_english(lang):
    row = {"title": "Testport round", "title_ru": "  ", "title_tr": None}
    assert translated(row, "title", lang) == ("Testport round", False)


def test_translated_reads_a_frame_row_with_missing_values():
    row = pd.Series({"title": "Testport round", "title_uk": math.nan, "summary": math.nan})
    assert translated(row, "title", "uk") == ("Testport round", False)
    assert translated(row, "summary", "uk") == ("", False)


def test_each_translated_field_is_named_for_its_english_field_and_language():
    """The accessor finds a translation by name (title_uk), the validator by x-translation:
    both must say the same, and the English field must exist."""
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    declared = 0
    for resource in package["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"]]
        for field in resource["schema"]["fields"]:
            if "x-translation" in field:
                declared += 1
                spec = field["x-translation"]
                assert field["name"] == f"{spec['of']}_{spec['lang']}" and spec["of"] in names
                assert spec["script"] == ("Latin" if spec["lang"] == "tr" else "Cyrillic")
                assert field["constraints"]["maxLength"] > 0
    assert declared == 4 + 3 + 4  # title_uk/ru/tr of events, rounds and slides; summary_uk, text_uk


@pytest.mark.parametrize("name", ["events", "rounds", "slides"])
@pytest.mark.parametrize("lang", ["uk", "ru", "tr"])
def test_every_shipped_event_round_and_slide_has_its_title_in_each_language(shipped_dataset, name, lang):
    frame = getattr(shipped_dataset, name)
    untranslated = [row.get("id", (row.get("deck_id"), row.get("slide"))) for _, row in frame.iterrows()
                    if not translated(row, "title", lang)[1]]
    assert len(frame) and not untranslated


@pytest.mark.parametrize("name, field", [("slides", "text"), ("events", "summary")])
def test_every_shipped_slide_text_and_event_summary_is_in_ukrainian(shipped_dataset, name, field):
    frame = getattr(shipped_dataset, name)
    assert len(frame) and all(translated(row, field, "uk")[1] for _, row in frame.iterrows())
