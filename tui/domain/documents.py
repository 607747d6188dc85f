"""Dataclasses to plain JSON documents and back; the only place that knows the stored shape."""

from __future__ import annotations

import dataclasses
import json
import operator
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, NamedTuple, TypeVar, cast

from .errors import ValidationError
from .makers import write_maker

__all__ = ["FIRST_YEAR", "LAST_YEAR", "KeyTwiceError", "RecordError", "from_doc", "shown", "to_doc", "unique_keys"]

T = TypeVar("T")
#: Dates outside these years are typing slips, and adding days to year 9999 overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2200
_MOMENT = "2026-11-20T10:30:00-05:00"
_DAY = "2026-12-01"


class RecordError(ValidationError):
    """A field of a document that will not convert; the message names the field and says why."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(field, f"'{field}' {problem}")
        self.problem = problem


class KeyTwiceError(ValueError):
    """A JSON object with the same key twice: a reader keeps the last, so the first would vanish."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """`object_pairs_hook` for json: an object as a dict, or KeyTwiceError naming the repeated key."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise KeyTwiceError(key)
        found[key] = value
    return found


def shown(value: Any) -> str:
    """A stored value as JSON, cut short: enough to find it in the file."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 30 else text[:29] + "…"


def to_doc(obj: Any) -> Any:
    """A dataclass as a JSON-ready dict: datetimes and dates as ISO-8601 strings, enums as values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_doc(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [to_doc(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): to_doc(value) for key, value in obj.items()}
    return obj


def from_doc(cls: type[T], doc: dict[str, Any]) -> T:
    """Build `cls` from a stored document; unknown keys are ignored, missing or null ones take defaults.

    Raises RecordError for a value of the wrong kind, or the model's own ValidationError.
    Opening 10,000 interviews spends most of its time here: a record whose fields are all right is made
    by a function written for its class (`makers`); any other is read by `_slowly`, which names the
    first wrong field.
    """
    make = _MAKERS.get(cls)
    if make is None:
        make = _MAKERS[cls] = write_maker(cls, _PLANS.get(cls) or _plan(cls), _REQUIRED, _slowly)
    return cast(T, make(doc))


def _slowly(cls: type[T], doc: dict[str, Any]) -> T:
    """`from_doc` for any document: the fields of text, numbers and yes/no are looked up and checked
    all at once, and only a record with one of them wrong goes field by field."""
    if not isinstance(doc, dict):
        raise RecordError("record", "is not a table of fields")
    plan = _PLANS.get(cls) or _plan(cls)
    try:
        values = list(plan.every(doc))
    except KeyError:  # a field not written out (a file from before it was added): it takes its default
        values = list(map(doc.get, plan.names))
    if tuple(map(type, plan.plain(values))) != plan.plain_types and not _fill_plain(plan, values):
        return _field_by_field(cls, plan, doc)
    # Every plain field is right, so the first converted field that is wrong is the first wrong field.
    for index, name, default, made, convert in plan.converted:
        value = values[index]
        if value is None:
            if default is _REQUIRED:
                raise RecordError(name, "is missing")
            values[index] = default() if made else default
        else:
            try:
                values[index] = convert(value)
            except ValidationError as error:
                raise _within(name, error) from None
    return cls(*values)


def _fill_plain(plan: _Plan, values: list[Any]) -> bool:
    """Put the defaults of plain fields left out; False if one is of the wrong type or must be there."""
    for index, exact, default, made in plan.plain_defaults:
        value = values[index]
        if type(value) is exact:
            continue
        if value is not None or default is _REQUIRED:
            return False
        values[index] = default() if made else default
    return True


def _field_by_field(cls: type[T], plan: _Plan, doc: dict[str, Any]) -> T:
    """In the fields' order, so the first that is wrong is the one named."""
    values = []
    for name, default, made, convert in plan.fields:
        value = doc.get(name)
        if value is None:
            if default is _REQUIRED:
                raise RecordError(name, "is missing")
            values.append(default() if made else default)
            continue
        try:
            values.append(convert(value))
        except ValidationError as error:
            raise _within(name, error) from None
    return cls(*values)


def _within(outer: str, error: ValidationError) -> ValidationError:
    """The same error, its field named from one level further out (`references[0].name`)."""
    inner = error.field
    field = outer if not inner else outer + inner if inner.startswith("[") else f"{outer}.{inner}"
    if isinstance(error, RecordError):
        return RecordError(field, error.problem)
    return ValidationError(field, error.message)


Convert = Callable[[Any], Any]
#: The default `_plan` gives a field that has none: a record must have it.
_REQUIRED = object()
#: Text, numbers and yes/no: a stored value of exactly this type is taken as it is.
_PLAIN = (str, int, bool)


class _Plan(NamedTuple):
    """How to convert one class, worked out once so that opening a big file stays quick."""

    names: tuple[str, ...]
    #: Every field's value from a document, in order; KeyError if one is not written out.
    every: Callable[[dict[str, Any]], tuple[Any, ...]]
    #: Each field in order: name, default (made by calling it, or not), converter.
    fields: tuple[tuple[str, Any, bool, Convert], ...]
    #: The plain fields' values picked from all the values, and the types they must have.
    plain: Callable[[list[Any]], tuple[Any, ...]]
    plain_types: tuple[type, ...]
    plain_defaults: tuple[tuple[int, type, Any, bool], ...]
    #: The other fields: position, name, default, made, converter.
    converted: tuple[tuple[int, str, Any, bool, Convert], ...]


#: Each class's plan, once worked out, and the function written from it (dicts: looked up for every record
#: read, they are the quickest).
_PLANS: dict[type, _Plan] = {}
_MAKERS: dict[type, Callable[[Any], Any]] = {}


def _plan(cls: type) -> _Plan:
    hints = typing.get_type_hints(cls)
    fields, plain, converted = [], [], []
    for index, f in enumerate(dataclasses.fields(cls)):
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name} must be a field given in order to be stored")
        hint = hints[f.name]
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        made = f.default_factory is not dataclasses.MISSING
        default = f.default_factory if made else _REQUIRED if f.default is dataclasses.MISSING else f.default
        convert = _converter(hint)
        fields.append((f.name, default, made, convert))
        if hint in _PLAIN:
            plain.append((index, hint, default, made))
        else:
            converted.append((index, f.name, default, made, convert))
    names = tuple(f[0] for f in fields)
    plan = _PLANS[cls] = _Plan(
        names,
        _picker(names),
        tuple(fields),
        _picker(tuple(p[0] for p in plain)),
        tuple(p[1] for p in plain),
        tuple(plain),
        tuple(converted),
    )
    return plan


