"""What worked (i): the user's own record as bars, the same text `followup stats` prints."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..domain.stats import Stats
from ..formats.report import render_stats

__all__ = ["StatsScreen"]


class StatsScreen(ModalScreen[None]):
    """Scrolls with the arrows; escape closes it."""

    DEFAULT_CSS = """
    StatsScreen { align: center middle; }
    StatsScreen #stats { max-width: 90; max-height: 40; }
    """

    BINDINGS = [Binding("escape,q,i", "close", "Close", tooltip="Back to the workbook", id="stats-close")]

    def __init__(self, stats: Stats) -> None:
        super().__init__()
        self.stats = stats

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats", classes="view-box") as box:
            box.border_title = "What worked"
            box.border_subtitle = "↑ ↓ scroll · escape closes"
            yield Static(self._text(), markup=False)

    def _text(self) -> Text:
        """The report, its headings in bold (they are the lines that are not indented)."""
        text = Text()
        lines = render_stats(self.stats).split("\n")
        for n, line in enumerate(lines):
            text.append(line, style="bold" if line and not line.startswith(" ") and n else "")
            text.append("\n" if n < len(lines) - 1 else "")
        return text

    def on_mount(self) -> None:
        self.query_one("#stats").focus()

    def action_close(self) -> None:
        self.dismiss(None)
