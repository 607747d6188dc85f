"""Records are kept as the JSON they are written as: a save joins what did not change and makes JSON only
of what did, and the file is byte for byte what orjson makes of the tables, as TinyDB reads them."""

from __future__ import annotations

import errno
import os
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
import tinydb

from tui.domain.documents import to_doc
from tui.domain.models import CallAttempt, Interview, Outcome
from tui.store import DamagedFileError, FileChangedError, Workbook, checking, fingerprint, records, written
from tui.store import storage as storage_module
from tui.store.records import Tables
from tui.store.written import kept_as

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def model_tables(seed: int) -> tuple[dict[str, Any], Tables]:
    """The same tables twice: as dicts, and kept as the store keeps them."""
    rng = random.Random(seed)
    data: dict[str, Any] = {"meta": {"1": {"schema_version": 1}}}
    for name in ("interviews", "calls"):
        if rng.random() < 0.8:
            data[name] = {str(n): {"n": n, "text": "é" * rng.randint(0, 3)} for n in range(1, rng.randint(0, 6) + 1)}
    data["profile"] = {"1": {"name": "Sam"}}
    records = {
        name: {int(key): kept_as(int(key), doc) for key, doc in data.get(name, {}).items()}
        for name in ("interviews", "calls", "thank_yous")
    }
    small = {name: table for name, table in data.items() if name not in records}
    return data, Tables(list(data), records, small)


