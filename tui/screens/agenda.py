"""The week at a glance (w): a strip of days like a small calendar, and each day's times below it.

Enter on a line opens its interview; escape goes back. What it shows comes from the domain's
Agenda, as `followup agenda` prints it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ..domain.agenda import Agenda, Entry, clock_span
from ..domain.fields import printable

__all__ = ["AgendaScreen", "day_strip"]


def day_strip(agenda: Agenda, accent: str = "bold") -> Text:
    """'Mo 23 ●●● │Tu 24 ●● │…': a cell per day, a dot per call, a diamond for a decision date."""
    strip = Text()
    for n, day in enumerate(agenda.days):
        if n:
            strip.append("│", style="dim")
        entries = agenda.on(day)
        calls = sum(1 for e in entries if e.start is not None)
        marks = "●" * min(calls, 3) + ("+" if calls > 3 else "") + ("◆" if any(e.decision for e in entries) else "")
        label = f"{day:%a}"[:2] + f" {day.day}"
        style = f"{accent} reverse" if day == agenda.today else ("dim" if day.weekday() >= 5 else "bold")
        strip.append(label, style=style)
        strip.append(f" {marks}" if marks else " ·", style="dim" if not marks else "")
        strip.append(" " * (4 - len(marks)))
    return strip


class AgendaScreen(ModalScreen[str | None]):
    """Dismisses the id of the interview chosen with enter, or None (escape)."""

    DEFAULT_CSS = """
    AgendaScreen { align: center middle; }
    AgendaScreen #agenda { max-width: 140; max-height: 44; }
    AgendaScreen #agenda-days { height: auto; color: $text; padding: 0 0 1 0; }
    AgendaScreen #agenda-table { height: 1fr; }
    AgendaScreen #agenda-empty { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape,q,w", "close", "Close", tooltip="Back to the workbook", id="agenda-close"),
    ]

    def __init__(self, agenda: Agenda) -> None:
        super().__init__()
        self.agenda = agenda
        #: The interview behind each line of the table, by the line's key.
        self._rows: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="agenda", classes="view-box") as box:
            box.border_title = f"The next {len(self.agenda.days)} days"
            box.border_subtitle = "enter opens the interview · escape closes"
            yield Static(day_strip(self.agenda, self._theme("accent")), id="agenda-days")
            yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=False)
            if not self.agenda.late and not self.agenda.entries:
                yield Static("Nothing planned: no calls, follow-ups or decisions in these days.", id="agenda-empty")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Day", "Your time", "Theirs", "What", "Interview")
        for n, entry in enumerate(self.agenda.late):
            late = self._theme("error")
            when = Text(f"was due {entry.day:%a %-d}", style=late)
            self._add(table, f"late-{n}", Text("Late", style=late) if n == 0 else "", when, entry)
        for day in self.agenda.days:
            entries = self.agenda.on(day)
            today = day == self.agenda.today
            label = Text("Today" if today else f"{day:%a %-d}", style=self._theme("accent") if today else "")
            if not entries:
                quiet = "weekend" if day.weekday() >= 5 else "—"
                table.add_row(label, Text(quiet, style="dim"), "", "", "", key=f"day-{day.isoformat()}")
                continue
            for n, entry in enumerate(entries):
                self._add(table, f"{day.isoformat()}-{n}", label if n == 0 else "", self._when(entry), entry)
        table.focus()

    def _theme(self, name: str) -> str:
        """A bold style in the theme's colour of this name (the theme is the user's choice)."""
        colour = self.app.theme_variables.get(name, "")
        return f"bold {colour}" if colour else "bold"

    @staticmethod
    def _when(entry: Entry) -> Text:
        if entry.start is not None and entry.end is not None:
            return Text(clock_span(entry.start, entry.end))
        return Text("decides" if entry.decision else "all day", style="italic")

    def _add(self, table: DataTable[object], key: str, day: Text | str, when: Text, entry: Entry) -> None:
        start = entry.their_start
        theirs = (
            "" if start is None else ("" if start.date() == entry.day else f"{start:%a} ") + f"{start.hour}:{start:%M}"
        )
        what = Text(entry.what, style=self._theme("warning") if entry.decision else "")
        table.add_row(day, when, Text(theirs, style="dim"), what, Text(printable(entry.title)), key=key)
        self._rows[key] = entry.interview_id

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        interview_id = self._rows.get(str(event.row_key.value))
        if interview_id is not None:
            self.dismiss(interview_id)

    def action_close(self) -> None:
        self.dismiss(None)
