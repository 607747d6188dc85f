"""Records are converted quickly when the file is opened, and exactly as the field-by-field check would:
the same objects from good records, the same message naming the same field from bad ones."""

from __future__ import annotations

import copy
import dataclasses
import gc
import typing
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.domain import documents
from tui.domain.checklist import tick
from tui.domain.documents import from_doc, to_doc
from tui.domain.errors import ValidationError
from tui.domain.models import (
    CallAttempt,
    Channel,
    ChecklistItem,
    Interview,
    Interviewer,
    Outcome,
    Profile,
    Qualification,
    Reference,
    Rehearsal,
    RehearsalBranch,
    Result,
    Settings,
    ThankYou,
)
from tui.domain.practice import record_rehearsal
from tui.store import DamagedFileError, Workbook
from tui.store.fingerprint import Fingerprint

EAST = timezone(timedelta(hours=-5))
START = datetime(2026, 11, 21, 9, 0, tzinfo=EAST)


def full_interview() -> Interview:
    """An interview with something in every field, nested records and lists included."""
    return Interview(
        "Acme",
        "Designer",
        interviewed_at=START - timedelta(days=2),
        interviewer=Interviewer("Dr. Dana Reyes", "Head of Design", "+12025550123", "dana@acme.test", True, "Dana"),
        interviewer_tz="America/New_York",
        round=2,
        resume_path="/home/sam/resume.pdf",
        references=(Reference("Lee", "former manager", "lee@old.test"),),
        qualifications=(Qualification("Figma systems", "a design system"),),
        wish_said="the migration project",
        checks={"D1": True, "D2": False},
        custom_items=(ChecklistItem("Water", ticked=True),),
        decision_expected=date(2026, 12, 4),
        decision_text="by next Friday",
        notes="Went well.",
        created_at=START - timedelta(days=3),
        rehearsals=(Rehearsal(START - timedelta(hours=1), RehearsalBranch.VOICEMAIL, 40, {"short": True}, "slow"),),
        result=Result.NEXT_ROUND,
        result_on=date(2026, 11, 30),
        result_notes="second round",
        previous_round="earlier-id",
        posting_url="https://acme.test/jobs/1",
        salary="90k",
        location="Remote",
        applied_on=date(2026, 11, 1),
    )


def full_records() -> list[tuple[type, dict[str, Any]]]:
    interview = full_interview()
    call = CallAttempt(interview.id, START, START + timedelta(minutes=3), Outcome.SPOKE, "n", "wait", date(2026, 12, 1))
    return [
        (Interview, to_doc(interview)),
        (CallAttempt, to_doc(call)),
        (ThankYou, to_doc(ThankYou(interview.id, Channel.EMAIL, START, "thanks"))),
        (Profile, to_doc(Profile("Sam", "+12025550199", "sam@test", "America/New_York", "pitch", True))),
        (Settings, to_doc(Settings("dark", {"voicemail": "Hi {name}"}, True))),
        *((type(part), to_doc(part)) for part in (interview.interviewer, interview.rehearsals[0])),
        *((type(part), to_doc(part)) for part in (interview.custom_items[0], interview.references[0])),
        (Qualification, to_doc(interview.qualifications[0])),
    ]


#: Values a damaged or hand-edited file might hold in any field.
ODD_VALUES: list[Any] = [
    None,
    "",
    "  ",
    "x",
    0,
    -1,
    1,
    100,
    True,
    False,
    1.5,
    [],
    [1],
    ["a"],
    [None],
    [{}],
    [{"name": "Lee"}],
    {},
    {"a": 1},
    {"a": True},
    {"a": "b"},
    {"name": ""},
    "2026-11-20T10:30:00",
    "2026-11-20T10:30:00-05:00",
    "2026-11-20T10:30:00+00:00",
    "1800-01-01T00:00:00+00:00",
    "2300-01-01T00:00:00+00:00",
    "2026-12-01",
    "1800-01-01",
    "2026-13-01",
    "waiting",
    "spoke",
    "email",
    "voicemail",
    "nope",
]


def paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document a value sits, nested tables and list entries included."""
    found = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            found.append((*prefix, key))
            found += paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found.append((*prefix, index))
            found += paths(value, (*prefix, index))
    return found


def changed(doc: dict[str, Any], path: tuple[Any, ...], value: Any, *, drop: bool = False) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    holder: Any = doc
    for step in path[:-1]:
        holder = holder[step]
    if drop and isinstance(holder, dict):
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return doc


def one_field_at_a_time(cls: type, doc: Any) -> Any:
    """How records were converted before the quick path: each field through its converter, in order."""
    if not isinstance(doc, dict):
        raise documents.RecordError("record", "is not a table of fields")
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        value = doc.get(f.name)
        if value is None:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise documents.RecordError(f.name, "is missing")
            continue
        try:
            kwargs[f.name] = documents._converter(hints[f.name])(value)
        except ValidationError as error:
            raise documents._within(f.name, error) from None
    return cls(**kwargs)


def outcome(convert: Any, cls: type, doc: Any) -> tuple[Any, ...]:
    """What converting gives: the object as its document, or the error's kind, field and message."""
    try:
        obj = convert(cls, doc)
    except ValidationError as error:
        return ("refused", type(error), error.field, error.message)
    return ("built", type(obj), orjson.dumps(to_doc(obj), option=orjson.OPT_SORT_KEYS))