class _Made:
    """What the reader makes of a model's record: it asks only for its ids."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.id, self.interview_id = str(doc.get("n", "profile")), ""


def read_tables(data: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Tables:
    """The tables read from their bytes, as the store reads a file it wrote: kept where they stand."""
    with monkeypatch.context() as patch:
        patch.setattr(checking, "from_doc", lambda cls, doc: _Made(doc))
        loaded, _ = checking.check_tables(Path("no such folder") / "wb.json", orjson.dumps(data), None)
    assert set(loaded.tables.kept) == {name for name in ("interviews", "calls") if data.get(name)}
    return loaded.tables


@pytest.mark.parametrize("seed", range(40))
def test_whatever_is_changed_the_bytes_are_what_orjson_makes_of_the_tables(seed):
    """Records added, changed (one field or all), removed, in any table: the bytes match a dict model
    changed the way TinyDB changes its tables, after every step."""
    change_and_compare(*model_tables(seed), seed)


@pytest.mark.parametrize("seed", range(40))
def test_tables_read_from_a_file_make_the_same_bytes_whatever_is_changed(seed, monkeypatch):
    """The records of a file followup wrote are kept where they stand in the bytes read, and written as
    runs of them: changed, removed and added around, the bytes still match the model after every step."""
    data = model_tables(seed)[0]
    change_and_compare(data, read_tables(data, monkeypatch), seed)


@pytest.mark.parametrize("seed", range(20))
def test_tables_read_with_big_records_make_the_same_bytes_whatever_is_changed(seed, monkeypatch):
    """With the bound set low, some records are big as they are read (kept as docs, the bytes read then
    kept apart from them), one of them among the interviews at any place, and others cross it one way or
    the other as they change."""
    monkeypatch.setattr(written, "BIG", 20)
    monkeypatch.setattr(checking, "BIG", 20)
    data = model_tables(seed)[0]
    interviews = list(data.setdefault("interviews", {}).items())
    big = {"n": 90, "text": 'past the bound, "quoted" \\ and \\"', "more": {"a": [1, "b"]}}
    interviews.insert(random.Random(seed).randint(0, len(interviews)), ("90", big))
    data["interviews"] = dict(interviews)
    told: list[bool] = []
    tell = checking.told_as_made
    monkeypatch.setattr(checking, "told_as_made", lambda *args: told.append(tell(*args)) or told[-1])
    tables = read_tables(data, monkeypatch)
    assert isinstance(tables.records["interviews"][90], dict)
    assert True in told  # read where it stands, its JSON not made again
    change_and_compare(data, tables, seed)


def change_and_compare(data: dict[str, Any], tables: Tables, seed: int) -> None:
    rng = random.Random(seed)
    assert tables.payload() == orjson.dumps(data)
    for step in range(30):
        name = rng.choice(("interviews", "calls", "thank_yous"))
        table = data.setdefault(name, {}) if name in data or rng.random() < 0.5 else None
        action = rng.random()
        if table is None:
            continue
        if action < 0.35 or not table:
            doc = {"n": step, "text": rng.choice(["", "a,b", '"}', "\u2028"])}
            doc_id = tables.insert(name, doc)
            table[str(doc_id)] = dict(doc)
        elif action < 0.75:
            key = rng.choice(list(table))
            fields = {"text": f"step {step}"} if rng.random() < 0.5 else {"n": -step, "new": [step]}
            tables.update(name, int(key), fields)
            table[key].update(fields)
        else:
            key = rng.choice(list(table))
            tables.remove(name, [int(key)])
            del table[key]
        if rng.random() < 0.4:
            assert tables.payload() == orjson.dumps(data), step
    assert tables.payload() == orjson.dumps(data)


def test_a_removed_records_id_is_not_given_again_in_the_same_session(monkeypatch):
    _, tables = model_tables(3)
    first = tables.insert("thank_yous", {"a": 1})
    tables.remove("thank_yous", [first])
    assert tables.insert("thank_yous", {"a": 2}) == first + 1
    data = {"meta": {"1": {"schema_version": 1}}, "calls": {str(n): {"n": n} for n in range(1, 4)}}
    tables = read_tables(data, monkeypatch)
    tables.remove("calls", [3])
    assert tables.insert("calls", {"n": 9}) == 4  # not the last one read, though it is gone


def test_a_save_after_one_change_writes_the_rest_as_read_in_a_few_pieces(tmp_path):
    """One note changed among 300 interviews and their calls: the records around it go out as the two
    runs of bytes read on either side of it, not one piece each."""
    path = tmp_path / "wb.json"
    book, interviews = make_book(path, 300)
    book.load_many([CallAttempt(i.id, START, START + timedelta(minutes=1), Outcome.NO_ANSWER) for i in interviews])
    book.close()
    book = Workbook.open(path, autosave=False)
    book.set_interview_notes(book.interviews()[150], "typed")
    pieces = book._storage._pieces()[1]
    assert len(pieces) < 16
    book.flush()
    book.close()
    raw = path.read_bytes()
    assert raw == orjson.dumps(orjson.loads(raw))
    assert sum(doc.get("notes") == "typed" for doc in orjson.loads(raw)["interviews"].values()) == 1
    assert len(orjson.loads(raw)["calls"]) == 300


def test_a_record_not_written_as_followup_writes_it_is_kept_as_its_own_json(monkeypatch):
    """In a file laid out as followup writes it, one record written another way (an escape followup does
    not write) is read all the same, and kept as the JSON followup makes of it; the others as read."""
    data = {"meta": {"1": {"schema_version": 1}}, "calls": {str(n): {"n": n, "text": "é"} for n in range(1, 5)}}
    raw = orjson.dumps(data).replace('"n":2,"text":"é"'.encode(), b'"n":2,"text":"\\u00e9"')
    with monkeypatch.context() as patch:
        patch.setattr(checking, "from_doc", lambda cls, doc: _Made(doc))
        loaded, _ = checking.check_tables(Path("no such folder") / "wb.json", raw, None)
    tables = loaded.tables
    assert isinstance(tables.records["calls"][2], bytes)
    assert [type(tables.records["calls"][n]) for n in (1, 3, 4)] == [int, int, int]
    assert tables.payload() == orjson.dumps(data)
    tables.update("calls", 3, {"text": "changed"})
    data["calls"]["3"]["text"] = "changed"
    assert tables.payload() == orjson.dumps(data)


def make_book(path: Path, count: int = 3) -> tuple[Workbook, list[Interview]]:
    book = Workbook.open(path, autosave=False)
    interviews = [Interview(f"Company {n}", "Designer", interviewed_at=START - timedelta(days=n)) for n in range(count)]
    book.load_many(interviews)
    book.flush()
    return book, interviews


def test_a_field_this_release_does_not_know_stays_on_a_record_that_changes(tmp_path):
    """A newer release may add a field: changing the record here sets the fields it knows and keeps that one."""
    path = tmp_path / "wb.json"
    book, _ = make_book(path)
    book.close()
    data = orjson.loads(path.read_bytes())
    data["interviews"]["2"]["met_at"] = "the lobby café"
    path.write_bytes(orjson.dumps(data))
    book = Workbook.open(path, autosave=False)
    interview = next(i for i in book.interviews() if i.company == "Company 1")
    interview.role = "Lead Designer"
    book.save_interview(interview)
    book.set_interview_notes(interview, "Asked about the team.")
    book.close()
    record = orjson.loads(path.read_bytes())["interviews"]["2"]
    assert (record["met_at"], record["role"], record["notes"]) == (
        "the lobby café",
        "Lead Designer",
        "Asked about the team.",
    )


def test_a_save_writes_exactly_what_tinydb_reads_back(tmp_path):
    path = tmp_path / "wb.json"
    book, interviews = make_book(path, 5)
    book.set_interview_notes(interviews[1], "typed, one key at a time")
    book.save_call(CallAttempt(interviews[2].id, START, START + timedelta(minutes=2), Outcome.NO_ANSWER))
    book.remove_interview(interviews[3])
    book.close()
    raw = path.read_bytes()
    assert raw == orjson.dumps(orjson.loads(raw))
    db = tinydb.TinyDB(path)
    try:
        companies = sorted(doc["company"] for doc in db.table("interviews").all())
        notes = {doc["company"]: doc["notes"] for doc in db.table("interviews").all()}
        assert companies == ["Company 0", "Company 1", "Company 2", "Company 4"]
        assert notes["Company 1"] == "typed, one key at a time"
        assert [doc["interview_id"] for doc in db.table("calls").all()] == [interviews[2].id]
    finally:
        db.close()
    reopened = Workbook.open(path, autosave=False)
    assert sorted(to_doc(i)["company"] for i in reopened.interviews()) == companies
    reopened.close()


def test_a_file_touched_but_not_changed_is_written_over_without_asking(tmp_path):
    """A sync client that copies the same bytes back (a new mtime) is no conflict; the bytes are compared
    with what was written, not with a hash taken on every save."""
    path = tmp_path / "wb.json"
    book, interviews = make_book(path)
    ours = path.read_bytes()
    later = time.time() + 5
    os.utime(path, (later, later))
    book.set_interview_notes(interviews[0], "after the touch")
    book.flush()
    assert b"after the touch" in path.read_bytes()
    path.write_bytes(path.read_bytes().replace(b"after the touch", b"after THE touch"))  # same size, not ours
    book.set_interview_notes(interviews[0], "once more")
    with pytest.raises(FileChangedError):
        book.flush()
    assert b"after THE touch" in path.read_bytes()
    assert ours != path.read_bytes()
    book.abandon()


def rename_over(path: Path, content: bytes) -> None:
    """Another program writes a file beside it and renames it over the workbook, as sync clients do."""
    beside = path.with_name(".theirs-" + path.name)
    beside.write_bytes(content)
    os.replace(beside, path)


def test_a_file_renamed_over_ours_the_moment_after_a_save_is_not_taken_for_ours(tmp_path, monkeypatch):
    """A sync client may put its file in place right after followup's took the name: the save knows what it
    wrote from the file it wrote, so the next save finds the change and leaves their file alone."""
    path = tmp_path / "wb.json"
    book, interviews = make_book(path)
    theirs: list[bytes] = []
    real = storage_module._fsync_dir

    def then_theirs(folder: Path) -> None:  # called once the new file has taken the name
        if not theirs:
            theirs.append(path.read_bytes().replace(b"Company 1", b"Company 7"))
            rename_over(path, theirs[0])
        real(folder)

    monkeypatch.setattr(storage_module, "_fsync_dir", then_theirs)
    book.set_interview_notes(interviews[0], "saved")
    book.flush()
    monkeypatch.undo()
    book.set_interview_notes(interviews[0], "saved, then typed on")
    with pytest.raises(FileChangedError):
        book.flush()
    assert path.read_bytes() == theirs[0]
    book.abandon()


def test_a_file_renamed_over_ours_with_our_size_and_time_is_told_by_its_inode(tmp_path):
    """Written within the same tick of the clock that stamps files, and as long: only which file it is
    tells theirs from ours."""
    path = tmp_path / "wb.json"
    book, interviews = make_book(path)
    ours = path.stat()
    theirs = path.read_bytes().replace(b"Company 1", b"Company 7")
    rename_over(path, theirs)
    os.utime(path, ns=(ours.st_atime_ns, ours.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (ours.st_size, ours.st_mtime_ns)
    book.set_interview_notes(interviews[0], "typed on")
    with pytest.raises(FileChangedError):
        book.flush()
    assert path.read_bytes() == theirs
    book.abandon()


def test_a_write_cut_short_goes_on_from_the_first_byte_not_written(tmp_path, monkeypatch):
    """The kernel may write less than asked (a signal): the rest follows, nothing twice, nothing lost."""
    real = os.writev

    def short(fd: int, buffers: list[bytes]) -> int:
        first = bytes(buffers[0])
        return real(fd, [first[: max(1, len(first) // 2)]]) if len(first) > 1 else real(fd, buffers[:1])

    path = tmp_path / "wb.json"
    book, interviews = make_book(path, 4)
    monkeypatch.setattr(storage_module.os, "writev", short)
    book.set_interview_notes(interviews[2], "x" * 5000)
    book.flush()
    monkeypatch.undo()
    raw = path.read_bytes()
    assert raw == orjson.dumps(orjson.loads(raw))
    assert orjson.loads(raw)["interviews"]["3"]["notes"] == "x" * 5000
    book.close()


def test_a_change_made_while_the_bytes_are_being_made_is_kept_for_the_next_save():
    """The bytes are made outside the lock: a record typed into meanwhile keeps what was typed."""
    _, tables = model_tables(7)
    doc_id = tables.insert("calls", {"n": 0, "text": "first"})
    taken = tables.take()
    tables.update("calls", doc_id, {"text": "typed meanwhile"})
    assert b'"text":"first"' in b"".join(taken.pieces())
    tables.settle(taken)
    assert orjson.loads(tables.payload())["calls"][str(doc_id)] == {"n": 0, "text": "typed meanwhile"}


def test_bytes_that_could_not_be_made_leave_every_change_waiting(monkeypatch):
    _, tables = model_tables(7)
    doc_id = tables.insert("calls", {"n": 0, "text": "first"})
    gone = tables.insert("calls", {"n": 1, "text": "removed meanwhile"})
    taken = tables.take()
    monkeypatch.setattr(records, "kept_as", lambda *_: (_ for _ in ()).throw(MemoryError()))
    with pytest.raises(MemoryError):
        taken.pieces()
    monkeypatch.undo()
    tables.update("calls", doc_id, {"n": 5})
    tables.remove("calls", [gone])
    tables.give_back(taken)
    calls = orjson.loads(tables.payload())["calls"]
    assert calls == {str(doc_id): {"n": 5, "text": "first"}}


def test_records_kept_as_read_changed_or_removed_while_the_bytes_are_made(monkeypatch):
    """Records kept where they stand in the bytes read: one typed into while the bytes of an earlier change
    are made keeps the newest text, one removed meanwhile stays removed, and a making that fails leaves
    its change waiting, the record still as read until then."""
    data = {"meta": {"1": {"schema_version": 1}}, "calls": {str(n): {"n": n, "text": "read"} for n in range(1, 6)}}
    tables = read_tables(data, monkeypatch)
    tables.update("calls", 2, {"text": "first"})
    tables.update("calls", 4, {"text": "removed soon"})
    taken = tables.take()
    tables.update("calls", 2, {"text": "typed meanwhile"})
    tables.remove("calls", [4])
    made = b"".join(taken.pieces())
    assert b'"text":"first"' in made and b'"text":"removed soon"' in made
    tables.settle(taken)
    del data["calls"]["4"]
    data["calls"]["2"]["text"] = "typed meanwhile"
    assert tables.payload() == orjson.dumps(data)
    tables.update("calls", 3, {"text": "not made yet"})
    taken = tables.take()
    with monkeypatch.context() as patch:
        patch.setattr(records, "kept_as", lambda *_: (_ for _ in ()).throw(MemoryError()))
        with pytest.raises(MemoryError):
            taken.pieces()
    tables.give_back(taken)
    assert isinstance(tables.records["calls"][3], int)
    data["calls"]["3"]["text"] = "not made yet"
    assert tables.payload() == orjson.dumps(data)


def test_a_record_removed_while_the_bytes_are_being_made_stays_removed():
    _, tables = model_tables(7)
    doc_id = tables.insert("calls", {"n": 0})
    taken = tables.take()
    tables.remove("calls", [doc_id])
    taken.pieces()
    tables.settle(taken)
    assert str(doc_id) not in orjson.loads(tables.payload()).get("calls", {})


@pytest.mark.parametrize("seed", range(20))
def test_big_records_kept_as_docs_still_make_the_same_bytes(seed, monkeypatch):
    """A record whose JSON is big is kept as its doc: with the bound set low, most records cross it one
    way or the other as they change, and the bytes still match the model after every step."""
    monkeypatch.setattr(written, "BIG", 28)
    test_whatever_is_changed_the_bytes_are_what_orjson_makes_of_the_tables(seed)


def big_note() -> str:
    return "12:00:01 INFO request served in 3 ms from the cache\n" * 25_000  # about 1.3 MB


def with_big_note(path: Path) -> None:
    """A workbook of three interviews, a pasted log in the second one's notes (its record 2), closed."""
    book, interviews = make_book(path)
    book.set_interview_notes(interviews[1], big_note())
    book.close()


