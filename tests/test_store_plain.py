"""A file laid out as followup writes it is read one record at a time, exactly as a JSON reader reads it
whole; any other file is read whole, with the same result."""

from __future__ import annotations

import itertools
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.domain.documents import to_doc
from tui.domain.models import CallAttempt, Interview, Interviewer, Outcome
from tui.store import DamagedFileError, Workbook, checking
from tui.store.checking import check_tables
from tui.store.plain import NotPlainError, walk_records

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)

#: Text made of what ends a record in the file's bytes, and what hides it: braces, quotes, commas,
#: colons, digits and backslashes.
_TRICKY = st.text(alphabet='{}[]",:\\0123456789 aé\n', max_size=24)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | _TRICKY,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.from_regex(r"[0-9]{1,2}|[a-z}\",]{1,3}", fullmatch=True), inner, max_size=3)
    ),
    max_leaves=12,
)
_RECORD = st.dictionaries(st.sampled_from(["notes", "x", "1", "2", "}},", '"', "checks"]), _VALUES, max_size=5)
_TABLE = st.dictionaries(st.integers(0, 50).map(str), _RECORD, max_size=5)
_TABLES = st.dictionaries(st.sampled_from(["meta", "interviews", "calls", "odd}", "é"]), _TABLE, max_size=4)


def walked(raw: bytes) -> dict[str, Any]:
    """The tables as the walk gives them, put back together; each record is the bytes it says it is."""
    tables: dict[str, Any] = {}
    for table, key, doc, start, end, _ in walk_records(raw):
        records = tables.setdefault(table, {})
        if key is not None:
            records[key] = doc
            assert raw[start:end] == b'"%s":%b' % (key.encode(), orjson.dumps(doc))
    return tables


@settings(max_examples=300, deadline=None)
@given(_TABLES)
def test_the_walk_reads_what_a_json_reader_reads(tables: dict[str, Any]) -> None:
    raw = orjson.dumps(tables)
    with mock.patch("tui.store.plain._IN_VAIN", 10**6):  # these tiny files are nearly all deep objects
        assert walked(raw) == orjson.loads(raw)
        assert list(walked(raw)) == list(tables)  # in the file's order, an empty table too


@settings(max_examples=300, deadline=None)
@given(_TABLES, st.integers(33, 90), st.integers(0, 40))
def test_the_walk_reads_the_same_past_where_the_pattern_alone_looks(tables: dict[str, Any], near: int, spaces: int):
    """With the bytes searched by the pattern alone set to a few dozen, nearly every record crosses that
    bound, and the brace that closes it stands anywhere around it: the walk still reads what JSON reads."""
    raw = orjson.dumps(tables) + b" " * spaces
    with mock.patch("tui.store.plain._IN_VAIN", 10**6), mock.patch("tui.store.plain._NEAR", near):
        assert walked(raw) == orjson.loads(raw)


