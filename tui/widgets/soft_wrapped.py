"""A text area that wraps long lines, and works out each line's wrapped rows once per repaint.

Textual's TextArea draws a wrapped line one row at a time, and for each row divides the whole line into
all its rows again, to keep the one it draws. Notes are typed as paragraphs, seldom as short lines: a
paragraph of 6,000 characters is some 220 rows in the notes pane at 120 columns, and each key typed at
its end redrew the two dozen rows on screen by dividing it 24 times into 220 pieces (over half of what
the key cost, and more the longer the paragraph). Here the line is divided once, and each row drawn
from it takes its own piece. What is drawn is the same; a test compares the two.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.containers import Lines
from rich.text import Text
from textual.widgets import TextArea

__all__ = ["SoftWrapped"]


class _Divided:
    """The line last divided into its rows: what it was, and the rows. One is enough: a repaint draws
    the rows of one line, then the next."""

    __slots__ = ("asked", "rows")

    def __init__(self) -> None:
        self.asked: tuple[Any, ...] | None = None
        self.rows = Lines()


class _Line(Text):
    """A line of the text area, as TextArea draws it (styled for the cursor and the selection), that
    divides into rows once for every row drawn of it, while it is what it was."""

    __slots__ = ("_divided",)

    def __init__(self, text: str, divided: _Divided) -> None:
        super().__init__(text, end="", no_wrap=True)
        self._divided = divided

    def divide(self, offsets: Iterable[int]) -> Lines:
        # Everything `Text.divide` reads: the rows come out alike whenever these are.
        asked = (self.plain, self.style, self.justify, self.overflow, tuple(self._spans), tuple(offsets))
        divided = self._divided
        if divided.asked != asked:
            divided.asked, divided.rows = asked, super().divide(asked[-1])
        # A list of its own, so what a caller takes out or adds is not kept; TextArea only reads the
        # rows (it sets the one it draws to end without a newline, as every row it draws ends).
        return Lines(divided.rows)


class SoftWrapped(TextArea):
    """A TextArea with its long lines wrapped, each divided into rows once per repaint."""

    def __init__(self, text: str = "", **options: Any) -> None:
        super().__init__(text, soft_wrap=True, **options)
        self._divided = _Divided()

    def get_line(self, line_index: int) -> Text:
        return _Line(self.document.get_line(line_index), self._divided)
