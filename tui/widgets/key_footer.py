"""The footer of keys: one line drawn from the screen's bindings, not a widget per key.

Textual's footer mounts, styles and lays out a widget for every key each time the bindings change,
and once more at start (about 50 ms of the first frame here). This draws the same line, the keys
the screen offers and the command palette's on the right, and draws it again only when a key,
its word or its state differs. A key is clicked or hovered like one of Textual's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

__all__ = ["KeyFooter", "OfferedKey"]


@dataclass(frozen=True, slots=True)
class OfferedKey:
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-footer--item",
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--rule",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--item { background: $footer-item-background; }
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--hover { color: $footer-key-foreground; background: $block-hover-background; }
        & > .key-footer--rule { color: $foreground 20%; }
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.keys: tuple[OfferedKey, ...] = ()
        """The keys offered, in the screen's order (one per action)."""
        self.palette: OfferedKey | None = None
        """The command palette's key, drawn on the right."""
        self._hover: OfferedKey | None = None
        self._spans: list[tuple[int, int, OfferedKey]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self._take(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._take(screen)

    def _take(self, screen: Screen[Any]) -> None:
        keys: dict[str, OfferedKey] = {}
        palette = None
        app = self.app
        for _node, binding, enabled, tooltip in screen.active_bindings.values():
            offered = OfferedKey(binding.key, app.get_key_display(binding), binding.description, enabled, tooltip)
            if binding.key == app.COMMAND_PALETTE_BINDING:
                if app.ENABLE_COMMAND_PALETTE:
                    tip = binding.tooltip or binding.description
                    palette = OfferedKey(offered.key, offered.display, offered.description, enabled, tip)
            elif binding.show:
                keys.setdefault(binding.action, offered)  # a second key for the same action is not shown
        shown = tuple(keys.values())
        if (shown, palette) != (self.keys, self.palette):
            self.keys, self.palette = shown, palette
            self._hover = None
            self.refresh()

    # drawing
    def _piece(self, key: OfferedKey, *, padded: bool = True) -> Text:
        style = self.get_component_rich_style
        item = style("key-footer--hover" if key == self._hover else "key-footer--item", partial=True)
        if not key.enabled:
            item += Style(dim=True)
        shown = f" {key.display} " if padded else key.display
        piece = Text.assemble(
            (shown, style("key-footer--key", partial=True)),
            (f"{' ' if not padded else ''}{key.description} ", style("key-footer--description", partial=True)),
        )
        piece.stylize_before(item)
        return piece

    def render(self) -> Text:
        width = self.size.width
        right = Text()
        if self.palette is not None:
            right = Text("▏", style=self.get_component_rich_style("key-footer--rule", partial=True))
            right.append_text(self._piece(self.palette, padded=False))
        room = width - right.cell_len
        line, spans = Text(), []
        for key in self.keys:
            piece = self._piece(key)
            over = line.cell_len + piece.cell_len - room
            if over > 1:
                break  # whole keys only (its closing space may go): ? lists every one
            if over == 1:
                piece.right_crop(1)
            spans.append((line.cell_len, line.cell_len + piece.cell_len, key))
            line.append_text(piece)
        line.append(" " * max(room - line.cell_len, 0))
        if self.palette is not None:
            spans.append((max(room, 0) + 1, width, self.palette))
            line.append_text(right)
        self._spans = spans
        return line

    # the mouse
    def key_at(self, x: int) -> OfferedKey | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = (key.tooltip or None) if key is not None else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
