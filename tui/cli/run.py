"""Opening the workbook for the app, and closing it safely however the app ends."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from ..domain.fields import printable
from ..locations import database_path
from ..reading import ReadAhead
from ..store import StoreError, Workbook

if TYPE_CHECKING:
    from ..app import FollowupApp

__all__ = ["close_workbook", "open_workbook_or_exit", "rescue_unsaved", "run_app", "say"]

#: After SIGTERM/SIGHUP, with everything saved, how long Textual may take to leave the terminal.
_SHUTDOWN_GRACE = 3.0
#: After quitting, how long Textual may take to end before everything is saved and the process ended.
_QUIT_GRACE = 5.0
#: While the app starts, how long one thread may run Python while another waits its turn (Python's
#: own is 5 ms). Textual writes each frame to the terminal from a thread of its own, which needs a few
#: turns for one frame; the app's thread goes on with the start meanwhile, so each turn waited the
#: whole 5 ms and the first frame reached the terminal 9-16 ms after it was drawn: at half a
#: millisecond, 2-3 ms. Once the start is done, threads take their usual turns again: at this pace,
#: Textual's thread that reads the keyboard outruns the app on 200 KB typed key by key (a terminal
#: without bracketed paste), and the keys read but not yet handled took 672 MB, not 135 MB.
START_SWITCH_INTERVAL = 0.0005


def open_workbook_or_exit(path: Path, ahead: ReadAhead | None = None) -> Workbook:
    """Open the workbook, or print why not (naming the file) and exit with status 1. `ahead`: the file, read
    ahead while the modules that open it loaded."""
    try:
        return Workbook.open(path, ahead=ahead, later=True)  # the app reads the rest once its first frame shows
    except StoreError as error:
        say(f"followup: {error}")
        raise SystemExit(1) from None


def run_app(db: str | None = None, demo: bool = False, ahead: ReadAhead | None = None) -> int:
    if demo:
        from ..demo import make_demo_copy

        folder = Path(tempfile.mkdtemp(prefix="followup-demo-"))

        def remove() -> None:
            shutil.rmtree(folder, ignore_errors=True)  # a demo leaves nothing behind

        try:
            return _run(make_demo_copy(folder), demo=True, cleanup=remove)
        finally:
            remove()
    return _run(database_path(db), demo=False, ahead=ahead)


def _run(path: Path, demo: bool, cleanup: Callable[[], None] = lambda: None, ahead: ReadAhead | None = None) -> int:
    workbook = open_workbook_or_exit(path, ahead)
    from ..app import make_app  # after the file is known to be good: a bad one exits fast

    app = make_app(workbook, demo=demo)

    closed: list[int] = []
    closing = threading.Lock()  # the quit watchdog may ask from its own thread

    def close_once() -> int:
        with closing:
            if not closed:
                closed.append(close_workbook(app, workbook))
            return closed[0]

    def leave() -> None:
        # Save and let go of the file first: with the terminal gone, Textual's own shutdown can
        # block on writing to it. If it does, the watchdog ends the process; nothing is left unsaved.
        status = 1
        try:
            status = close_once()
            cleanup()
            app.exit(status)
        finally:
            watchdog = threading.Timer(_SHUTDOWN_GRACE, os._exit, (status,))
            watchdog.daemon = True
            watchdog.start()

    def end_gracefully(signum: int, frame: FrameType | None) -> None:
        # SIGTERM / SIGHUP (terminal closed). The handler interrupts the event loop anywhere,
        # so hand the work to the loop and wake it.
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            leave()
        else:
            loop.call_soon_threadsafe(leave)

    def stuck() -> None:
        # Textual ends by waiting for every thread worker: one still waiting on the event loop that
        # has stopped (a worker's hand-back the moment the user quit) would keep the process alive for
        # good, the terminal already given back. Save, let go of the file, and end it.
        status = 1
        try:
            status = close_once()
            cleanup()
        finally:
            os._exit(status or app.return_code or 0)

    def watch_quitting() -> None:
        watchdog = threading.Timer(_QUIT_GRACE, stuck)
        watchdog.daemon = True
        watchdog.start()

    app.on_exit = watch_quitting
    previous = {sig: signal.signal(sig, end_gracefully) for sig in (signal.SIGTERM, signal.SIGHUP)}
    interval = sys.getswitchinterval()
    app.on_started = lambda: sys.setswitchinterval(interval)
    sys.setswitchinterval(START_SWITCH_INTERVAL)
    try:
        app.run()
    finally:
        sys.setswitchinterval(interval)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        status = close_once()
    if app.refused is not None:
        say(f"followup: {app.refused}")
    return status or app.return_code or 0


def close_workbook(app: FollowupApp, workbook: Workbook) -> int:
    """End a call in progress, write everything, let go of the file; 1 if the last save failed."""
    try:
        app.finish_work()
        app.keep_list_order()
    finally:
        try:
            workbook.close()
        except Exception as error:  # whatever stopped the last save, what is only in memory is rescued
            say(f"followup: {error}")
            rescue_unsaved(workbook)
            return 1
    return 0


def rescue_unsaved(workbook: Workbook) -> Path | None:
    """The last save failed: put what is only in memory in a rescue file and say where it is."""
    if not workbook.dirty:
        return None
    try:
        path = workbook.rescue()
    except OSError as error:
        say(f"followup: could not write a rescue file either ({error.strerror}); your last changes are lost.")
        return None
    say(f"followup: your unsaved notes and changes were written to {path}")
    say(f"followup: open it with: followup --db {path}")
    return path


def say(text: str) -> None:
    """A line on stderr around the app; a path or a record in it is shown, never obeyed."""
    print(printable(text), file=sys.stderr)
