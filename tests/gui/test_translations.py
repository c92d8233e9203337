"""Every user-visible text of the GUI goes through the translation catalogues, and every entry of
the catalogues is finished and kept up to date with the code."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from gridscout.gui import i18n
from translation_walk import pseudo_catalogue, untranslated, window_texts

from gridscout.operations.translations import TS_DIR, qt_tool, ts_sources

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?::[^}]*)?\}|%n|%[0-9]")


def messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for msg in context.iter("message"):
            yield context.findtext("name"), msg


@pytest.mark.parametrize("ts", ts_sources(), ids=lambda p: p.name)
def test_every_message_is_finished_and_keeps_its_placeholders(ts):
    problems = []
    for context, msg in messages(ts):
        source = msg.findtext("source")
        node = msg.find("translation")
        forms = [f.text or "" for f in node.findall("numerusform")] or [node.text or ""]
        if node.get("type") in ("unfinished", "obsolete", "vanished") or not all(f.strip() for f in forms):
            problems.append(f"{context}: {source!r} is {node.get('type') or 'empty'}")
            continue
        for form in forms:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(form)):
                problems.append(f"{context}: {source!r} → {form!r} changes the placeholders")
            if "&" in source.replace("&&", "") and "&" not in form:
                problems.append(f"{context}: {source!r} → {form!r} lost its keyboard accelerator (&)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("part", ["gui", "report", "wording"])
def test_each_catalogue_holds_every_text_of_its_code(tmp_path, part):
    """lupdate over the code finds no text the catalogue lacks (run scripts/update_translations.py
    and translate the new entries when this fails)."""
    import runpy

    update_translations = runpy.run_path(str(ROOT / "scripts" / "update_translations.py"))
    ts = TS_DIR / f"gridscout_{part}_ja.ts"
    fresh = tmp_path / ts.name
    fresh.write_bytes(ts.read_bytes())
    files = [str(f) for f in update_translations["catalogue_sources"]()[part]]
    subprocess.run([*qt_tool("lupdate"), *files, "-locations", "none", "-no-obsolete", "-ts", str(fresh)],
                   check=True, capture_output=True, cwd=ROOT)
    missing = [f"{ctx}: {msg.findtext('source')!r}" for ctx, msg in messages(fresh)
               if msg.find("translation").get("type") == "unfinished"]
    assert not missing, "texts in the code but not translated in the catalogue:\n" + "\n".join(missing)


@pytest.fixture
def pseudo_locale(qapp, tmp_path):
    """The app with every GridScout catalogue replaced by its ⟦source⟧ pseudo-translation."""
    for ts in ts_sources("ja"):
        assert i18n.install_catalogue(qapp, str(pseudo_catalogue(ts, tmp_path / "pseudo")))
    yield qapp
    i18n.remove_translators(qapp)


def data_texts(window) -> set[str]:
    """Names that come from the data and are shown as they are."""
    project = window.session.project
    names = {project.title, "GridScout"}
    for layer in window.session.layers:
        names.add(layer.name)
        names.update(str(c) for c in getattr(layer.data, "columns", []))
        if getattr(layer, "path", None):
            names.add(Path(str(layer.path)).name)
    from gridscout.operations.summary import site_points

    names.update(name for name, _lon, _lat in site_points(project))
    if window.scoring.result is not None:  # result columns are field names (the filter uses them)
        names.update(window.scoring.result.columns)
    table = window.panels.get("attributes")
    if table is not None:  # the attribute table's columns are field names too (score and note columns)
        names.update(col.name for col in table.model.columns)
    names.update(((project.view or {}).get("bookmarks") or {}).keys())
    from gridscout.resources import PROFILES
    from gridscout.scoring.profile import load_profile

    for path in PROFILES.glob("*.toml"):  # profile names and descriptions are data (TOML)
        profile = load_profile(str(path))
        names.update({profile.name, profile.description})
    return {n for n in names if n}


def test_the_main_window_shows_no_text_that_bypasses_the_catalogue(pseudo_locale, qtbot, app_settings):
    from demo_helpers import open_demo
    from gridscout.gui.main_window import MainWindow

    window = MainWindow(settings=app_settings, restore_layout=False)
    window.ask_save = lambda: "discard"
    window.session.ask_recover = lambda project, autosave: None
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    open_demo(window, qtbot)
    window.show_panel("attributes")
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=60_000)
    texts = window_texts(window)
    assert any("⟦" in t for _w, t in texts), "the pseudo-locale catalogue was not used"
    bad = untranslated(texts, data_texts(window))
    window.session.set_modified(False)
    assert not bad, f"{len(bad)} texts bypass the translation catalogue:\n" + "\n".join(bad)
