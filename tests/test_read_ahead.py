"""The workbook read ahead, while the modules that open it load: opening takes those bytes only when the
file is still the very one read, and otherwise reads it again and tells what is wrong with it as always."""

from __future__ import annotations

import os
import threading

import pytest
from ui_support import interview_held, seed

from tui import reading
from tui.reading import ReadAhead
from tui.store import DamagedFileError, Workbook
from tui.store import opening as store_opening
from tui.store.storage import write_atomic


def companies(book: Workbook) -> list[str]:
    return sorted(i.company for i in book.interviews())


def test_the_bytes_read_ahead_are_what_opens_and_are_let_go_once_taken(tmp_path, monkeypatch):
    path = tmp_path / "workbook.json"
    seed(path, [interview_held("Acme")])
    ahead = ReadAhead(path)
    # Opening may not read the file itself: what it opens can only be what was read ahead.
    monkeypatch.setattr(store_opening, "read_regular", lambda *_: pytest.fail("the file was read again"))
    with Workbook.open(path, ahead=ahead, autosave=False) as book:
        assert companies(book) == ["Acme"]
    assert ahead.take(path) is None


def _changed_right_after_it_was_read(monkeypatch, change) -> threading.Event:
    """The file changes the moment the read ahead has read it, as when another program saves it then; set
    once it has."""
    read, changed = reading.read_regular_as, threading.Event()

    def read_then_change(path, limit):
        done = read(path, limit)
        change(path)
        changed.set()
        return done

    monkeypatch.setattr(reading, "read_regular_as", read_then_change)
    return changed


def _replaced(path) -> None:  # as followup and sync clients save: a new file renamed over it
    write_atomic(path, path.with_name("other.json").read_bytes())


def _written_in_place(path) -> None:  # the same size, written into the same file a second later
    data = path.read_bytes().replace(b"Acme", b"Acne")
    info = path.stat()
    with open(path, "r+b") as file:
        file.write(data)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize(
    ("change", "expected"),
    [(_replaced, ["Globex"]), (_written_in_place, ["Acne"]), (lambda path: path.unlink(), [])],
    ids=["replaced", "written in place", "removed"],
)
def test_a_file_changed_after_it_was_read_ahead_is_read_again(tmp_path, monkeypatch, change, expected):
    path = tmp_path / "workbook.json"
    seed(path, [interview_held("Acme")])
    seed(tmp_path / "other.json", [interview_held("Globex")])
    changed = _changed_right_after_it_was_read(monkeypatch, change)
    ahead = ReadAhead(path)
    assert changed.wait(10)  # before opening begins, which would clear away the other program's temp file
    with Workbook.open(path, ahead=ahead, autosave=False) as book:
        assert companies(book) == expected  # removed: a new, empty workbook is made, as for any missing file


def test_a_read_ahead_that_failed_leaves_opening_to_say_why(tmp_path):
    pipe = tmp_path / "workbook.json"
    os.mkfifo(pipe)
    with pytest.raises(DamagedFileError, match="named pipe"):
        Workbook.open(pipe, ahead=ReadAhead(pipe))
    missing = tmp_path / "new.json"
    with Workbook.open(missing, ahead=ReadAhead(missing), autosave=False) as book:
        assert companies(book) == []
    assert missing.is_file()


def test_a_workbook_opened_read_only_takes_the_bytes_read_ahead_too(tmp_path, monkeypatch):
    path = tmp_path / "workbook.json"
    seed(path, [interview_held("Acme")])
    path.chmod(0o400)
    ahead = ReadAhead(path)
    monkeypatch.setattr(store_opening, "read_regular", lambda *_: pytest.fail("the file was read again"))
    book = Workbook.open(path, ahead=ahead)
    assert book.read_only and companies(book) == ["Acme"]
    book.close()


@pytest.mark.parametrize("args", [["--db", "{path}"], []], ids=["--db", "the usual file"])
def test_the_command_reads_the_workbook_it_opens_ahead(tmp_path, monkeypatch, args):
    from tui import cli
    from tui.cli import run

    path = tmp_path / "workbook.json"
    seed(path, [interview_held("Acme")])
    monkeypatch.setenv("FOLLOWUP_DB", str(path))
    given = {}
    monkeypatch.setattr(run, "run_app", lambda **kwargs: given.update(kwargs) or 0)
    assert cli.main([arg.format(path=path) for arg in args]) == 0
    assert given["ahead"].take(path) == path.read_bytes()
    assert cli.main(["--demo"]) == 0 and given["ahead"] is None  # the demo is a copy made later
