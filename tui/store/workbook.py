"""The workbook: the one object the app and the CLI verbs read and write through."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

from tinydb import TinyDB

from ..domain.dates import zone
from ..domain.documents import from_doc, to_doc
from ..domain.models import CallAttempt, Interview, Profile, ThankYou
from ..reading import ReadAhead
from .autosave import Autosaver, SaveState
from .checking import KINDS, Loaded, check_tables, read_later
from .errors import FileGoneError, NotFoundError, ReadOnlyError, StoreError
from .file_lock import FileLock
from .opening import (
    back_up,
    check_kind,
    let_go,
    load_tables,
    read_only_reason,
    read_raw,
    read_tables,
    real_path,
    take_lock,
)
from .storage import AtomicStorage

__all__ = ["Workbook"]

T = TypeVar("T")


class _NoLock:
    """Stands in for the file lock in a read-only snapshot."""

    def release(self) -> None:
        pass


class _HeldLock:
    """The file lock, removed from the folder when it is let go."""

    def __init__(self, lock: FileLock, path: Path) -> None:
        self._lock, self._path = lock, path

    def release(self) -> None:
        let_go(self._lock, self._path)


class Workbook:
    """Domain objects in, domain objects out; TinyDB documents never leave this class."""

    def __init__(self, path: Path, loaded: Loaded, lock: _HeldLock | _NoLock, tz: Any) -> None:
        self.path = path
        self._storage = AtomicStorage(path, loaded.tables, loaded.seen)
        self._db = TinyDB(storage=lambda *_, **__: self._storage)
        self._lock = lock
        self._tz = tz
        self._autosaver: Autosaver | None = None
        #: What `read_the_rest` still has to do: the file as read, whether to save in the background, and
        #: who hears of saves.
        self._still_to_read: tuple[Loaded, bool, Callable[[SaveState], None] | None] | None = None
        self._closed = False
        #: Every record, converted when the file was read: table -> id -> object, and its TinyDB doc id.
        self._objects = loaded.objects
        self._doc_ids = loaded.doc_ids
        #: True for a `snapshot()`: changes stay in memory and flush() refuses to write them.
        self.read_only = False
        #: Why an `open()` had to be read-only (a read-only folder, a file nobody may write).
        self.read_only_error: ReadOnlyError | None = None

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        autosave: bool = True,
        on_state: Callable[[SaveState], None] | None = None,
        tz: Any = None,
        ahead: ReadAhead | None = None,
        later: bool = False,
    ) -> Workbook:
        """Lock, check every record, then migrate and back up the file. Raises a StoreError naming the file.
        `ahead`: the file read ahead (`ReadAhead`), taken once it is locked if it is still the file there.
        `later`: the notes of a big record (a pasted log) may be left unread, for the first rows to show
        sooner: they read as "" until `read_the_rest` is called, which backs the file up and starts saving.

        Where nothing may be written (a read-only folder or disk, a file made read-only) the file is
        opened read-only instead, and `read_only_error` says why; a workbook that does not exist yet
        cannot be created there, which is an error.
        """
        path = real_path(path)
        tz = tz or zone(None)
        check_kind(path)
        reason = read_only_reason(path)
        if reason is not None:
            return cls._read_only(path, tz, reason, ahead)
        try:
            held = _HeldLock(take_lock(path), path)
        except ReadOnlyError as error:
            return cls._read_only(path, tz, error.reason, ahead)
        try:
            loaded = load_tables(path, tz, ahead, later)
        except BaseException:
            held.release()
            raise
        book = cls(path, loaded, held, tz)
        book._still_to_read = (loaded, autosave, on_state)
        if not loaded.later:
            book.read_the_rest()
        return book

    def read_the_rest(self) -> bool:
        """Read what `open(later=True)` left unread, then back the file up and start saving; True when a text
        was left, and is now in its record. Raises the DamagedFileError opening would have raised, when what
        was left is not text: the file is then let go of, and nothing is written. Called before any change,
        and done once."""
        if self._still_to_read is None:
            return False
        (loaded, autosave, on_state), self._still_to_read = self._still_to_read, None
        left, raw = bool(loaded.later), loaded.to_back_up
        try:
            if raw is not None:
                read_later(self.path, loaded.later, raw, self._tz)
        except StoreError:
            self.abandon()
            raise
        copy = None if raw is None else partial(back_up, self.path, raw)
        if autosave:
            # The backup is the background writer's first work, so nothing waits for it: with a 20 MB note in
            # the file, 8 ms to find it made already, 23-76 ms to make it.
            self._autosaver = Autosaver(self._storage, on_state, first=copy)
        elif copy is not None:
            copy()
        return left

    @classmethod
    def _read_only(cls, path: Path, tz: Any, reason: str, ahead: ReadAhead | None = None) -> Workbook:
        if not path.exists():
            raise StoreError(path, f"Cannot create {path}: {reason}. Nothing was written.")
        book = cls(path, read_tables(path, tz, ahead), _NoLock(), tz)
        book.read_only = True
        book.read_only_error = ReadOnlyError(path, reason)
        return book

    @classmethod
    def snapshot(cls, path: Path | str, *, tz: Any = None) -> Workbook:
        """The file as it is now, read without the lock and never written (CLI verbs that only read).

        Works while the app has the file open; a missing file reads as empty and is not created.
        """
        path = real_path(path)
        tz = tz or zone(None)
        book = cls(path, read_tables(path, tz), _NoLock(), tz)
        book.read_only = True
        return book

    # lifecycle
    def flush(self) -> None:
        """Write every change now; raises WriteFailedError or FileChangedError (data kept)."""
        if self.read_only:
            if self.dirty:
                raise self.read_only_error or StoreError(
                    self.path, f"{self.path} was read without the lock; nothing was written."
                )
            return
        if self._autosaver is not None:
            self._autosaver.flush()
        else:
            self._storage.save()

    @property
    def dirty(self) -> bool:
        return self._storage.dirty

    @property
    def save_state(self) -> SaveState:
        if self._autosaver is not None:
            return self._autosaver.state
        return SaveState(self.dirty, None, self.read_only_error)

    def close(self) -> None:
        """Flush and let go of the file; the lock is released even if the flush fails. Idempotent."""
        if self._closed:
            return
        try:
            self.flush()
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Let go of the file without writing unsaved changes (a CLI verb that failed half-way)."""
        if self._closed:
            return
        self._closed = True
        if self._autosaver is not None:
            self._autosaver.stop()
        self._lock.release()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reload(self) -> None:
        """Take the file as it is on disk now (after someone else changed it); a bad file changes nothing.

        Raises FileGoneError when there is no file to take: what is in memory stays as it was.
        """
        if not self.path.exists():
            raise FileGoneError(self.path)
        loaded, _ = check_tables(self.path, read_raw(self.path), self._tz)
        self._storage.accept_external(loaded.tables, loaded.seen)
        self._db.clear_cache()
        self._objects = loaded.objects
        self._doc_ids = loaded.doc_ids

    def rescue(self) -> Path:
        """Write everything held in memory to a private rescue file (quit with unsaved work)."""
        from .rescue import write_rescue

        return write_rescue(self.path, self._storage.snapshot()[1])

    def keep_mine(self) -> None:
        """Overwrite a file someone else changed with what is in memory, because the user said so."""
        self._storage.take_disk_as_seen()
        self.flush()

    # generic record access
    def _table(self, kind: str) -> dict[str, Any]:
        return self._objects[kind]

    def _put(self, obj: Any, urgent: bool = True) -> None:
        self.read_the_rest()  # a record is made into JSON from its object: every text of it read first
        kind = KINDS[type(obj)]
        doc = to_doc(obj)
        doc_id = self._doc_ids[kind].get(obj.id)
        if doc_id is None:
            self._doc_ids[kind][obj.id] = self._storage.insert(kind, [doc])[0]
        else:
            self._storage.update(kind, doc_id, doc)
        self._table(kind)[obj.id] = obj
        if urgent and self._autosaver is not None:
            self._autosaver.save_soon()

    def _set_text(self, obj: Any, field: str, text: str) -> None:
        """The typing path: change one field in memory and let the autosaver write it later."""
        self.read_the_rest()
        kind = KINDS[type(obj)]
        cached = self._table(kind).get(obj.id)  # after a reload, the workbook holds a fresh instance
        doc_id = self._doc_ids[kind].get(obj.id)
        if doc_id is None:
            raise NotFoundError(self.path, f"{obj.id} is not in the workbook")
        setattr(obj, field, text)
        if cached is not None and cached is not obj:
            setattr(cached, field, text)
        self._storage.update(kind, doc_id, {field: text})

    # interviews
    def interviews(self, include_archived: bool = False) -> list[Interview]:
        return [i for i in self._table("interviews").values() if include_archived or not i.archived]

    def save_interview(self, interview: Interview) -> None:
        self._put(interview)

    def set_interview_notes(self, interview: Interview, text: str) -> None:
        self._set_text(interview, "notes", text)

    # calls and thank-yous
    def all_calls(self) -> list[CallAttempt]:
        return list(self._table("calls").values())

    def save_call(self, call: CallAttempt) -> None:
        self._put(call)

    def remove_call(self, call: CallAttempt) -> None:
        """Gone for good (a call logged by mistake); the UI and the verb ask first."""
        self._remove("calls", [call.id])

    def remove_interview(self, interview: Interview) -> None:
        """The interview and every call and thank-you of it, gone for good (`followup delete` asks first)."""
        self._remove("calls", [c.id for c in self.all_calls() if c.interview_id == interview.id])
        self._remove("thank_yous", [t.id for t in self.all_thank_yous() if t.interview_id == interview.id])
        self._remove("interviews", [interview.id])

    def _remove(self, kind: str, ids: list[str]) -> None:
        doc_ids = [doc_id for i in ids if (doc_id := self._doc_ids[kind].pop(i, None)) is not None]
        if doc_ids:
            self._storage.remove(kind, doc_ids)
        for i in ids:
            self._objects[kind].pop(i, None)
        if self._autosaver is not None:
            self._autosaver.save_soon()

    def set_call_notes(self, call: CallAttempt, text: str) -> None:
        self._set_text(call, "notes", text)

    def all_thank_yous(self) -> list[ThankYou]:
        return list(self._table("thank_yous").values())

    def save_thank_you(self, thanks: ThankYou) -> None:
        self._put(thanks)

    # single-document tables
    def _single(self, name: str) -> dict[str, Any]:
        docs = self._db.table(name).all()
        return dict(docs[0]) if docs else {}

    def _set_single(self, name: str, doc: dict[str, Any]) -> None:
        with self._storage.lock:
            table = self._db.table(name)
            table.truncate()
            table.insert(doc)
        if self._autosaver is not None:
            self._autosaver.save_soon()

    @property
    def profile(self) -> Profile:
        return from_doc(Profile, self._single("profile"))

    def save_profile(self, profile: Profile) -> None:
        self._set_single("profile", to_doc(profile))

    @property
    def has_profile(self) -> bool:
        return bool(self._single("profile"))

    def settings(self) -> dict[str, Any]:
        """Every remembered choice, as one plain dict."""
        return self._single("settings")

    def setting(self, key: str, default: T) -> T:
        """A remembered choice (theme, templates, date order)."""
        return cast(T, self._single("settings").get(key, default))

    def set_setting(self, key: str, value: Any) -> None:
        settings = self._single("settings")
        settings[key] = value
        self._set_single("settings", settings)

    def load_many(self, items: Iterable[Any]) -> None:
        """Insert or replace many records at once (import), with one save."""
        fresh: dict[str, list[Any]] = {}
        for obj in items:
            kind = KINDS[type(obj)]
            if obj.id in self._table(kind):
                self._put(obj, urgent=False)
            else:
                fresh.setdefault(kind, []).append(obj)
        for kind, objects in fresh.items():
            doc_ids = self._storage.insert(kind, [to_doc(obj) for obj in objects])
            for obj, doc_id in zip(objects, doc_ids, strict=True):
                self._objects[kind][obj.id] = obj
                self._doc_ids[kind][obj.id] = doc_id
        if self._autosaver is not None:
            self._autosaver.save_soon()