@pytest.mark.parametrize("shift", [-40, -33, -32, -31, -25, -5, -1, 0, 1, 30])
def test_a_record_longer_than_the_pattern_looks_is_read_whatever_its_braces(shift):
    """A pasted log with braces in it, the record's own closing brace around where the pattern stops."""
    from tui.store import plain

    record = {"company": "Acme", "notes": 'x},"7":{ y} ' * (plain._NEAR // 15)}  # 14 bytes of JSON each
    record["notes"] += "a" * (plain._NEAR + shift - len(orjson.dumps(record)))
    assert len(orjson.dumps(record)) == plain._NEAR + shift  # from its opening brace to its closing one
    tables = {"interviews": {"1": record, "2": {"notes": "{}"}}, "calls": {}}
    raw = orjson.dumps(tables)
    assert walked(raw) == tables


@pytest.mark.parametrize(
    "notes",
    [
        '}},"calls":{"1":{',  # the bytes of a table's end, inside a note
        '},"2":{"a":1}',  # a record's end and the next record's start
        "ends in a backslash \\",  # the string's closing quote right after an escaped backslash
        "}",
        "}}}",
        '"},"3":{"',
    ],
)
def test_a_note_that_looks_like_the_end_of_a_record_is_read_whole(notes: str) -> None:
    tables = {"interviews": {"1": {"notes": notes, "n": 1}, "2": {"notes": notes, "deep": {"1": {"2": {}}}}}}
    raw = orjson.dumps(tables)
    assert walked(raw) == tables


@pytest.mark.parametrize(
    "raw",
    [
        json.dumps({"interviews": {"1": {"a": 1}}}).encode(),  # spaces between, as Python's json writes
        json.dumps({"interviews": {"1": {"a": 1}}}, indent=2).encode(),
        b'{"interviews":{"01":{"a":1}}}',  # a record number TinyDB would not write
        b'{"interviews":{"x":{"a":1}}}',
        b'{"interviews":{"1":[1]}}',  # a record that is not a table of fields
        b'{"interviews":[]}',
        b'{"inter\\u0076iews":{"1":{"a":1}}}',  # an escape in a table's name
        b'{"interviews":{"1":{"a":1}}',  # cut off
        b'{"interviews":{"1":{"a":1}}}}',
        b'{"interviews":{"1":{"a":1}}} x',
        b"[]",
        b"",
        b'{"\xff":{}}',  # not UTF-8
    ],
)
def test_any_other_layout_is_not_walked(raw: bytes) -> None:
    with pytest.raises(NotPlainError):
        walked(raw)


def test_white_space_after_the_file_is_allowed() -> None:
    assert walked(b'{"meta":{}}\n') == {"meta": {}}
    assert walked(b"{}") == {}


def test_a_file_of_deep_objects_is_read_whole_instead(monkeypatch: pytest.MonkeyPatch) -> None:
    records = {str(n): {"notes": "a line of notes " * 8} for n in range(2, 200)}
    deep = {"interviews": {"1": {"x": {str(n): {"y": {}} for n in range(1, 40)}}, **records}}
    raw = orjson.dumps(deep)
    assert walked(raw) == deep  # 38 braces tried before the record's own, each parsed from its start
    monkeypatch.setattr("tui.store.plain._IN_VAIN", 0.1)  # less than those parses in vain
    with pytest.raises(NotPlainError):
        walked(raw)


def _workbook(path: Path) -> bytes:
    book = Workbook.open(path, autosave=False)
    interviews = [
        Interview(
            company=f"Acme {n}",
            role="Designer",
            interviewed_at=START,
            interviewer=Interviewer(name="Dana", phone="+12025550123"),
            notes='asked about "the team"},"2":{ and \\',
        )
        for n in range(5)
    ]
    book.load_many(interviews)
    book.load_many([CallAttempt(interviews[0].id, START, START, Outcome.NO_ANSWER)])
    book.close()
    return path.read_bytes()


def _seen(path: Path, raw: bytes) -> tuple[Any, ...]:
    loaded, version = check_tables(path, raw, UTC)
    objects = {table: {key: to_doc(obj) for key, obj in found.items()} for table, found in loaded.objects.items()}
    return version, loaded.tables.payload(), objects, loaded.doc_ids, loaded.seen is not None


def test_followup_s_own_file_is_read_record_by_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.json"
    raw = _workbook(path)
    walked_once = _seen(path, raw)

    def whole(*args: Any) -> Any:
        raise AssertionError("followup's own file was parsed whole")

    monkeypatch.setattr(checking, "_read_whole", whole)
    assert _seen(path, raw) == walked_once


def test_a_file_read_whole_opens_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.json"
    raw = _workbook(path)
    walked_once = _seen(path, raw)
    monkeypatch.setattr(checking, "_read_plain", lambda path, raw, later=False: None)
    assert _seen(path, raw) == walked_once
    spaced = json.dumps(orjson.loads(raw), indent=1).encode()  # another program's layout: read whole
    monkeypatch.undo()
    version, payload, objects, doc_ids, _ = _seen(path, spaced)
    assert (version, payload, objects, doc_ids) == walked_once[:4]


@pytest.mark.parametrize("plain", [True, False])
def test_a_call_names_its_interview_by_the_interview_s_own_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plain: bool
) -> None:
    """One string for an interview's id, however many calls name it, whichever way the file is read."""
    path = tmp_path / "w.json"
    raw = _workbook(path)
    if not plain:
        monkeypatch.setattr(checking, "_read_plain", lambda path, raw, later=False: None)
    objects = check_tables(path, raw, UTC)[0].objects
    (call,) = objects["calls"].values()
    assert call.interview_id is objects["interviews"][call.interview_id].id


def _table_twice(raw: bytes) -> bytes:
    """The interviews written again after the other tables, under other numbers and ids."""
    again = {str(int(key) + 90): {**doc, "id": doc["id"] + "9"} for key, doc in orjson.loads(raw)["interviews"].items()}
    return raw[:-1] + b',"interviews":' + orjson.dumps(again) + b"}"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda raw: raw.replace(b'"company":"Acme 2"', b'"company":2'), "record 3 in interviews: 'company'"),
        (lambda raw: raw.replace(b'"2":{"company"', b'"1":{"company"', 1), "appears twice"),
        (_table_twice, "appears twice"),
        (lambda raw: raw.replace(b'"schema_version":1', b'"schema_version":99'), "newer"),
    ],
)
def test_a_bad_record_is_named_as_before(tmp_path: Path, change: Any, problem: str) -> None:
    """A walk that meets a problem hands the file to the whole reading, which names it."""
    path = tmp_path / "w.json"
    raw = change(_workbook(path))
    with pytest.raises(Exception) as caught:
        check_tables(path, raw, UTC)
    assert problem in str(caught.value)
    assert isinstance(caught.value, DamagedFileError) or "newer" in problem


