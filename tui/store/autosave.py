"""The background writer: saves shortly after typing pauses, and never drops a failed save."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from .errors import StoreError, WriteFailedError
from .storage import AtomicStorage

__all__ = ["Autosaver", "SaveState"]

#: Save this long after the last change...
PAUSE = 0.3
#: ...but never later than this after the first unsaved change.
MAX_DELAY = 1.0
#: Waits between retries of a failed save.
RETRY = (0.5, 1.0, 2.0, 5.0)


@dataclass(frozen=True)
class SaveState:
    """What the UI shows: unsaved changes, the last save, the last failure."""

    pending: bool
    saved_at: float | None
    error: StoreError | None


class Autosaver:
    """Owns one thread that calls `storage.save()` on a debounce and retries failures."""

    def __init__(
        self,
        storage: AtomicStorage,
        on_state: Callable[[SaveState], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        first: Callable[[], bool] | None = None,
    ) -> None:
        """`first`: work for the thread before any save (the file's backup copy); False when it failed, and a
        save is then tried at once, so that the state tells the disk's trouble (a full disk)."""
        self.storage = storage
        self._first = first
        self.on_state = on_state
        self._clock = clock
        self._wake = threading.Condition()
        self._first_change: float | None = None
        self._last_change = 0.0
        self._urgent = False
        self._stopping = False
        self._failures = 0
        self._last_attempt = 0.0
        self.saved_at: float | None = None
        self.error: StoreError | None = None
        storage.on_change = self.changed
        self._thread = threading.Thread(target=self._run, name="followup-autosave", daemon=True)
        self._thread.start()

    def changed(self, urgent: bool = False) -> None:
        """Called on every in-memory change; cheap, never touches the disk."""
        with self._wake:
            now = self._clock()
            if self._first_change is None:
                self._first_change = now
            self._last_change = now
            self._urgent = self._urgent or urgent
            self._wake.notify()

    def save_soon(self) -> None:
        """Ask for a save at once without waiting for it (a tick, a new record)."""
        self.changed(urgent=True)

    @property
    def state(self) -> SaveState:
        return SaveState(self.storage.dirty, self.saved_at, self.error)

    def _due(self) -> float | None:
        if self._first_change is None:
            return None
        if self._urgent:
            return 0.0
        due = min(self._last_change + PAUSE, self._first_change + MAX_DELAY)
        if self.error is not None:
            due = max(due, self._last_attempt + RETRY[min(self._failures, len(RETRY)) - 1])
        return due

    def _run(self) -> None:
        first, self._first = self._first, None
        if first is not None and not first():
            with self.storage.lock:
                self.storage.touch()
        del first  # what it held (the file's bytes) is let go
        while True:
            with self._wake:
                while not self._stopping:
                    due = self._due()
                    if due is not None and self._clock() >= due:
                        break
                    self._wake.wait(None if due is None else max(0.0, due - self._clock()))
                if self._stopping:
                    return
                self._first_change = None
                self._urgent = False
            self._save_once()

    def _save_once(self) -> None:
        self._last_attempt = self._clock()
        try:
            self.storage.save()
        except Exception as error:  # the writer must outlive any failure, or saving stops for good
            if not isinstance(error, StoreError):
                error = WriteFailedError(self.storage.path, str(error) or type(error).__name__)
            self._failures += 1
            self.error = error
            with self._wake:
                if self._first_change is None:
                    self._first_change = self._last_attempt
        else:
            self._failures = 0
            self.error = None
            self.saved_at = time.time()
        self._report()

    def _report(self) -> None:
        if self.on_state is not None:
            self.on_state(self.state)

    def flush(self) -> None:
        """Write now, in this thread; raise the StoreError if the save fails."""
        try:
            self.storage.save()
        except StoreError as error:
            self.error = error
            self._report()
            raise
        self.error = None
        self._failures = 0
        self.saved_at = time.time()
        with self._wake:
            if not self.storage.dirty:
                self._first_change = None
                self._urgent = False
        self._report()

    def stop(self) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self._thread.join(timeout=5)
