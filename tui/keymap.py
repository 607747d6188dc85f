"""The user's own keys: a TOML file of binding ids to keys, applied with Textual's keymap."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

__all__ = ["KeymapFile", "binding_classes", "bindings_of", "load_keymap", "our_bindings", "read_keymap"]


class KeymapFile:
    """What a keymap file asks for, and what was wrong with it; never raises."""

    def __init__(self, keys: dict[str, str], problems: list[str]) -> None:
        self.keys = keys
        self.problems = problems


def binding_classes() -> Iterator[type[DOMNode]]:
    """Every screen, widget and dialog of this app (imported here so none is missed)."""
    from . import app, dialogs, widgets  # noqa: F401
    from .screens import help, main  # noqa: F401

    seen: set[type] = set()
    stack: list[type] = [DOMNode]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                if sub.__module__.startswith("tui.") and sub.__dict__.get("BINDINGS"):
                    yield sub


def our_bindings() -> dict[str, Binding]:
    """Binding id to binding, over every class of the app: the ids a keymap may name."""
    found: dict[str, Binding] = {}
    for cls in binding_classes():
        for binding in Binding.make_bindings(cls.__dict__["BINDINGS"]):
            if binding.id:
                found.setdefault(binding.id, binding)
    return found


def bindings_of(cls: type[DOMNode], keymap: dict[str, str]) -> list[tuple[Binding, list[str]]]:
    """A class's own bindings in declared order, each with its keys after the keymap."""
    declared = list(Binding.make_bindings(cls.__dict__.get("BINDINGS", [])))
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


def read_keymap(path: Path) -> KeymapFile:
    """Read `[keys]` from the file; a missing file is no keymap, a bad one is a list of problems."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return KeymapFile({}, [])
    except (OSError, UnicodeDecodeError) as error:
        return KeymapFile({}, [f"could not read it ({error.__class__.__name__}: {error})"])
    except tomllib.TOMLDecodeError as error:
        return KeymapFile({}, [f"it is not valid TOML ({error})"])
    table = data.get("keys")
    if not isinstance(table, dict):
        return KeymapFile({}, ['no [keys] table; write for example\n[keys]\nstart-call = "ctrl+k"'])
    known = {binding_id.replace("_", "-"): binding_id for binding_id in our_bindings()}
    keys: dict[str, str] = {}
    problems: list[str] = []
    for name, value in table.items():
        binding_id = known.get(str(name).replace("_", "-"))
        if binding_id is None:
            problems.append(f"{name!r} names no action here (help, ? or F1, lists the names)")
        elif not isinstance(value, str) or not value.strip() or any(not k.strip() for k in value.split(",")):
            problems.append(f"{name!r} needs a key such as \"ctrl+k\" (or several: \"f5,ctrl+k\")")
        else:
            keys[binding_id] = ",".join(k.strip() for k in value.split(","))
    problems.extend(_clashes(keys))
    return KeymapFile(keys, problems)


def _clashes(keymap: dict[str, str]) -> list[str]:
    """A moved key that takes another action's key on the same screen: that action loses it; say so."""
    found: list[str] = []
    for cls in binding_classes():
        declared = list(Binding.make_bindings(cls.__dict__["BINDINGS"]))
        for binding_id, keys in keymap.items():
            for key in App._normalize_keymap({binding_id: keys})[binding_id].split(","):
                for other in declared:
                    if other.id != binding_id and other.id not in keymap and other.key == key:
                        found.append(f"{binding_id} takes {key!r} from {other.id} ({other.description}), which loses that key")
    return sorted(set(found))


def load_keymap(app: App, path: Path) -> None:
    """Apply what is good in the file and say plainly what is not; the app always starts."""
    keymap = read_keymap(path)
    if keymap.keys:
        app.set_keymap(keymap.keys)
    if keymap.problems:
        listed = "\n".join(f"• {problem}" for problem in keymap.problems)
        used = "The rest of the file is in use." if keymap.keys else "The usual keys are in use."
        app.notify(f"{path}:\n{listed}\n{used}", title="About your keymap", severity="warning", timeout=12, markup=False)