def cases() -> list[tuple[type, dict[str, Any]]]:
    found = []
    for cls, doc in full_records():
        found.append((cls, doc))
        for path in paths(doc):
            found.append((cls, changed(doc, path, None, drop=True)))
            found += [(cls, changed(doc, path, value)) for value in ODD_VALUES]
    return found


def test_every_odd_value_anywhere_converts_or_is_refused_exactly_as_one_field_at_a_time(monkeypatch):
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=7))  # a missing id is made up the same each time
    checked = 0
    for cls, doc in cases():
        assert outcome(from_doc, cls, doc) == outcome(one_field_at_a_time, cls, doc), (cls.__name__, doc)
        checked += 1
    assert checked > 2000


def test_of_two_wrong_fields_the_first_in_order_is_named():
    compared = 0
    for cls, doc in full_records():
        names = list(doc)
        for first, name in enumerate(names):
            for later in names[first + 1 :]:
                both = {**doc, name: [1], later: [1]}  # a list of a number suits no field
                assert outcome(from_doc, cls, both) == outcome(one_field_at_a_time, cls, both), (name, later)
                compared += 1
    assert compared > 400


@pytest.mark.parametrize(("cls", "doc"), full_records(), ids=lambda value: getattr(value, "__name__", ""))
def test_a_well_formed_record_never_needs_the_field_by_field_path(monkeypatch, cls, doc):
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=7))
    newest = dataclasses.fields(cls)[-1].name
    older = {key: value for key, value in doc.items() if key != newest}  # from before that field was added
    expected = [one_field_at_a_time(cls, doc), one_field_at_a_time(cls, older)]

    def refuse(*_: Any) -> Any:
        raise AssertionError("the field-by-field path was taken for a well-formed record")

    monkeypatch.setattr(documents, "_field_by_field", refuse)
    assert [from_doc(cls, doc), from_doc(cls, older)] == expected


@pytest.mark.parametrize(("cls", "doc"), full_records(), ids=lambda value: getattr(value, "__name__", ""))
def test_a_record_with_every_field_right_is_made_by_the_function_written_for_its_class(monkeypatch, cls, doc):
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=7))
    expected = one_field_at_a_time(cls, doc)

    def refuse(*_: Any) -> Any:
        raise AssertionError("a record with every field right was read field by field")

    monkeypatch.setattr(documents, "_MAKERS", {})  # written again, with the slow reading refused
    monkeypatch.setattr(documents, "_slowly", refuse)
    assert from_doc(cls, doc) == expected
    assert set(documents._MAKERS) >= {cls}


def test_a_record_owns_its_lists_and_tables_apart_from_the_stored_document():
    doc = to_doc(full_interview())
    before = copy.deepcopy(doc)
    interview = from_doc(Interview, doc)
    interview.references[0].name = "Kim"
    interview.custom_items[0].ticked = False
    assert doc == before
    # The checks are read-only (a tick sets a new table), and never the document's own either.
    assert interview.checks == doc["checks"] and interview.checks is not doc["checks"]
    assert interview.rehearsals[0].checks is not doc["rehearsals"][0]["checks"]


def test_interviews_read_with_the_same_ticks_share_one_table_and_a_tick_changes_only_its_own(monkeypatch):
    monkeypatch.setattr(documents, "_SHARED", {})  # however many tables the tests before it read
    ticked = [{"D1": True, "D2": False}, {"D1": True, "D2": False}, {"D2": False, "D1": True}, {"D1": True}]
    first, second, reordered, fewer = (
        from_doc(Interview, {**to_doc(Interview("Acme", "Designer")), "checks": checks}) for checks in ticked
    )
    assert first.checks is second.checks
    assert reordered.checks == first.checks and reordered.checks is not first.checks  # written in another order
    assert fewer.checks is not first.checks
    tick(first, "D3", True)
    record_rehearsal(second, Rehearsal(START, RehearsalBranch.VOICEMAIL, 30))
    record_rehearsal(second, Rehearsal(START, RehearsalBranch.VOICEMAIL, 30))  # twice ticks D6
    assert first.checks == {"D1": True, "D2": False, "D3": True}
    assert second.checks == {"D1": True, "D2": False, "D6": True}
    assert from_doc(Interview, {**to_doc(Interview("Acme", "Designer")), "checks": ticked[0]}).checks == ticked[0]