def test_a_big_note_is_held_once_and_saved_whole(tmp_path):
    """A pasted log is held as the interview's text only: not again as JSON, not by what was saved."""
    path = tmp_path / "wb.json"
    with_big_note(path)
    book = Workbook.open(path, autosave=False)
    interview = next(i for i in book.interviews() if i.company == "Company 1")
    kept = book._storage.tables.records["interviews"][2]
    assert isinstance(kept, dict) and kept["notes"] is interview.notes
    book.set_interview_notes(interview, interview.notes + "typed after it")
    book.save_interview(next(i for i in book.interviews() if i.company == "Company 2"))
    book.flush()
    held = book._storage._seen._content
    assert all(len(piece) < written.BIG for piece in held if isinstance(piece, bytes | memoryview))
    book.close()
    raw = path.read_bytes()
    assert raw == orjson.dumps(orjson.loads(raw))
    assert orjson.loads(raw)["interviews"]["2"]["notes"] == big_note() + "typed after it"


def test_a_big_note_touched_but_not_changed_is_no_conflict(tmp_path):
    path = tmp_path / "wb.json"
    book, interviews = make_book(path)
    book.set_interview_notes(interviews[0], big_note())
    book.flush()
    later = time.time() + 5
    os.utime(path, (later, later))
    book.set_interview_notes(interviews[2], "after the touch")
    book.flush()
    path.write_bytes(path.read_bytes().replace(b"INFO request", b"WARN request", 1))  # same size, not ours
    book.set_interview_notes(interviews[2], "once more")
    with pytest.raises(FileChangedError):
        book.flush()
    book.abandon()


