"""The footer of keys, drawn again only when what it offers has changed."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

__all__ = ["KeyFooter"]


class KeyFooter(Footer):
    """Textual's footer builds a widget per key each time the bindings are looked at again, which
    happens on every move down the list; here that happens only when a key, its word or its state differs."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._offered: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            offered = self._offer(screen)
            if offered == self._offered:
                return
            self._offered = offered
        super().bindings_changed(screen)

    def _offer(self, screen: Screen[Any]) -> tuple[object, ...]:
        keys = tuple(
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip,
             self.app.get_key_display(binding))
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )  # fmt: skip
        return keys, self.show_command_palette
