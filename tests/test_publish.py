"""``negotiation-timeline publish``: a static site of embeds, the same bytes on every run, with
the exit codes of the other commands (renders pictures with kaleido: about 10 s each run)."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from dashboard.publishing import pictures
from dashboard.cli import main
from dashboard.publishing.site import default_views, names
from dashboard.state import ViewState
from dashboard.tabs import all_tabs, load
from dashboard.views import embed

from .test_embedding import tags

VIEWS = ["--view", "tab=schedule", "--view", "https://timeline.example/?side=turkey"]


def digests(folder) -> dict:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from .conftest import make_package

    package = make_package(tmp_path_factory.mktemp("package"))
    out = tmp_path_factory.mktemp("site")
    code = main(["publish", "--data", str(package), "--out", str(out), *VIEWS,
                 "--base-url", "https://cdn.example/timeline/", "--app-url", "https://timeline.example"])
    assert code == 0
    return package, out


def test_publish_writes_a_page_per_view_with_its_pictures_and_files(site):
    package, out = site
    ds = load(package)
    files = digests(out)
    for name in ("tab-schedule", "side-turkey"):
        html = (out / "embed" / f"{name}.html").read_text(encoding="utf-8")
        assert html.count('<div class="embed-picture embed-picture-') == 3  # the first picture, each form
        for form in embed.FORMS:
            assert f"pictures/{name}-{form}.svg" in files
        assert f"pictures/{name}.png" in files
        assert json.loads((out / "embed" / f"{name}.json").read_text())  # the figures
        scripts = [s["src"] for s in tags(html, "script") if s.get("src")]
        # an English figure's page: plotly.js, the height messages and the page's script, in that order
        assert [re.sub(r"\.[0-9a-f]{16}\.", ".", s) for s in scripts] == [
            f"../assets/{n}" for n in (embed.PLOTLY, "embed-child.js", "embed-page.js")]
        assert all((out / "embed" / s).resolve().is_file() for s in scripts)
        assert not re.search(r'(src|href)="/', html)  # nothing points at a server's root
        [back] = [a for a in tags(html, "a") if a.get("id") == embed.BACK]
        assert back["href"].startswith("https://timeline.example/?")
        assert f'content="https://cdn.example/timeline/pictures/{name}.png"' in html
    assert sorted(p.removeprefix("embed/detail/") for p in files if p.startswith("embed/detail/")) == sorted(
        f"{event}.html" for event in ds.events.index)
    assert sorted(p.removeprefix("embed/positions/") for p in files if p.startswith("embed/positions/")) == sorted(
        f"{position}.html" for position in ds.positions.index)  # what a matrix page's dialog fetches
    assert "embed.js" in files and "index.html" in files
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "https://cdn.example/timeline/embed/tab-schedule.html" in index
    assert "https://cdn.example/timeline/embed.js" in index
    assert [a["href"] for a in tags(index, "a")] == ["embed/tab-schedule.html", "embed/side-turkey.html"]


def test_publishing_again_writes_the_same_bytes(site, tmp_path):
    package, out = site
    again = tmp_path / "again"
    assert main(["publish", "--data", str(package), "--out", str(again), *VIEWS,
                 "--base-url", "https://cdn.example/timeline", "--app-url", "https://timeline.example"]) == 0
    assert digests(again) == digests(out)


def test_cache_fills_the_apps_picture_folder(site, tmp_path, monkeypatch):
    package, _ = site
    monkeypatch.setenv("NEGOTIATION_TIMELINE_PICTURES", str(tmp_path / "pictures"))
    assert main(["publish", "--data", str(package), "--out", str(tmp_path / "o"), "--view", "tab=compare",
                 "--cache"]) == 0
    ds = load(package)
    for form in embed.FORMS:
        assert pictures.path(tmp_path / "pictures", ds, ViewState(tab="compare"), form, "svg").is_file()
    assert pictures.path(tmp_path / "pictures", ds, ViewState(tab="compare"), "wide", "png").is_file()
    html = (tmp_path / "o" / "embed" / "tab-compare.html").read_text(encoding="utf-8")
    assert embed.BACK not in html  # no --app-url: no link to a live app


@pytest.mark.parametrize("flags", [["--view", "side=atlantis"], ["--base-url", "cdn.example"],
                                   ["--app-url", "https://timeline.example/some/page"]])
def test_bad_flags_exit_2_with_a_reason(site, tmp_path, capsys, flags):
    package, _ = site
    assert main(["publish", "--data", str(package), "--out", str(tmp_path / "x"), *flags]) == 2
    assert "error" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_default_views_are_every_tab_each_round_series_and_every_slide(fixture_dataset):
    views = [view for view, _ in default_views(fixture_dataset)]
    assert views[:len(all_tabs())] == [ViewState(tab=t.value) for t in all_tabs()]
    for _, rounds in fixture_dataset.rounds.groupby("series"):
        assert ViewState(rounds=tuple(rounds["id"])) in views
    slides = {ViewState.from_query(v if isinstance(v, str) else "")[0] for v in fixture_dataset.slides["view"]}
    assert slides <= set(views) and len(set(views)) == len(views)
    assert len({entry.name for entry in names(default_views(fixture_dataset))}) == len(views)
