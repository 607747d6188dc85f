"""The command palette's dynamic part: open any interview by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

__all__ = ["InterviewCommands"]


class InterviewCommands(Provider):
    """'Open Acme – Product Designer' for every listed interview."""

    def _interviews(self) -> list:
        from .main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen) or screen.in_call:
            return []
        return sorted(screen.interviews.values(), key=lambda i: (i.archived, i.company.lower()))

    def _open(self, interview_id: str) -> None:
        from .main import MainScreen

        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.open_interview(interview_id)

    async def discover(self) -> Hits:
        for interview in self._interviews()[:20]:
            yield DiscoveryHit(f"Open {interview.title}", partial(self._open, interview.id), help="Select this interview")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for interview in self._interviews():
            text = f"Open {interview.title}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._open, interview.id), help="Select this interview")
