"""The user's own keys: a TOML file of binding ids to keys, applied with Textual's keymap.

Works on the classes it is given (the app lists its own), so it imports none of them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

__all__ = ["KeymapFile", "binding_ids", "bindings_of", "key_shown", "load_keymap", "read_keymap"]

Classes = Iterable[type[DOMNode]]


@dataclass
class KeymapFile:
    """What a keymap file asks for, and what was wrong with it; never raises."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _declared(cls: type[DOMNode]) -> list[Binding]:
    return list(Binding.make_bindings(cls.__dict__.get("BINDINGS", [])))


def binding_ids(classes: Classes) -> dict[str, Binding]:
    """Binding id to binding, over the given classes: the ids a keymap may name."""
    found: dict[str, Binding] = {}
    for cls in classes:
        for binding in _declared(cls):
            if binding.id:
                found.setdefault(binding.id, binding)
    return found


def bindings_of(cls: type[DOMNode], keymap: dict[str, str]) -> list[tuple[Binding, list[str]]]:
    """A class's own bindings in declared order, each with its keys after the keymap."""
    declared = _declared(cls)
    bindings = BindingsMap(declared)
    if keymap:
        bindings.apply_keymap(keymap)
    keys: dict[str, list[str]] = {}
    for key, group in bindings.key_to_bindings.items():
        for binding in group:
            found = keys.setdefault(binding.id or binding.action, [])
            if key not in found:
                found.append(key)
    merged: dict[str, tuple[Binding, list[str]]] = {}
    for binding in declared:
        merged.setdefault(binding.id or binding.action, (binding, keys.get(binding.id or binding.action, [])))
    return list(merged.values())


def key_shown(app: App[Any], cls: type[DOMNode], binding_id: str) -> str:
    """A binding's first key as the footer shows it, after the user's keymap ("" if it has none)."""
    keymap: dict[str, str] = getattr(app, "user_keymap", {})
    for binding, keys in bindings_of(cls, keymap):
        if binding.id == binding_id and keys:
            return app.get_key_display(binding.with_key(keys[0]))
    return ""


def _normalised(keys: str) -> str:
    """The keys as Textual names them ("?" is "question_mark"), comma-separated."""
    return ",".join(binding.key for binding in Binding.make_bindings([Binding(keys, "keymap")]))


def read_keymap(path: Path, classes: Classes) -> KeymapFile:
    """Read `[keys]` from the file; a missing file is no keymap, a bad one is a list of problems."""
    classes = list(classes)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return KeymapFile()
    except (OSError, UnicodeDecodeError) as error:
        return KeymapFile(problems=[f"could not read it ({error.__class__.__name__}: {error})"])
    except tomllib.TOMLDecodeError as error:
        return KeymapFile(problems=[f"it is not valid TOML ({error})"])
    table = data.get("keys")
    if not isinstance(table, dict):
        return KeymapFile(problems=['no [keys] table; write for example\n[keys]\nstart-call = "ctrl+k"'])
    known = {binding_id.replace("_", "-"): binding_id for binding_id in binding_ids(classes)}
    result = KeymapFile()
    for name, value in table.items():
        binding_id = known.get(str(name).replace("_", "-"))
        if binding_id is None:
            result.problems.append(f"{name!r} names no action here (help, ? or F1, lists the names)")
        elif not isinstance(value, str) or not value.strip() or any(not k.strip() for k in value.split(",")):
            result.problems.append(f'{name!r} needs a key such as "ctrl+k" (or several: "f5,ctrl+k")')
        else:
            result.keys[binding_id] = _normalised(value)
    result.problems.extend(_clashes(result.keys, classes))
    return result


def _clashes(keymap: dict[str, str], classes: Classes) -> list[str]:
    """A moved key that takes another action's key on the same screen: that action loses it; say so."""
    found: list[str] = []
    for cls in classes:
        declared = _declared(cls)
        for binding_id, keys in keymap.items():
            for key in keys.split(","):
                for other in declared:
                    if other.id != binding_id and other.id not in keymap and other.key == key:
                        found.append(
                            f"{binding_id} takes {key!r} from {other.id} ({other.description}), which loses that key"
                        )
    return sorted(set(found))


def load_keymap(app: App[Any], path: Path, classes: Classes) -> dict[str, str]:
    """Apply what is good in the file and say plainly what is not; the app always starts.

    Returns the keymap in use, for the help screen and the command palette.
    """
    keymap = read_keymap(path, classes)
    if keymap.keys:
        app.set_keymap(keymap.keys)
    if keymap.problems:
        listed = "\n".join(f"• {problem}" for problem in keymap.problems)
        used = "The rest of the file is in use." if keymap.keys else "The usual keys are in use."
        app.notify(
            f"{path}:\n{listed}\n{used}", title="About your keymap", severity="warning", timeout=12, markup=False
        )
    return keymap.keys