def test_past_so_many_different_tables_a_new_one_is_kept_apart_and_read_the_same(monkeypatch):
    monkeypatch.setattr(documents, "_SHARED", {})
    monkeypatch.setattr(documents, "SHARED_AT_MOST", 2)
    read = [
        from_doc(Interview, {**to_doc(Interview("Acme", "Designer")), "checks": {key: True}})
        for key in ("D1", "D2", "D3", "D3")
    ]
    assert [interview.checks for interview in read] == [{"D1": True}, {"D2": True}, {"D3": True}, {"D3": True}]
    assert len(documents._SHARED) == 2 and read[2].checks is not read[3].checks


def test_a_bad_value_deep_inside_is_still_named_by_its_place():
    doc = to_doc(full_interview())
    doc["rehearsals"][0]["at"] = "2026-11-20T10:30:00"
    with pytest.raises(ValidationError) as refused:
        from_doc(Interview, doc)
    assert refused.value.message == "'rehearsals[0].at' has no UTC offset (write it like 2026-11-20T10:30:00-05:00)"


def many_tables(count: int) -> dict[str, Any]:
    interviews = [full_interview() for _ in range(count)]
    for n, interview in enumerate(interviews):
        interview.company = f"Company {n}"
    return {
        "meta": {"1": {"schema_version": 1}},
        "interviews": {str(n): to_doc(i) for n, i in enumerate(interviews, start=1)},
        "calls": {
            str(n): to_doc(CallAttempt(i.id, START, START + timedelta(minutes=2), Outcome.VOICEMAIL_LEFT))
            for n, i in enumerate(interviews, start=1)
        },
    }


def test_opening_gives_the_objects_the_field_by_field_path_gives_and_keeps_the_bytes(tmp_path: Path):
    tables = many_tables(50)
    path = tmp_path / "wb.json"
    raw = orjson.dumps(tables)
    path.write_bytes(raw)
    book = Workbook.open(path, autosave=False)
    try:
        expected = [one_field_at_a_time(Interview, doc) for doc in tables["interviews"].values()]
        assert book.interviews() == expected
        assert book.all_calls() == [one_field_at_a_time(CallAttempt, doc) for doc in tables["calls"].values()]
    finally:
        book.close()
    assert path.read_bytes() == raw
    assert (tmp_path / "wb.json.bak").read_bytes() == raw


def test_the_cycle_collector_runs_again_after_an_open_good_or_refused(tmp_path: Path):
    tables = many_tables(3)
    path = tmp_path / "wb.json"
    path.write_bytes(orjson.dumps(tables))
    assert gc.isenabled()
    Workbook.open(path, autosave=False).close()
    assert gc.isenabled()
    tables["interviews"]["2"]["round"] = "two"
    path.write_bytes(orjson.dumps(tables))
    with pytest.raises(DamagedFileError, match="record 2 in interviews: 'round' is not a whole number"):
        Workbook.open(path, autosave=False)
    assert gc.isenabled()


def test_the_collector_stays_off_after_an_open_when_the_program_had_turned_it_off(tmp_path: Path):
    path = tmp_path / "wb.json"
    path.write_bytes(orjson.dumps(many_tables(2)))
    gc.disable()
    try:
        Workbook.open(path, autosave=False).close()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_opens_records_go_straight_to_the_collectors_oldest_generation_and_none_stay_frozen(tmp_path: Path):
    """The records stay for the whole session: the collector is spared walking them young, twice over, but
    nothing is left frozen, so whatever becomes garbage later is still collected."""
    path = tmp_path / "wb.json"
    path.write_bytes(orjson.dumps(many_tables(40)))
    book = Workbook.open(path, autosave=False)
    try:
        oldest = {id(obj) for obj in gc.get_objects(generation=2)}
        assert all(id(interview) in oldest for interview in book.interviews())
        assert gc.get_freeze_count() == 0
    finally:
        book.close()


def test_what_the_file_looked_like_is_kept_without_keeping_its_bytes():
    content = orjson.dumps(many_tables(2))
    seen = Fingerprint((len(content), 1, 1), content)
    assert seen.holds(content)
    assert not seen.holds(content.replace(b"Company 1", b"Company 9"))  # the same size, other bytes
    held = [value for values in vars(seen).values() for value in (values if isinstance(values, list) else [values])]
    assert all(value is not content for value in held)


def test_the_lists_of_a_record_read_are_tuples_and_every_empty_one_is_the_same():
    """Four lists an interview, most of them empty: at 10,000 interviews a list each would hold 2 MB."""
    names = ("references", "qualifications", "custom_items", "rehearsals")
    bare = [from_doc(Interview, to_doc(Interview("Acme", "Designer"))) for _ in range(2)]
    assert len({id(getattr(one, name)) for one in bare for name in names}) == 1  # the one empty tuple
    assert all(getattr(one, name) == () for one in bare for name in names)
    doc = to_doc(full_interview())
    full = from_doc(Interview, doc)
    assert all(type(getattr(full, name)) is tuple and getattr(full, name) for name in names)
    assert to_doc(full) == doc  # written as lists, as before
