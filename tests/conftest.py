"""Shared fixtures: a fixed clock, no blinking cursors, and a workbook file inside tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_support import fixed_clock


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's default clock reads FIXED_NOW (tests may also pass clock= to make_app)."""
    import tui.app

    monkeypatch.setattr(tui.app, "user_clock", lambda workbook: fixed_clock)


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes snapshots flaky."""
    from textual.reactive import reactive
    from textual.widgets import Input, TextArea

    for widget in (Input, TextArea):
        still = reactive(False, init=False)
        still.__set_name__(widget, "cursor_blink")
        monkeypatch.setattr(widget, "cursor_blink", still)


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test runs may touch the real user data folder."""
    path = tmp_path / "data" / "workbook.json"
    monkeypatch.setenv("FOLLOWUP_DB", str(path))
    return path


@pytest.fixture(autouse=True)
def _config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's own keymap.toml and caches are never read by a test: both point into tmp_path."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "workbook.json"
