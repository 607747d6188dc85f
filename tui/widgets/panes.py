"""The three panes side by side, as many as the terminal's width allows: all three from WIDE
columns, the list and one other from TWO, one at a time below that."""

from __future__ import annotations

from textual import events
from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.reactive import reactive

__all__ = ["PANES", "TWO", "WIDE", "Panes", "fit_to_width", "starting_classes"]

WIDE, TWO = 120, 80
PANES = ("list-pane", "checklist", "notes-pane")


class Panes(Horizontal):
    """`front` is the pane in front: shown alone when narrow, beside the list when two fit."""

    front: reactive[str] = reactive("list-pane")

    def watch_front(self, front: str) -> None:
        for name in PANES:
            self.query_one(f"#{name}").set_class(name == front, "-shown")
        beside = (
            front
            if front != "list-pane"
            else next((n for n in PANES[1:] if self.query_one(f"#{n}").has_class("-beside")), "checklist")
        )
        for name in PANES[1:]:
            self.query_one(f"#{name}").set_class(name == beside, "-beside")

    def on_mount(self) -> None:
        for name, title in zip(PANES, ("Interviews", "Pre-call checklist", "Call notes"), strict=True):
            self.query_one(f"#{name}").border_title = title
        self.watch_front(self.front)

    def on_resize(self, event: events.Resize) -> None:
        fit_to_width(self.screen, self.app.size.width)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The pane the user moved into (Tab, a click) comes to the front."""
        if event.widget is not self.screen.focused:
            return  # the focus has moved on since (a key acted first): that move decides
        for name in PANES:
            if self.query_one(f"#{name}") in event.widget.ancestors_with_self:
                self.front = name


def fit_to_width(screen: DOMNode, width: int) -> None:
    """How many panes the screen shows side by side at this width (its class says)."""
    screen.set_class(width < TWO, "-narrow")
    screen.set_class(TWO <= width < WIDE, "-two")


def starting_classes(name: str) -> str:
    """A pane's classes as `front` first sets them, given at construction: a class changed after mounting
    styles the pane and all it holds again."""
    return "pane -shown" if name == PANES[0] else "pane -beside" if name == PANES[1] else "pane"
