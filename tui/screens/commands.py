"""The command palette's dynamic part: open any interview by name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from rich.markup import escape
from textual.app import App, SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from ..domain.models import Interview
from ..domain.rounds import short_date
from ..keymap import bindings_of

__all__ = ["PALETTE_TITLES", "InterviewCommands", "app_commands"]

#: What the palette calls a bound action, by binding id; the binding's own word otherwise.
PALETTE_TITLES = {
    "add": "Add an interview",
    "edit": "Edit the interview",
    "start-call": "Start a call",
    "end-call": "End the call",
    "filter": "Filter the list",
    "archive": "Archive the interview",
    "restore": "Restore the interview",
    "toggle-archived": "Show or hide archived interviews",
    "profile": "Your profile",
    "drafts": "Scripts: voicemail, talking points, thank-you email",
    "thank-you": "Record a thank-you",
    "practise": "Practise the call (a rehearsal)",
    "practice-card": "Role-play card for a friend",
    "pane-list": "Go to the interview list",
    "pane-checklist": "Go to the checklist",
    "pane-notes": "Go to the call notes",
    "references": "Edit references",
    "qualifications": "Edit key qualifications",
    "add-item": "Add a checklist item",
    "rename-item": "Rename the checklist item",
    "remove-item": "Remove the checklist item",
}

#: How many interviews the palette offers before anything is typed.
DISCOVER_AT_MOST = 5

#: Moving about inside a pane is not a command.
NOT_COMMANDS = frozenset({"checklist-next", "checklist-previous", "quit-now"})


def _bound(app: App[Any], node: DOMNode, keymap: dict[str, str]) -> Iterator[SystemCommand]:
    for binding, keys in bindings_of(type(node), keymap):
        if binding.id in NOT_COMMANDS or not binding.description or not node.check_action(binding.action, ()):
            continue
        shown = " ".join(app.get_key_display(binding.with_key(key)) for key in keys)
        title = PALETTE_TITLES.get(binding.id or "", binding.description)
        words = binding.tooltip if binding.tooltip and binding.tooltip.lower() != title.lower() else ""
        help_text = " · ".join(part for part in (words, f"key {shown}" if shown else "") if part) or title
        yield SystemCommand(title, help_text, partial(app.run_action, binding.action, node))


def app_commands(
    app: App[Any],
    screen: Screen[object],
    textual: Iterable[SystemCommand] = (),
    keymap: dict[str, str] | None = None,
) -> Iterator[SystemCommand]:
    """Every action the workbook allows right now, the same ones its keys run, after Textual's own."""
    from ..widgets.checklist import Checklist
    from .main import MainScreen
    from .practice import PracticeScreen

    for command in textual:
        if command.title != "Quit":  # Textual's words; the app's own Quit (which saves) comes below
            yield command
    keymap = keymap or {}
    yield from _bound(app, app, keymap)
    if isinstance(screen, MainScreen):
        yield from _bound(app, screen, keymap)
        yield from _bound(app, screen.query_one(Checklist), keymap)
    elif isinstance(screen, PracticeScreen):
        yield from _bound(app, screen, keymap)


class InterviewCommands(Provider):
    """'Open Acme – Product Designer' for every interview, found by company, role or interviewer."""

    def _interviews(self) -> list[Interview]:
        from .main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen) or screen.in_call:
            return []
        return sorted(screen.session.interviews(True), key=lambda i: (i.archived, i.company.lower(), i.role.lower()))

    def _open(self, interview_id: str) -> None:
        from .main import MainScreen

        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.open_interview(interview_id)

    @staticmethod
    def _title(interview: Interview) -> str:
        return f"Open {interview.title}" + (" (archived)" if interview.archived else "")

    @staticmethod
    def _help(interview: Interview) -> str:
        parts = []
        if interview.interviewer.name:
            parts.append(f"with {escape(interview.interviewer.name)}")
        if interview.interviewed_at is not None:
            parts.append(f"interviewed {short_date(interview.interviewed_at.date())}")
        if interview.archived:
            parts.append("archived: opening it lists archived interviews too")
        return ", ".join(parts) or "Select this interview"

    async def discover(self) -> Hits:
        """Before any typing, only what needs the user now (late first), so the actions stay in view."""
        from .main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            return
        session = screen.session
        now = session.now()
        due = [
            (step.is_overdue(now), interview)
            for interview in self._interviews()
            if not interview.archived and (step := session.step(interview.id)).is_due(now)
        ]
        due.sort(key=lambda pair: not pair[0])
        for _late, interview in due[:DISCOVER_AT_MOST]:
            step = session.step(interview.id)
            help_text = f"{step.label} {step.due_phrase(now)} · {self._help(interview)}"
            yield DiscoveryHit(escape(self._title(interview)), partial(self._open, interview.id), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for interview in self._interviews():
            title = self._title(interview)
            # the interviewer is searched too, a little below a hit on the title itself
            score = max(matcher.match(title), 0.9 * matcher.match(interview.interviewer.name))
            if score > 0:
                if interview.archived:
                    score *= 0.8
                yield Hit(
                    score, matcher.highlight(title), partial(self._open, interview.id), help=self._help(interview)
                )
