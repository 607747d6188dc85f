"""What text may be shown as it is: anything a terminal would obey is shown as a visible symbol instead."""

from __future__ import annotations

import re

__all__ = ["UNSHOWABLE", "printable"]

#: What must never reach a terminal as it is: control characters, direction marks, broken characters.
UNSHOWABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str, *, keep_width: bool = False) -> str:
    """For display: what a terminal would obey (escape sequences, direction marks) shown as visible symbols.

    `keep_width` removes them instead, for text already laid out: none of them takes a cell.
    """
    if keep_width:
        return UNSHOWABLE.sub("", text)
    return UNSHOWABLE.sub(_symbol, text)


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL ...
    return "\u2421" if code == 0x7F else "\ufffd"