def test_a_record_that_grows_big_while_its_bytes_are_made_keeps_the_newest_text(monkeypatch):
    """Typed meanwhile, then typed again once the record is kept as its doc: the last text wins."""
    monkeypatch.setattr(written, "BIG", 40)
    _, tables = model_tables(7)
    doc_id = tables.insert("calls", {"n": 0, "text": ""})
    tables.pieces()
    tables.update("calls", doc_id, {"text": "x" * 50})  # big from now on
    taken = tables.take()
    tables.update("calls", doc_id, {"text": "typed while it was made"})
    taken.pieces()
    tables.settle(taken)
    assert isinstance(tables.records["calls"][doc_id], dict)
    tables.update("calls", doc_id, {"text": "typed last"})
    assert orjson.loads(tables.payload())["calls"][str(doc_id)]["text"] == "typed last"


LONG = 'a line of a log, "quoted", with a \\ and \\"both\\"\n' * 20


@pytest.mark.parametrize(
    "doc",
    [
        {"notes": LONG},
        {"company": "Acme", "notes": LONG},
        {"notes": LONG, "checks": {"D1": True}, "n": 3},
        {"interviewer": {"name": "Dana", "notes": ""}, "notes": LONG + "é\u2028\x01", "archived": False},
        {"notes": "\\" * 500 + '"'},
        {"notes": LONG + "\\", "n": 3},  # a backslash last: the quote after it closes the text
    ],
)
def test_a_big_record_written_as_followup_writes_it_is_told_so_without_its_json(doc):
    raw = b"[" + orjson.dumps(doc) + b"]"
    assert written.told_as_made(orjson.loads(raw)[0], raw, range(1, len(raw) - 1))


