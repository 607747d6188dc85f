"""Disk full or folder read-only while the app runs: a banner that stays, typing that goes on,
saves retried until they land, and on quit a private rescue file whose path is printed.

Simulated with a write that fails (pilot), and for real on a tiny tmpfs that fills up (tmux, root).
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from terminal_support import needs_tmux, tmux, wait_gone  # noqa: F401  (tmux is a fixture)
from test_faults_kill import live_call_workbook
from test_ui_flows import acme
from ui_support import fixed_clock, seed, settle, stored

from tui.store import Workbook, storage
from tui.widgets.notes_pane import NotesPane
from tui.widgets.save_warning import SaveWarning


class Disk:
    """Stands in for the disk: `full = True` makes every write fail as a full disk does."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        real = storage.write_atomic

        def write(path: Path, payload: bytes, mode: int = 0o600, **checks: Any) -> os.stat_result:
            if self.full:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(path, payload, mode, **checks)

        monkeypatch.setattr(storage, "write_atomic", write)


async def until(pilot, condition, what: str, timeout: float = 15.0) -> None:
    """Let the app (and its writer thread) run until `condition()`; the deadline only bounds a failure."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        await pilot.pause(0.05)


def notes_in_file(path: Path) -> str:
    return stored(path)["interviews"][0]["notes"]


async def type_notes(pilot, text: str) -> None:
    editor = pilot.app.screen.query_one(NotesPane).editor
    editor.insert(text)  # as a paste lands: one change for the whole text
    await pilot.pause()


async def test_a_full_disk_warns_keeps_typing_and_writes_everything_when_it_clears(db, monkeypatch):
    seed(db, [acme()])
    disk = Disk(monkeypatch)
    book = Workbook.open(db)
    from tui.app import make_app

    app = make_app(book, clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        warning = app.screen.query_one(SaveWarning)
        await pilot.press("3")
        await type_notes(pilot, "before. ")
        await until(pilot, lambda: not book.dirty, "the first notes saved")
        assert not warning.display
        disk.full = True
        await type_notes(pilot, "during the outage. ")
        await until(pilot, lambda: warning.display, "the warning shown")
        assert "the disk is full" in warning.problem and "saving is retried" in warning.problem
        await type_notes(pilot, "still typing.")
        assert app.screen.query_one(NotesPane).editor.text.endswith("still typing.")
        assert notes_in_file(db) == "before. "  # nothing half-written
        await pilot.pause(1.0)
        assert warning.display, "the warning must stay while saves fail, not fade"
        disk.full = False
        await until(pilot, lambda: not warning.display and not book.dirty, "the warning gone, all saved")
        assert notes_in_file(db) == "before. during the outage. still typing."
    book.close()


async def test_quitting_with_unsaved_work_writes_a_private_rescue_file(db, monkeypatch, capsys):
    from tui.app import make_app
    from tui.cli.run import close_workbook

    seed(db, [acme()])
    disk = Disk(monkeypatch)
    book = Workbook.open(db)
    app = make_app(book, clock=fixed_clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        disk.full = True
        await type_notes(pilot, "the notes nobody saved")
        await pilot.press("ctrl+q")
    assert close_workbook(app, book) == 1
    err = capsys.readouterr().err
    (rescue,) = db.parent.glob("workbook.rescue-*.json")
    assert str(rescue) in err and f"followup --db {rescue}" in err
    assert stat.S_IMODE(rescue.stat().st_mode) == 0o600
    assert stored(rescue)["interviews"][0]["notes"] == "the notes nobody saved"
    assert notes_in_file(db) == ""  # the database itself untouched


def test_rescue_falls_back_to_home_when_the_database_folder_refuses(tmp_path, monkeypatch):
    from tui.store.rescue import write_rescue

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    gone = tmp_path / "gone" / "workbook.json"  # its folder does not exist: the write there fails
    where = write_rescue(gone, b'{"interviews": {}}')
    assert where.parent == home and stat.S_IMODE(where.stat().st_mode) == 0o600


def mount_tmpfs(folder: Path, size: str, mode: str = "0700") -> Path:
    """A real, small file system at `folder` (needs root and mount rights; the test is skipped otherwise)."""
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode={mode}", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    return folder


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 256 KiB tmpfs: a real file system that really fills up."""
    mount = mount_tmpfs(tmp_path / "disk", "256k")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Write until the file system says ENOSPC."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


@needs_tmux
def test_a_really_full_disk_in_a_real_terminal(tmp_path, tiny_disk, tmux):  # noqa: F811
    path = tiny_disk / "workbook.json"
    call_id = live_call_workbook(path)
    home = tmp_path / "home"
    home.mkdir()
    pid = tmux.start("full", ["--db", str(path)], env={"HOME": str(home)}, keep=True)
    tmux.carry_on_with_the_call("full")
    filler = fill(tiny_disk)
    tmux.type("full", "typed while full.")
    tmux.wait_for("full", "the disk is full")
    tmux.type("full", " more.")
    tmux.wait_for("full", "more.")
    filler.unlink()
    tmux.wait_until_gone("full", "Not saved")  # the warning goes once space comes back
    (call,) = [c for c in stored(path)["calls"] if c["id"] == call_id]
    assert call["notes"] == "typed while full. more."
    fill(tiny_disk)
    tmux.type("full", " after.")
    tmux.wait_for("full", "Not saved")
    tmux.key("full", "C-q")
    tmux.wait_for("full", "End the call and quit?")  # asked once, mid-call
    tmux.key("full", "y")
    assert wait_gone(pid)
    screen = tmux.wait_for("full", "written to")
    (rescue,) = home.glob("workbook.rescue-*.json")  # beside the database there was no room
    assert str(rescue) in screen
    assert stat.S_IMODE(rescue.stat().st_mode) == 0o600
    (saved,) = [c for c in stored(rescue)["calls"] if c["id"] == call_id]
    assert saved["notes"] == "typed while full. more. after." and saved["ended_at"] is not None
    tmux.kill_session("full")
