"""Opening needs no room and no write access: on a nearly full disk the workbook opens and the
banner says the disk is full; in a read-only folder (a lock left from before in it) it opens
read-only and says so. Verbs that would write say plainly why they cannot (exit 1).

For real: a 256 KiB tmpfs that fills up, and one remounted read-only (root), or a folder without
write permission (anyone else). Through `followup` verbs and the app in tmux.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import orjson
import pytest
from terminal_support import needs_tmux, tmux, wait_gone  # noqa: F401  (tmux is a fixture)
from test_faults_disk import fill, mount_tmpfs, tiny_disk  # noqa: F401  (tiny_disk is a fixture)
from test_faults_kill import live_call_workbook
from test_ui_flows import acme
from ui_support import seed, stored
from verbs_support import followup

NOTES = "What they said about the roadmap. " * 1500  # about 50 KB: a whole copy does not fit below


def nearly_full(folder: Path) -> Path:
    """A workbook of ~50 KB with its backup, then the disk filled: not room for another copy."""
    path = folder / "workbook.json"
    seed(path, [acme(notes=NOTES)])
    followup(path, "list")
    assert followup(path, "add", "--company", "Borealis", "--role", "Researcher").returncode == 0  # makes the .bak
    fill(folder)
    return path


def test_verbs_on_a_nearly_full_disk_read_and_say_why_they_cannot_write(tiny_disk):  # noqa: F811
    path = nearly_full(tiny_disk)
    before, backup = path.read_bytes(), path.with_name("workbook.json.bak").read_bytes()
    for args in (["list"], ["profile"], ["export", "--format", "md"]):
        done = followup(path, *args)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr)
    for args in (["add", "--company", "Cobalt", "--role", "Designer"], ["profile", "--name", "Sam Lee"]):
        done = followup(path, *args)
        assert done.returncode == 1, (args, done.stderr)
        assert f"could not save {path}: the disk is full. Nothing was written." in done.stderr
        assert "Traceback" not in done.stderr and "OSError" not in done.stderr
    assert path.read_bytes() == before
    assert path.with_name("workbook.json.bak").read_bytes() == backup


@needs_tmux
def test_the_app_opens_on_a_nearly_full_disk_with_the_banner(tmp_path, tiny_disk, tmux):  # noqa: F811
    path = tiny_disk / "workbook.json"
    call_id = live_call_workbook(path)
    filler = fill(tiny_disk)
    tmux.start("nearly-full", ["--db", str(path)], env={"HOME": str(tmp_path)})
    try:
        tmux.carry_on_with_the_call("nearly-full")
        tmux.wait_for("nearly-full", "the disk is full")
        tmux.type("nearly-full", "typed on a full disk")
        tmux.wait_for("nearly-full", "typed on a full disk")
        filler.unlink()
        tmux.wait_until_gone("nearly-full", "Not saved")  # once there is room
        (call,) = [c for c in stored(path)["calls"] if c["id"] == call_id]
        assert call["notes"] == "typed on a full disk"
    finally:
        tmux.kill_session("nearly-full")


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder holding a workbook, its backup and a lock left from before, that takes no writes.

    Yields the workbook. Root ignores permissions, so for root a tmpfs remounted read-only.
    """
    if os.geteuid() != 0:
        folder = tmp_path / "shared"
        folder.mkdir()
        path = _populate(folder)
        folder.chmod(0o555)
        yield path
        folder.chmod(0o755)
        return
    folder = mount_tmpfs(tmp_path / "readonly", "1m", mode="0755")
    try:
        path = _populate(folder)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield path
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _populate(folder: Path) -> Path:
    path = folder / "workbook.json"
    seed(path, [acme(notes="notes from before")])
    followup(path, "list")
    followup(path, "profile", "--name", "Sam Lee")
    (folder / "workbook.json.lock").write_text("")  # left by a followup that was killed
    return path


def test_verbs_in_a_read_only_folder_read_and_refuse_to_write_plainly(read_only_folder):
    path = read_only_folder
    before = path.read_bytes()
    (record,) = orjson.loads(path.read_bytes())["interviews"].values()  # (TinyDB itself opens it for writing)
    for args in (["list"], ["profile"], ["script", record["id"][:8], "--kind", "voicemail"]):
        done = followup(path, *args)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr)
    for args in (["add", "--company", "Cobalt", "--role", "Designer"], ["profile", "--name", "Robin"]):
        done = followup(path, *args)
        assert done.returncode == 1, (args, done.stderr)
        assert f"cannot write {path}: " in done.stderr and "read-only" in done.stderr
        assert "Nothing was written." in done.stderr and "Traceback" not in done.stderr
    assert path.read_bytes() == before


@needs_tmux
def test_the_app_opens_a_read_only_folder_read_only_and_rescues_what_was_typed(tmp_path, read_only_folder, tmux):  # noqa: F811
    path = read_only_folder
    home = tmp_path / "home"
    home.mkdir()
    before = path.read_bytes()
    pid = tmux.start("read-only", ["--db", str(path)], env={"HOME": str(home)}, keep=True)
    try:
        tmux.wait_for("read-only", "Interviews")
        screen = tmux.wait_for("read-only", "open read-only")
        assert "Nothing you change is written to it" in screen
        tmux.key("read-only", "3")
        time.sleep(0.3)
        tmux.type("read-only", " and typed now")
        tmux.wait_for("read-only", "and typed now")
        tmux.key("read-only", "C-q")
        assert wait_gone(pid)
        screen = tmux.wait_for("read-only", "written to")
    finally:
        tmux.kill_session("read-only")
    assert path.read_bytes() == before
    (rescue,) = home.glob("workbook.rescue-*.json")
    assert str(rescue) in screen.replace("\n", "")
    notes = stored(rescue)["interviews"][0]["notes"]
    assert "notes from before" in notes and "and typed now" in notes
    shutil.rmtree(home)