def told(raw: bytes) -> bool:
    return written.told_as_made(orjson.loads(raw), raw, range(len(raw)))


def test_a_big_record_with_a_key_twice_is_not_told_followup_s_own():
    body = orjson.dumps(LONG)
    assert not told(b'{"company":"Acme","notes":"x","notes":' + body + b"}")
    assert not told(b'{"company":"Acme","notes":"x\\\\","notes":' + body + b"}")  # "x\\" then a quote that ends it
    assert not told(b'{"notes":' + body + b',"company":"Acme","company":"Acme"}')
    assert not told(b'{"notes":' + body + b',"more":{"a":1,"a":1}}')


def test_a_big_record_is_told_followup_s_own_only_when_that_is_cheap_and_sure():
    body = orjson.dumps(LONG)
    assert told(b'{"company":"Acme","notes":' + body.replace(b"a line", b"\\u0061 line") + b"}")  # one string still
    assert not told(b'{"company": "Acme","notes":' + body + b"}")  # the other fields not as followup writes them
    assert not told(orjson.dumps({"notes": LONG, "more": [LONG] * 8}))  # the text a small part of the record
    many = orjson.dumps({"notes": '"' * (written.QUOTES_LOOKED_AT + 1)})
    assert not told(many) and told(orjson.dumps({"notes": '"' * written.QUOTES_LOOKED_AT}))


