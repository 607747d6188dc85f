"""The user's own keys: a TOML file of binding ids to keys, applied with Textual's keymap.

Works on the classes it is given (the app lists its own), so it imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.keys import Keys, key_to_character

__all__ = ["KeymapFile", "binding_ids", "bindings_of", "hint", "key_shown", "load_keymap", "read_keymap"]

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


#: The modifiers Textual puts before a key, in its own spelling.
_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
#: Keys Textual names (f5, escape, pageup ...), besides single characters and their names.
_NAMED = frozenset(key.value for key in Keys if "+" not in key.value and not key.value.startswith("<"))
#: The actions a keymap can never leave without a key: quitting, and help.
_WAYS_OUT = {"quit": ("quit", "quit-now"), "help": ("help",)}


def _one_key(key: str) -> str:
    """One key as Textual names it: "?" is "question_mark", "ctrl+?" is "ctrl+question_mark"."""
    *modifiers, base = key.split("+")
    if len(base) == 1:
        base = next(iter(Binding.make_bindings([Binding(base, "keymap")]))).key if base != "," else "comma"
    return "+".join([*modifiers, base])


def _is_key(key: str) -> bool:
    """Whether Textual would ever report this key: known modifiers, then a key it names or a character."""
    *modifiers, base = key.split("+")
    if not base or any(modifier not in _MODIFIERS for modifier in modifiers):
        return False
    return len(base) == 1 or base in _NAMED or key_to_character(base) is not None


def _key_problem(name: str, key: str) -> str | None:
    """Why `key` is no key, with the spelling that would be, if there is one."""
    if _is_key(_one_key(key)):
        return None
    for guess in (key.lower(), key.replace("-", "+"), key.lower().replace("-", "+")):
        if guess != key and _is_key(_one_key(guess)):
            return f"{name!r}: {key!r} is not a key; did you mean {guess!r}? (lower case, + between the parts)"
    return f'{name!r}: {key!r} is not a key; write one such as "ctrl+k", "f5" or "x"'


def _normalised(keys: str) -> str:
    """The keys as Textual names them ("?" is "question_mark"), comma-separated."""
    return ",".join(_one_key(key.strip()) for key in keys.split(","))


def read_keymap(path: Path, classes: Classes) -> KeymapFile:
    """Read `[keys]` from the file; a missing file is no keymap, a bad one is a list of problems."""
    import tomllib  # only when there is a keymap file to read

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
        elif bad := [problem for key in value.split(",") if (problem := _key_problem(str(name), key.strip()))]:
            result.problems.extend(bad)
        else:
            result.keys[binding_id] = _normalised(value)
    result.problems.extend(_keep_ways_out(result.keys, classes))
    result.problems.extend(_clashes(result.keys, classes))
    return result


def _keep_ways_out(keymap: dict[str, str], classes: Classes) -> list[str]:
    """Lines that would take every key to quit, or to open help, are not used (the usual keys stay for those).

    Only keys moved by the keymap count: one key doing two things on different screens is by design.
    """
    declared: dict[str, set[str]] = {}
    for cls in classes:
        for binding in _declared(cls):
            declared.setdefault(binding.id or "", set()).update(binding.key.split(","))
    found: list[str] = []
    for what, ids in _WAYS_OUT.items():
        own = {key for i in ids if i in declared for key in (keymap[i].split(",") if i in keymap else declared[i])}
        culprits = [i for i in keymap if i not in ids and set(keymap[i].split(",")) & own]
        taken = {key for i in culprits for key in keymap[i].split(",")}
        if own and not own - taken:
            for culprit in culprits:
                found.append(f"{culprit} = {keymap.pop(culprit)!r} is not used: it would leave no key to {what}")
    return found


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


#: Each binding id's first key as the footer shows it ("c", "^k"), after the user's keymap; set on loading it.
_SHOWN: dict[str, str] = {}


def hint(binding_id: str, usual: str) -> str:
    """The key to name in a hint ("Press c to start one"): the one the user moved it to, else the usual one."""
    return _SHOWN.get(binding_id, usual)


def _remember_shown(app: App[Any], classes: Classes, keymap: dict[str, str]) -> None:
    _SHOWN.clear()
    for cls in classes:
        for binding, keys in bindings_of(cls, keymap):
            if binding.id and keys:
                _SHOWN.setdefault(binding.id, app.get_key_display(binding.with_key(keys[0])))


def load_keymap(app: App[Any], path: Path, classes_of: Callable[[], Classes]) -> dict[str, str]:
    """Apply what is good in the file and say plainly what is not; the app always starts.

    Returns the keymap in use, for the help screen and the command palette. Without a file every
    hint names the usual key, so the classes (every dialog and screen) are not even imported.
    """
    if not path.exists():
        _SHOWN.clear()
        return {}
    classes = list(classes_of())
    keymap = read_keymap(path, classes)
    if keymap.keys:
        app.set_keymap(keymap.keys)
    _remember_shown(app, classes, keymap.keys)
    if keymap.problems:
        listed = "\n".join(f"• {problem}" for problem in keymap.problems)
        used = "The rest of the file is in use." if keymap.keys else "The usual keys are in use."
        app.notify(
            f"{path}:\n{listed}\n{used}", title="About your keymap", severity="warning", timeout=12, markup=False
        )
    return keymap.keys