def _picker(places: tuple[Any, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The values at `places` (keys or positions) as a tuple, even of one (itemgetter gives it bare)."""
    if len(places) > 1:
        return operator.itemgetter(*places)
    return lambda source: tuple(source[place] for place in places)


def _converter(hint: Any) -> Convert:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _converter(options[0])
    if origin is list:
        return _list_of(_converter(typing.get_args(hint)[0]))
    if origin is tuple:  # `tuple[X, ...]`: a list in the file
        return _tuple_of(_converter(typing.get_args(hint)[0]))
    if origin is dict:
        return _table_of(_converter(typing.get_args(hint)[1]))
    if origin is Mapping:
        return _shared(_table_of(_converter(typing.get_args(hint)[1])))
    if hint is datetime:
        return _moment
    if hint is date:
        return _day
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _choice_of(hint)
    if dataclasses.is_dataclass(hint):
        return _record_of(typing.cast(type, hint))
    if hint is bool:
        return _yes_no
    if hint is int:
        return _whole
    if hint is str:
        return _text
    return _as_is


def _as_is(value: Any) -> Any:
    return value


def _text(value: Any) -> str:
    if type(value) is str:
        return value
    raise RecordError("", "is not text")


def _whole(value: Any) -> int:
    if type(value) is int:
        return value
    raise RecordError("", "is not a whole number")


def _yes_no(value: Any) -> bool:
    if value is True or value is False:
        return value
    raise RecordError("", "is not true or false")


def _believable(moment: date) -> None:
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise RecordError("", f"is not a believable date (the year {moment.year})")


def _moment(value: Any) -> datetime:
    if type(value) is str:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.tzinfo is None:
                raise RecordError("", f"has no UTC offset (write it like {_MOMENT})")
            _believable(moment)
            return moment
    raise RecordError("", f"is not a date (write it like {_MOMENT})")


def _day(value: Any) -> date:
    if type(value) is str:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            _believable(day)
            return day
    raise RecordError("", f"is not a date (write it like {_DAY})")


def _choice_of(kind: type[Enum]) -> Convert:
    members = {member.value: member for member in kind}
    choices = ", ".join(members)

    def choice(value: Any) -> Enum:
        member = members.get(value) if type(value) is str else None
        if member is None:
            raise RecordError("", f"is not one of: {choices} (it is {shown(value)})")
        return member

    return choice


def _record_of(cls: type) -> Convert:
    def record(value: Any) -> Any:
        if not isinstance(value, dict):
            raise RecordError("", "should be a table of fields")
        return from_doc(cls, value)

    return record


def _list_of(item: Convert) -> Convert:
    def many(value: Any) -> list[Any]:
        if type(value) is not list:
            raise RecordError("", "should be a list")
        if not value:
            return []
        converted = []
        for index, entry in enumerate(value):
            try:
                converted.append(item(entry))
            except ValidationError as error:
                raise _within(f"[{index}]", error) from None
        return converted

    return many


def _tuple_of(item: Convert) -> Convert:
    """A list in the file, kept as a tuple: most are empty, and every empty tuple is the one `()` (a list
    each would hold 2 MB at 10,000 interviews, for the four lists an interview has)."""
    many = _list_of(item)

    def fixed(value: Any) -> tuple[Any, ...]:
        if type(value) is list and not value:
            return ()
        return tuple(many(value))

    return fixed


#: Read-only tables read so far, by their items: equal ones are one dict (see `_shared`).
_SHARED: dict[tuple[tuple[str, Any], ...], dict[str, Any]] = {}
#: Past this many different tables, a new one is kept apart rather than remembered.
SHARED_AT_MOST = 4096


def _shared(table: Convert) -> Convert:
    """A read-only table (a `Mapping` field, changed by setting a new one) as one dict shared by every
    record holding the same: most interviews tick the same few checklist items, and each dict of them
    costs 184 bytes (1.8 MB at 10,000 interviews)."""

    def one(value: Any) -> dict[str, Any]:
        converted: dict[str, Any] = table(value)
        items = tuple(converted.items())
        found = _SHARED.get(items)
        if found is not None:
            return found
        if len(_SHARED) < SHARED_AT_MOST:
            _SHARED[items] = converted
        return converted

    return one


def _table_of(item: Convert) -> Convert:
    def table(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise RecordError("", "should be a table")
        converted = {}
        for key, entry in value.items():
            try:
                converted[key] = item(entry)
            except ValidationError as error:
                raise _within(str(key), error) from None
        return converted

    return table