def test_a_file_with_a_big_note_written_twice_in_a_record_is_refused(tmp_path):
    path = tmp_path / "wb.json"
    book, _ = make_book(path)
    book.close()
    raw = path.read_bytes()
    note = orjson.dumps(big_note())
    path.write_bytes(raw.replace(b'"notes":""', b'"notes":"what was typed first","notes":' + note, 1))
    with pytest.raises(DamagedFileError, match="appears twice"):
        Workbook.open(path, autosave=False)


def test_a_big_note_is_read_without_making_its_json_again(tmp_path, monkeypatch):
    """A file followup wrote is told its own without the 20 MB of a pasted log made into JSON again to
    compare; what was seen of the note is hashed, and the bytes read let go."""
    path = tmp_path / "wb.json"
    with_big_note(path)
    made: list[int] = []
    dumps = orjson.dumps
    monkeypatch.setattr(orjson, "dumps", lambda *args, **kwargs: made.append(len(out := dumps(*args, **kwargs))) or out)
    book = Workbook.open(path, autosave=False)
    assert made and max(made) < written.BIG
    held = book._storage._seen._content
    assert all(len(piece) < written.BIG for piece in held if isinstance(piece, bytes | memoryview))
    assert sum(map(len, held)) == path.stat().st_size and book._storage._seen.holds(path.read_bytes())
    interview = next(i for i in book.interviews() if i.company == "Company 1")
    book.set_interview_notes(interview, interview.notes + "typed after it")
    book.flush()
    book.close()
    assert orjson.loads(path.read_bytes())["interviews"]["2"]["notes"] == big_note() + "typed after it"


