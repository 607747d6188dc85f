"""When another program wrote the workbook file while it was open: ask once, then reload or keep mine."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from ..session import NotesOwner, Session
from ..store import FileChangedError, SaveState, StoreError

__all__ = ["FileChangedWatch"]


class FileChangedWatch:
    """Held by the main screen: sees each save state, and offers the choice once per change underneath.

    `editor` gives what the notes editor holds now (whose text, and the text), so a reload puts
    back what is being typed; `reloaded` is called after a reload to show the fresh records.
    """

    def __init__(
        self,
        app: App[Any],
        session: Session,
        editor: Callable[[], tuple[NotesOwner | None, str]],
        reloaded: Callable[[], None],
    ) -> None:
        self.app = app
        self.session = session
        self.editor = editor
        self.reloaded = reloaded
        self.asking = False

    def saw(self, state: SaveState) -> None:
        if isinstance(state.error, FileChangedError) and not self.asking:
            self.asking = True
            self.app.run_worker(self._ask(), group="file-changed", exclusive=True)

    async def _ask(self) -> None:
        from ..dialogs.file_changed import FileChangedDialog

        try:
            choice = await self.app.push_screen_wait(FileChangedDialog(self.session.workbook.path))
            if choice == "reload":
                self.session.reload(*self.editor())
                self.reloaded()
                self.app.notify("Reloaded the file as the other program left it; your notes were kept.", timeout=6)
            elif choice == "mine":
                self.session.keep_mine()
                self.app.notify("Your version was written over the other program's changes.", timeout=6)
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=10, markup=False)
        finally:
            self.asking = False
