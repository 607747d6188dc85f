"""One function per stored class, written once from its plan, that makes a record whose fields are all
right in one go: opening 10,000 interviews makes 23,000 records, and a loop over each record's fields,
taking each field's plan apart, costs a third more.

The function only ever takes the quick road: any field missing, of the wrong type or that will not
convert hands the whole document to `slowly`, the field-by-field reading that names what is wrong. So a
record made here is exactly the one `slowly` makes, and a bad one raises exactly what `slowly` raises.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import ValidationError

__all__ = ["Plan", "write_maker"]

#: What `write_maker` needs of a class's plan (see `documents._Plan`).
Plan = Any


def write_maker(cls: type, plan: Plan, required: object, slowly: Callable[[type, Any], Any]) -> Callable[[Any], Any]:
    """The function that makes `cls` from a document, written from `plan`; `required` is the default a
    field that must be there has, and `slowly(cls, doc)` reads a document that is not all right."""
    names = [f"v{index}" for index in range(len(plan.names))]
    scope: dict[str, Any] = {"cls": cls, "slowly": slowly, "pick": plan.every, "ValidationError": ValidationError}
    values = ", ".join(names)
    lines = [
        "def make(doc):",
        "    if type(doc) is not dict:",
        "        return slowly(cls, doc)",
        "    try:",
        f"        {values}{',' if len(names) == 1 else ''} = pick(doc)",
        "    except KeyError:",
        "        return slowly(cls, doc)",
    ]
    plain = []
    for index, exact, _default, _made in plan.plain_defaults:
        scope[f"t{index}"] = exact
        plain.append(f"type(v{index}) is not t{index}")
    if plain:
        lines += ["    if " + " or ".join(plain) + ":", "        return slowly(cls, doc)"]
    if plan.converted:
        lines.append("    try:")
        for index, _name, default, made, convert in plan.converted:
            scope[f"c{index}"] = convert
            if default is required:
                lines += [f"        if v{index} is None:", "            return slowly(cls, doc)"]
                lines.append(f"        v{index} = c{index}(v{index})")
            else:
                scope[f"d{index}"] = default
                made_now = f"d{index}()" if made else f"d{index}"
                lines.append(f"        v{index} = {made_now} if v{index} is None else c{index}(v{index})")
        lines += ["    except ValidationError:", "        return slowly(cls, doc)"]
    lines.append(f"    return cls({values})")
    exec(compile("\n".join(lines), f"<make {cls.__name__}>", "exec"), scope)  # written from the plan alone
    maker: Callable[[Any], Any] = scope["make"]
    return maker