#: JSON made by the tests themselves, not counted below.
DUMPS = orjson.dumps


def count_big_json(monkeypatch) -> list[int]:
    """The size of each big record's JSON made from now on."""
    made: list[int] = []
    dumps = orjson.dumps

    def counted(*args, **kwargs):
        out = dumps(*args, **kwargs)
        if len(out) > written.BIG:
            made.append(len(out))
        return out

    monkeypatch.setattr(orjson, "dumps", counted)
    return made


def saved_as_made(book: Workbook, path: Path) -> dict[str, Any]:
    """The file, checked to be byte for byte what orjson makes of it and what the workbook saw it hold."""
    raw = path.read_bytes()
    assert raw == DUMPS(orjson.loads(raw)) and book._storage._seen.holds(raw)
    tables: dict[str, Any] = orjson.loads(raw)
    return tables


def test_a_big_note_not_changed_is_copied_from_the_file_it_replaces_not_made_again(tmp_path, monkeypatch):
    """Typing beside a pasted log: each save copies the log's JSON from the file it replaces instead of making
    it again, wherever it moves in the file; once the log itself changes it is made once, then copied again."""
    path = tmp_path / "wb.json"
    with_big_note(path)
    made = count_big_json(monkeypatch)
    book = Workbook.open(path, autosave=False)
    first, second, _ = sorted(book.interviews(), key=lambda i: i.company)
    for text in ("a", "a much longer line typed before the log, which moves it along", ""):
        book.set_interview_notes(first, text)
        book.flush()
        tables = saved_as_made(book, path)
        assert (tables["interviews"]["1"]["notes"], tables["interviews"]["2"]["notes"]) == (text, big_note())
    assert made == []
    book.set_interview_notes(second, second.notes + "typed into the log")
    book.flush()
    assert saved_as_made(book, path)["interviews"]["2"]["notes"] == big_note() + "typed into the log"
    book.set_interview_notes(first, "after")
    book.flush()
    assert saved_as_made(book, path)["interviews"]["2"]["notes"] == big_note() + "typed into the log"
    assert len(made) == 1
    assert book._storage.snapshot()[1] == path.read_bytes()  # a rescue makes the bytes, copying nothing
    book.close()


@pytest.mark.parametrize("kernel", ["refuses", "cannot"])
def test_where_the_kernel_does_not_copy_the_big_note_is_read_and_written(tmp_path, monkeypatch, kernel):
    """Another file system, an older kernel, or a system without the call: the bytes go through the process."""
    path = tmp_path / "wb.json"
    with_big_note(path)
    if kernel == "refuses":

        def cross_device(*_):
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        monkeypatch.setattr(os, "copy_file_range", cross_device)
    else:
        monkeypatch.delattr(os, "copy_file_range", raising=False)
    made = count_big_json(monkeypatch)
    book = Workbook.open(path, autosave=False)
    book.set_interview_notes(min(book.interviews(), key=lambda i: i.company), "typed")
    book.flush()
    assert saved_as_made(book, path)["interviews"]["2"]["notes"] == big_note() and made == []
    book.close()