def _outcome(path: Path, raw: bytes) -> Any:
    """What opening these bytes gives: the records read, or the problem named. A record whose id was
    changed away is given a new one: the same in each reading, so that the readings compare."""
    made = itertools.count()
    try:
        with mock.patch("uuid.uuid4", lambda: uuid.UUID(int=next(made))):
            return _seen(path, raw)
    except Exception as error:  # the kind and words of any problem are compared
        return type(error).__name__, str(error)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_change_to_a_file_opens_as_reading_it_whole_would(tmp_path_factory: Any, data: st.DataObject) -> None:
    """A file cut short, or with bytes changed, put in or taken out anywhere: read record by record, it
    opens to the same records, or is refused with the same words, as when it is read whole."""
    path = tmp_path_factory.mktemp("w") / "w.json"
    raw = changed_at_random(_workbook(path), data, b'{}[]",:\\ 0123456789az\xff', least=1)
    walked_once = _outcome(path, raw)
    with mock.patch.object(checking, "_read_plain", lambda path, raw, later=False: None):
        assert _outcome(path, raw) == walked_once


def changed_at_random(raw: bytes, data: st.DataObject, bytes_: bytes, least: int = 0) -> bytes:
    """`raw` cut short, or with `least` to 3 of `bytes_` set, put in or bytes taken out, anywhere."""
    changed = bytearray(raw)
    for _ in range(data.draw(st.integers(least, 3))):
        at = data.draw(st.integers(0, len(changed)))
        what = data.draw(st.sampled_from(["cut", "set", "put", "take"]))
        byte = data.draw(st.sampled_from(bytes_))
        if what == "cut":
            del changed[at:]
        elif what == "set" and at < len(changed):
            changed[at] = byte
        elif what == "put":
            changed.insert(at, byte)
        elif what == "take" and at < len(changed):
            del changed[at]
    return bytes(changed)
