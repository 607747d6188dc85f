"""When another program wrote or removed the workbook file while it was open: ask once, then act."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from ..domain.fields import printable
from ..session import NotesOwner, Session
from ..store import FileChangedError, FileGoneError, SaveState, StoreError

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

        path = self.session.workbook.path
        dialog = FileChangedDialog(path, gone=not path.exists())
        try:
            choice = await self.app.push_screen_wait(dialog)
            if choice == "reload":
                self.session.reload(*self.editor())
                self.reloaded()
                self.app.notify("Reloaded the file as the other program left it; your notes were kept.", timeout=6)
            elif choice == "mine":
                self.session.keep_mine()
                self.app.notify("Your version was written over the other program's changes.", timeout=6)
            elif choice == "back":
                self.session.keep_mine()
                self.app.notify(
                    f"Wrote everything back to {printable(str(path))}, your notes too.", timeout=6, markup=False
                )
            elif choice == "quit":
                await self.app.run_action("quit")
        except FileGoneError:
            # It went while the choice was open: the next look at the save state asks about that.
            self.app.notify(
                f"{printable(str(path))} is gone now; nothing was reloaded.", severity="warning", markup=False
            )
        except StoreError as error:
            self.app.notify(printable(str(error)), severity="error", timeout=10, markup=False)
        finally:
            self.asking = False
            if dialog.held:
                self.app.notify(
                    f"While the question was open you typed “{printable(dialog.held)}”; it was held back, "
                    "not typed anywhere. Type it again where you meant it.",
                    timeout=10,
                    markup=False,
                )
