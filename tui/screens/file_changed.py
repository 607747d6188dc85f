"""What the main screen does when the file changed underneath: ask once, then reload or keep mine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..store import FileChangedError, SaveState, StoreError
from ..widgets.notes_pane import NotesPane
from ..widgets.save_warning import SaveWarning

if TYPE_CHECKING:
    from .main import MainScreen

__all__ = ["react_to_save_state", "reload_keeping_notes"]

_ASKING = "_file_changed_asking"


def react_to_save_state(screen: MainScreen, state: SaveState) -> None:
    """Keep the banner in step with the writer and offer the choice once per change underneath."""
    screen.query_one(SaveWarning).show_state(state)
    if isinstance(state.error, FileChangedError) and not getattr(screen, _ASKING, False):
        from ..dialogs.file_changed import FileChangedDialog

        setattr(screen, _ASKING, True)

        def done(choice: str | None) -> None:
            setattr(screen, _ASKING, False)
            try:
                if choice == "reload":
                    reload_keeping_notes(screen)
                    screen.notify("Reloaded the file as the other program left it; your notes were kept.", timeout=6)
                elif choice == "mine":
                    screen.workbook.keep_mine()
                    screen.notify("Your version was written over the other program's changes.", timeout=6)
            except StoreError as error:
                screen.notify(str(error), severity="error", timeout=10)

        screen.app.push_screen(FileChangedDialog(screen.workbook.path), done)


def reload_keeping_notes(screen: MainScreen) -> None:
    """Take the file from disk, then put back the notes in the editor (they may be newer than any save)."""
    book = screen.workbook
    text = screen.query_one(NotesPane).editor.text
    call, interview = screen.call, screen.current
    book.reload()
    if call is not None:
        fresh = next((c for c in book.all_calls() if c.id == call.id), None)
        if fresh is None:
            call.notes = text
            book.save_call(call)  # the other program dropped our call in progress: put it back
        else:
            book.set_call_notes(fresh, text)
            screen.call = fresh
    elif interview is not None:
        try:
            book.set_interview_notes(book.interview(interview.id), text)
        except StoreError:
            interview.notes = text
            book.save_interview(interview)
    if interview is not None:
        # From now on the screen edits the workbook's fresh record, not the one read before.
        try:
            fresh_interview = book.interview(interview.id)
        except StoreError:  # the other program removed it: keep ours, it has a call under way
            book.save_interview(interview)
            fresh_interview = interview
        screen.interviews[fresh_interview.id] = fresh_interview
        screen.current = fresh_interview
    book.flush()
    screen.reload_from_workbook()
