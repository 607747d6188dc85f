"""Dataclasses to plain JSON documents and back; the only place that knows the stored shape."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from .errors import ValidationError

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
    if isinstance(obj, list):
        return [to_doc(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): to_doc(value) for key, value in obj.items()}
    return obj


def from_doc(cls: type[T], doc: dict[str, Any]) -> T:
    """Build `cls` from a stored document; unknown keys are ignored, missing or null ones take defaults.

    Raises RecordError for a value of the wrong kind, or the model's own ValidationError.
    """
    try:
        return typing.cast(T, _quick(typing.cast(type, cls))(doc))
    except (_Unusual, ValueError):
        return _checked(cls, doc)


def _checked(cls: type[T], doc: dict[str, Any]) -> T:
    """Field by field, so that whatever is wrong is named exactly (the quick path stops at the first doubt)."""
    if not isinstance(doc, dict):
        raise RecordError("record", "is not a table of fields")
    kwargs = {}
    for name, convert, required in _plan(typing.cast(type, cls)):
        value = doc.get(name)
        if value is None:
            if required:
                raise RecordError(name, "is missing")
            continue
        try:
            kwargs[name] = convert(value)
        except ValidationError as error:
            raise _within(name, error) from None
    return cls(**kwargs)


def _within(outer: str, error: ValidationError) -> ValidationError:
    """The same error, its field named from one level further out (`references[0].name`)."""
    inner = error.field
    field = outer if not inner else outer + inner if inner.startswith("[") else f"{outer}.{inner}"
    if isinstance(error, RecordError):
        return RecordError(field, error.problem)
    return ValidationError(field, error.message)


Convert = Callable[[Any], Any]


@cache
def _plan(cls: type) -> tuple[tuple[str, Convert, bool], ...]:
    """Each field's converter, worked out once per class so that opening a big file stays quick."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            f.name,
            _converter(hints[f.name]),
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    )


def _converter(hint: Any) -> Convert:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _converter(options[0])
    if origin is list:
        return _list_of(_converter(typing.get_args(hint)[0]))
    if origin is dict:
        return _table_of(_converter(typing.get_args(hint)[1]))
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
        converted = []
        for index, entry in enumerate(value):
            try:
                converted.append(item(entry))
            except ValidationError as error:
                raise _within(f"[{index}]", error) from None
        return converted

    return many


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


class _Unusual(Exception):
    """Raised by a quick converter at the first value it is not sure of; the checked path then names it."""


@cache
def _quick(cls: type) -> Callable[[Any], Any]:
    """One straight-line function per class for well-formed documents, compiled once.

    Opening 10,000 interviews spends most of its time here. It accepts no more than the checked
    path does and builds the same objects; anything else it leaves to that path.
    """
    hints = typing.get_type_hints(cls)
    scope: dict[str, Any] = {"cls": cls, "Unusual": _Unusual}
    lines = ["def quick(doc):", "    if type(doc) is not dict: raise Unusual", "    get = doc.get"]
    args = []
    for index, f in enumerate(dataclasses.fields(cls)):
        lines += [f"    v = get({f.name!r})", "    if v is None:"]
        if f.default is not dataclasses.MISSING:
            scope[f"d{index}"] = f.default
            lines.append(f"        a{index} = d{index}")
        elif f.default_factory is not dataclasses.MISSING:
            scope[f"d{index}"] = f.default_factory
            lines.append(f"        a{index} = d{index}()")
        else:
            lines.append("        raise Unusual")
        lines.append("    else:")
        lines += _quick_lines(hints[f.name], f"a{index}", f"c{index}", scope, "        ")
        args.append(f"{f.name}=a{index}" if f.kw_only else f"a{index}")
    args.sort(key=lambda arg: "=" in arg)  # keyword-only fields go after the positional ones
    lines.append(f"    return cls({', '.join(args)})")
    exec("\n".join(lines), scope)  # the source is made above from the class's own fields, nothing read
    return typing.cast(Callable[[Any], Any], scope["quick"])


#: A value of these kinds is taken as it is, once its type is right; the condition says when it is not.
_WRONG = {str: "type({}) is not str", int: "type({}) is not int", bool: "{0} is not True and {0} is not False"}


def _quick_lines(hint: Any, target: str, name: str, scope: dict[str, Any], pad: str) -> list[str]:
    """Source that checks `v` against `hint` and sets `target`, raising Unusual at any doubt."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        origin = typing.get_origin(hint)
    if hint in _WRONG:
        return [f"{pad}if {_WRONG[hint].format('v')}: raise Unusual", f"{pad}{target} = v"]
    if hint is datetime or hint is date:
        scope[name] = hint.fromisoformat
        doubt = f"not {FIRST_YEAR} <= {target}.year <= {LAST_YEAR}"
        if hint is datetime:
            doubt = f"{target}.tzinfo is None or {doubt}"
        return [
            f"{pad}if type(v) is not str: raise Unusual",
            f"{pad}{target} = {name}(v)",
            f"{pad}if {doubt}: raise Unusual",
        ]
    if isinstance(hint, type) and issubclass(hint, Enum):
        scope[name] = {member.value: member for member in hint}
        return [
            f"{pad}{target} = {name}.get(v) if type(v) is str else None",
            f"{pad}if {target} is None: raise Unusual",
        ]
    if dataclasses.is_dataclass(hint):
        scope[name] = _quick(typing.cast(type, hint))
        return [f"{pad}{target} = {name}(v)"]
    if origin is list or origin is dict:
        item = typing.get_args(hint)[-1]
        kind, entries = ("list", "v") if origin is list else ("dict", "v.values()")
        lines = [f"{pad}if type(v) is not {kind}: raise Unusual"]
        if item in _WRONG:
            lines += [f"{pad}for x in {entries}:", f"{pad}    if {_WRONG[item].format('x')}: raise Unusual"]
            return [*lines, f"{pad}{target} = {kind}(v)"]
        scope[name] = _quick_value(item)
        each = f"[{name}(x) for x in v]" if origin is list else f"{{k: {name}(x) for k, x in v.items()}}"
        return [*lines, f"{pad}{target} = {each}"]
    return [f"{pad}{target} = v"]


@cache
def _quick_value(hint: Any) -> Callable[[Any], Any]:
    """The quick converter of one list entry or table value."""
    if dataclasses.is_dataclass(hint):
        return _quick(typing.cast(type, hint))
    scope: dict[str, Any] = {"Unusual": _Unusual}
    lines = ["def quick(v):", *_quick_lines(hint, "t", "c", scope, "    "), "    return t"]
    exec("\n".join(lines), scope)  # the source is made above from the type alone
    return typing.cast(Callable[[Any], Any], scope["quick"])
