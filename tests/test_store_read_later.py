"""A pasted log's notes are left unread while the workbook opens, for the first rows to show sooner, and read
before anything else: the same records, the same bytes kept, the same words for a file that is not right."""

from __future__ import annotations

import contextlib
import itertools
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_store_plain import changed_at_random
from ui_support import running, seed, settle, stored

from tui.domain.documents import to_doc
from tui.domain.models import CallAttempt, Channel, Interview, Interviewer, Outcome, ThankYou
from tui.store import DamagedFileError, Workbook, checking, plain, written
from tui.store.checking import check_tables, read_later

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
LINE = '12:00:01 INFO served "/a\\b" in 3 ms, nothing to report\n'


def log_of(size: int) -> str:
    return (LINE * (size // len(LINE) + 1))[:size]


def _workbook(path: Path, notes: str, call_notes: str = "") -> bytes:
    book = Workbook.open(path, autosave=False)
    interviews = [
        Interview(f"Acme {n}", "Designer", interviewed_at=START, interviewer=Interviewer(name="Dana"), notes=f"n{n}")
        for n in range(3)
    ]
    interviews[1].notes = notes
    book.load_many(interviews)
    book.load_many([CallAttempt(interviews[1].id, START, START, Outcome.NO_ANSWER, notes=call_notes)])
    book.close()
    Workbook.open(path, autosave=False).close()  # opened again, as it was good: its backup copy is made
    return path.read_bytes()


def _the_note(book: Workbook) -> str:
    return next(i.notes for i in book.interviews() if i.company == "Acme 1")


def test_a_long_note_is_left_unread_then_read_and_the_file_backed_up_only_then(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    note = log_of(1_200_000)
    raw = _workbook(path, note)
    path.with_name("w.json.bak").unlink(missing_ok=True)
    book = Workbook.open(path, autosave=False, later=True)
    try:
        assert _the_note(book) == ""  # left for later
        assert not path.with_name("w.json.bak").exists()  # no copy before every record is known good
        assert book.read_the_rest() is True
        assert _the_note(book) == note
        assert path.with_name("w.json.bak").read_bytes() == raw
        assert book.read_the_rest() is False  # done once
    finally:
        book.close()
    assert path.read_bytes() == raw  # nothing changed, nothing written


def test_a_workbook_opened_at_once_reads_everything(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    note = log_of(1_200_000)
    _workbook(path, note)
    with Workbook.open(path, autosave=False) as book:
        assert _the_note(book) == note
        assert book.read_the_rest() is False


def test_a_change_before_the_rest_is_read_reads_it_first_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    note = log_of(1_200_000)
    _workbook(path, note)
    book = Workbook.open(path, autosave=False, later=True)
    interview = next(i for i in book.interviews() if i.company == "Acme 1")
    interview.role = "Lead Designer"
    book.save_interview(interview)
    book.close()
    (saved,) = [doc for doc in stored(path)["interviews"] if doc["company"] == "Acme 1"]
    assert (saved["role"], saved["notes"]) == ("Lead Designer", note)


def test_a_saved_change_elsewhere_keeps_the_long_note_as_it_stands(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    note = log_of(1_200_000)
    _workbook(path, note)
    book = Workbook.open(path, autosave=False, later=True)
    book.read_the_rest()
    other = next(i for i in book.interviews() if i.company == "Acme 2")
    book.set_interview_notes(other, "typed")
    book.close()
    assert {doc["company"]: doc["notes"] for doc in stored(path)["interviews"]} == {
        "Acme 0": "n0",
        "Acme 1": note,
        "Acme 2": "typed",
    }


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw.replace(b"report\\n", b"report\\q", 1),  # an escape JSON has not
        lambda raw: raw.replace(b"3 ms", b"3 \xff\xfe", 1),  # bytes that are not UTF-8
        lambda raw: raw.replace(b"3 ms", b"3\tms", 1),  # a tab not escaped
    ],
)
def test_a_long_note_that_is_not_text_refuses_the_file_as_opening_it_at_once_does(tmp_path: Path, damage: Any) -> None:
    path = tmp_path / "w.json"
    good = _workbook(path, log_of(1_200_000))
    backup = path.with_name("w.json.bak")
    raw = damage(good)
    assert raw != good
    path.write_bytes(raw)
    with pytest.raises(DamagedFileError) as at_once:
        Workbook.open(path, autosave=False)
    book = Workbook.open(path, autosave=False, later=True)  # the rest of the file is right
    with pytest.raises(DamagedFileError) as later:
        book.read_the_rest()
    assert str(later.value) == str(at_once.value)
    book.close()
    assert path.read_bytes() == raw and backup.read_bytes() == good  # neither is written
    assert not path.with_name("w.json.lock").exists()  # the file is let go of
    Workbook.open(path.with_name("w.json.bak"), autosave=False).close()


def _seen(path: Path, raw: bytes, later: bool) -> Any:
    """What opening these bytes gives, its rest read: the records, or the problem named."""
    made = itertools.count()
    try:
        with mock.patch("uuid.uuid4", lambda: uuid.UUID(int=next(made))):
            loaded, version = check_tables(path, raw, UTC, later)
            read_later(path, loaded.later, raw, UTC)
    except Exception as error:  # the kind and words of any problem are compared
        return type(error).__name__, str(error)
    objects = {table: {key: to_doc(obj) for key, obj in found.items()} for table, found in loaded.objects.items()}
    return version, loaded.tables.payload(), objects, loaded.doc_ids


@contextlib.contextmanager
def _small_big(quotes: int = written.QUOTES_LOOKED_AT) -> Iterator[None]:
    """A record is big past 1,500 bytes, and the walk looks 1,000 bytes ahead (past the fields before the notes):
    small files take every path. `quotes`: how many quotes of a long text are looked at one by one."""
    with contextlib.ExitStack() as patched:
        patched.enter_context(mock.patch.object(plain, "_NEAR", 1000))
        patched.enter_context(mock.patch.object(plain, "QUOTES_LOOKED_AT", quotes))
        for module in (checking, written):
            patched.enter_context(mock.patch.object(module, "BIG", 1500))
        yield


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_change_to_a_file_with_long_notes_opens_as_reading_it_at_once_would(
    tmp_path_factory: Any, data: st.DataObject
) -> None:
    """A file with long notes (an interview's, a call's), cut short, or with bytes changed, put in or taken
    out anywhere: its notes read later, it opens to the same records and bytes, or is refused with the same
    words, as when every text is read at once."""
    path = tmp_path_factory.mktemp("w") / "w.json"
    length = data.draw(st.sampled_from([300, 1200, 3000]))
    quotes = data.draw(st.sampled_from([2, 4096]))  # the long text's end found quote by quote, or by one search
    with _small_big(quotes):
        made = _workbook(path, log_of(length), log_of(data.draw(st.sampled_from([0, 2500]))))
    raw = changed_at_random(made, data, b'{}[]",:\\ 0123456789azn\t\xff')
    with _small_big(quotes):
        assert _seen(path, raw, later=True) == _seen(path, raw, later=False)


@pytest.mark.parametrize("quotes", [2, 4096])
def test_only_the_notes_of_a_record_are_left_unread(tmp_path: Path, quotes: int) -> None:
    path = tmp_path / "w.json"
    with _small_big(quotes):
        raw = _workbook(path, "short")
        doc = orjson.loads(raw)
        doc["interviews"]["2"]["decision_text"] = log_of(3000)  # long, but not the notes
        raw = orjson.dumps(doc)
        loaded, _ = check_tables(path, raw, UTC, later=True)
        assert loaded.later == []
        raw = _workbook(path, log_of(3000), log_of(3000))
        loaded, _ = check_tables(path, raw, UTC, later=True)
    assert sorted(type(item.obj).__name__ for item in loaded.later) == ["CallAttempt", "Interview"]
    assert [bytes(item.json) for item in loaded.later] == [orjson.dumps(log_of(3000))] * 2


def test_a_long_text_a_record_has_no_field_for_is_read_at_once(tmp_path: Path) -> None:
    """A thank-you has no notes: one written with them (by another program) opens as read at once."""
    path = tmp_path / "w.json"
    with _small_big():
        doc = orjson.loads(_workbook(path, "short"))
        interview_id = doc["interviews"]["1"]["id"]
        thanks = ThankYou(interview_id, Channel.EMAIL, START)
        doc["thank_yous"] = {"1": {**to_doc(thanks), "notes": log_of(3000)}}
        raw = orjson.dumps(doc)
        assert _seen(path, raw, later=True) == _seen(path, raw, later=False)
        assert check_tables(path, raw, UTC, later=True)[0].later == []


async def test_the_app_shows_a_long_note_read_after_its_first_frame(tmp_path: Path) -> None:
    from tui.widgets.notes_pane import SHOWN_AT_MOST

    path = tmp_path / "w.json"
    note = log_of(1_200_000)
    seed(path, [Interview("Acme", "Designer", interviewed_at=START, notes=note)])
    async with running(path) as pilot:
        await pilot.press("3", "end", "!")
        await settle(pilot)
        editor = pilot.app.screen.query_one("#notes")
        assert note.endswith(editor.text[:-1]) and len(editor.text) <= SHOWN_AT_MOST + 1
        assert "of 1.2 MB shown" in str(pilot.app.screen.query_one("#notes-title").render())
        pilot.app.finish_work()
    (saved,) = stored(path)["interviews"]
    assert saved["notes"] == note + "!"


async def test_the_app_refuses_a_file_whose_long_note_is_not_text_and_writes_nothing(tmp_path: Path) -> None:
    from tui.app import make_app

    path = tmp_path / "w.json"
    good = _workbook(path, log_of(1_200_000))
    raw = good.replace(b"report\\n", b"report\\q", 1)
    path.write_bytes(raw)
    book = Workbook.open(path, later=True)
    app = make_app(book)
    async with app.run_test() as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.refused is not None and "not complete JSON" in str(app.refused)
    book.close()
    assert path.read_bytes() == raw and path.with_name("w.json.bak").read_bytes() == good