def test_a_big_note_is_copied_only_from_the_very_file_it_stands_in(tmp_path, monkeypatch):
    """Once the file is not the one followup last wrote or read (another program's, kept over at the user's
    word; or the same bytes touched), the note is made again, and copied from the file written then."""
    path = tmp_path / "wb.json"
    with_big_note(path)
    made = count_big_json(monkeypatch)
    book = Workbook.open(path, autosave=False)
    first = min(book.interviews(), key=lambda i: i.company)
    theirs = orjson.loads(path.read_bytes())
    theirs["interviews"]["1"]["company"] = "Company 0, renamed elsewhere at some length"  # the note moves along
    path.write_bytes(DUMPS(theirs))
    book.set_interview_notes(first, "mine")
    with pytest.raises(FileChangedError):
        book.flush()
    book.keep_mine()
    tables = saved_as_made(book, path)
    assert (tables["interviews"]["1"]["company"], tables["interviews"]["2"]["notes"]) == ("Company 0", big_note())
    assert len(made) == 2  # the save refused, then the one kept over theirs
    later = time.time() + 5
    os.utime(path, (later, later))
    book.set_interview_notes(first, "once more")
    book.flush()
    assert saved_as_made(book, path)["interviews"]["2"]["notes"] == big_note() and len(made) == 3
    book.set_interview_notes(first, "and again")
    book.flush()
    assert saved_as_made(book, path)["interviews"]["2"]["notes"] == big_note() and len(made) == 3
    book.close()


def test_changing_a_big_note_lets_go_of_where_it_stood(tmp_path):
    """The text a big note had is not kept for the next save once the note changes, nor once it is removed."""
    path = tmp_path / "wb.json"
    with_big_note(path)
    book = Workbook.open(path, autosave=False)
    tables = book._storage.tables
    second = sorted(book.interviews(), key=lambda i: i.company)[1]
    assert list(tables.standing) == [("interviews", 2)]
    book.set_interview_notes(second, big_note() + "typed")
    assert tables.standing == {}
    book.flush()
    assert list(tables.standing) == [("interviews", 2)]
    book.remove_interview(second)
    assert tables.standing == {}
    book.close()


@pytest.mark.parametrize("seed", range(12))
def test_saves_that_copy_big_records_from_the_file_write_exactly_the_tables(tmp_path, monkeypatch, seed):
    """With the bound set low, many records are big, and they move, grow, shrink, come and go between saves:
    after every save the file is byte for byte what orjson makes of the workbook, and reads back as it."""
    for module in (written, checking, fingerprint):
        monkeypatch.setattr(module, "BIG", 300)
    rng = random.Random(seed)
    path = tmp_path / "wb.json"
    book, _ = make_book(path, count=6)
    for step in range(30):
        alive = book.interviews()
        action = rng.random()
        if action < 0.6 and alive:
            book.set_interview_notes(rng.choice(alive), "é" * rng.choice([0, 5, 120, 400, 900]))
        elif action < 0.75:
            book.save_interview(
                Interview(f"Added {step}", "Designer", interviewed_at=START, notes="n" * rng.choice([3, 500]))
            )
        elif action < 0.85 and len(alive) > 1:
            book.remove_interview(rng.choice(alive))
        else:
            book.close()
            book = Workbook.open(path, autosave=False)
        book.flush()
        tables = saved_as_made(book, path)
        assert {doc["company"]: doc["notes"] for doc in tables["interviews"].values()} == {
            i.company: i.notes for i in book.interviews()
        }
    book.close()
