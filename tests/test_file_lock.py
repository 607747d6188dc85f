"""The lock beside a workbook: one holder at a time, across processes and within one."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tui.store import file_lock
from tui.store.file_lock import FileLock, LockBusy


def test_a_second_holder_is_refused_until_the_first_lets_go(tmp_path):
    path = tmp_path / "workbook.json.lock"
    first, second = FileLock(path), FileLock(path)
    first.acquire()
    with pytest.raises(LockBusy):
        second.acquire()
    first.release()
    second.acquire()
    second.release()
    second.release()  # letting go twice does nothing


def test_another_process_holding_it_refuses_this_one_and_its_end_lets_go(tmp_path):
    path = tmp_path / "workbook.json.lock"
    holder = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from tui.store.file_lock import FileLock
        FileLock(Path({str(path)!r})).acquire()
        print("held", flush=True)
        sys.stdin.readline()
    """)
    other = subprocess.Popen([sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "held"
        with pytest.raises(LockBusy):
            FileLock(path).acquire()
    finally:
        other.communicate("\n", timeout=10)  # it ends without letting go: the system does
    mine = FileLock(path)
    mine.acquire()
    mine.release()


def test_a_lock_file_removed_as_its_holder_let_go_is_not_taken_but_a_new_one_is(tmp_path, monkeypatch):
    """The moment between opening the file and locking it: the holder removed it and let go. Locking
    the removed file would let a third process hold the new one at the same time."""
    path = tmp_path / "workbook.json.lock"
    flock, removed = file_lock.fcntl.flock, []

    def removed_meanwhile(fd, operation):
        if not removed:
            removed.append(True)
            path.unlink()
        flock(fd, operation)

    monkeypatch.setattr(file_lock.fcntl, "flock", removed_meanwhile)
    mine = FileLock(path)
    mine.acquire()
    monkeypatch.setattr(file_lock.fcntl, "flock", flock)
    assert removed and path.exists()
    with pytest.raises(LockBusy):
        FileLock(path).acquire()  # the file in the folder now is the one held
    mine.release()
