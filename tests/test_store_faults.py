"""The file is never lost: damaged files, a second process, old and new formats, failed writes."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import tinydb

from tui.domain.models import Interview
from tui.store import (
    DamagedFileError,
    FileChangedError,
    LockedError,
    NewerSchemaError,
    Workbook,
    WriteFailedError,
    opening,
)
from tui.store import storage as storage_module

GOOD = {"meta": {"1": {"schema_version": 1}}, "interviews": {}}

DAMAGED = {
    "empty": (b"", "it is empty"),
    "whitespace": (b"  \n", "it is empty"),
    "truncated": (json.dumps(GOOD).encode()[:-7], "not complete JSON"),
    "nul bytes": (b"\x00" * 64, "NUL bytes"),
    "nul inside": (b'{"meta": {"1": {"schema_version": 1}}\x00\x00', "NUL bytes"),
    "not utf-8": (b'{"meta": {"1": {"x": "\xff\xfe"}}}', "not UTF-8"),
    "a list": (b"[1, 2, 3]", "not a workbook"),
    "a string": (b'"hello"', "not a workbook"),
    "table not a dict": (b'{"interviews": [1, 2]}', "not a table of records"),
    "bad record id": (b'{"interviews": {"abc": {}}}', "not a number"),
    "record not a dict": (b'{"interviews": {"1": 5}}', "is not a record"),
}


def run_followup(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_damaged_file_is_refused_and_left_untouched(tmp_path, case):
    content, reason = DAMAGED[case]
    path = tmp_path / "wb.json"
    path.write_bytes(content)
    with pytest.raises(DamagedFileError) as caught:
        Workbook.open(path)
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == content
    assert not (tmp_path / "wb.json.bak").exists()


@pytest.mark.parametrize("case", ["truncated", "nul bytes", "not utf-8", "empty"])
def test_followup_exits_1_naming_the_file_and_the_backup(tmp_path, case):
    path = tmp_path / "wb.json"
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(Interview("Acme", "Designer"))
    Workbook.open(path, autosave=False).close()  # a successful open leaves a .bak
    content = DAMAGED[case][0]
    path.write_bytes(content)
    result = run_followup("--db", str(path))
    assert result.returncode == 1
    assert str(path) in result.stderr
    assert str(path) + ".bak" in result.stderr
    assert path.read_bytes() == content
    backup = tinydb.TinyDB(str(path) + ".bak")
    assert backup.table("interviews").all()[0]["company"] == "Acme"
    backup.close()


def test_a_folder_in_place_of_the_file_is_refused(tmp_path):
    folder = tmp_path / "wb.json"
    folder.mkdir()
    result = run_followup("--db", str(folder))
    assert result.returncode == 1
    assert str(folder) in result.stderr and "folder" in result.stderr
    assert folder.is_dir() and not any(folder.iterdir())


def test_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "wb.json"
    path.write_bytes(json.dumps(GOOD).encode())

    def no_permission(path, limit):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(opening, "read_regular", no_permission)
    with pytest.raises(DamagedFileError, match="no permission to read"):
        Workbook.open(path)
    monkeypatch.undo()
    assert json.loads(path.read_bytes()) == GOOD


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "wb.json"
    content = json.dumps({"meta": {"1": {"schema_version": 99}}}).encode()
    path.write_bytes(content)
    with pytest.raises(NewerSchemaError, match="newer followup"):
        Workbook.open(path)
    result = run_followup("--db", str(path))
    assert result.returncode == 1 and str(path) in result.stderr and "newer" in result.stderr
    assert path.read_bytes() == content


SCHEMA_0 = {
    "interviews": {
        "1": {
            "company": "Northwind",
            "role": "Data Analyst",
            "interviewer": "Priya Shah",
            "interviewer_title": "Analytics Lead",
            "phone": "+13125550134",
            "date": "2026-11-20T10:30:00",
            "checklist": ["D1", "D3"],
            "notes": "Asked about SQL window functions",
        }
    },
    "calls": {
        "1": {
            "interview": 1,
            "started_at": "2026-11-21T09:00:00",
            "ended_at": "2026-11-21T09:02:00",
            "outcome": "voicemail_left",
            "notes": "left message",
        }
    },
}


def test_schema_0_is_migrated_after_keeping_a_copy(tmp_path):
    path = tmp_path / "wb.json"
    original = json.dumps(SCHEMA_0).encode()
    path.write_bytes(original)
    with Workbook.open(path, autosave=False, tz=UTC) as book:
        (interview,) = book.interviews()
        assert interview.interviewer.name == "Priya Shah"
        assert interview.interviewer.phone == "+13125550134"
        assert interview.interviewed_at == datetime(2026, 11, 20, 10, 30, tzinfo=UTC)
        assert interview.checks == {"D1": True, "D3": True}
        (call,) = book.all_calls()
        assert call.duration_seconds == 120 and call.outcome.value == "voicemail_left"
    assert (tmp_path / "wb.json.schema0.bak").read_bytes() == original
    raw = tinydb.TinyDB(path)
    assert raw.table("meta").all()[0]["schema_version"] == 1
    assert raw.table("interviews").all()[0]["interviewer"]["title"] == "Analytics Lead"
    raw.close()


def test_a_migrated_file_is_saved_over_without_a_conflict(tmp_path):
    """What the migration wrote is what the next save finds there: no change by another program."""
    path = tmp_path / "wb.json"
    path.write_bytes(json.dumps(SCHEMA_0).encode())
    with Workbook.open(path, autosave=False, tz=UTC) as book:
        (interview,) = book.interviews()
        book.set_interview_notes(interview, "after the update")
        book.flush()
    raw = tinydb.TinyDB(path)
    assert raw.table("interviews").all()[0]["notes"] == "after the update"
    raw.close()


def test_stale_temp_file_is_removed_on_open(tmp_path):
    path = tmp_path / "wb.json"
    Workbook.open(path, autosave=False).close()
    stale = tmp_path / ".wb.json.tmp"
    stale.write_bytes(b'{"half a wri')
    Workbook.open(path, autosave=False).close()
    assert not stale.exists()


def test_every_successful_open_takes_a_backup(tmp_path):
    path = tmp_path / "wb.json"
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(Interview("Acme", "Designer"))
    Workbook.open(path, autosave=False).close()
    assert (tmp_path / "wb.json.bak").read_bytes() == path.read_bytes()


def test_the_app_s_backup_is_made_by_its_background_writer_and_closing_waits_for_it(tmp_path, monkeypatch):
    """Opened for the app (saving in the background), the workbook hands the copy of the file as it opened
    to its background writer: the rows do not wait for it (a 20 MB file: 20-80 ms). Closing waits."""
    import threading

    from tui.store import workbook as workbook_module

    path, backup = tmp_path / "wb.json", tmp_path / "wb.json.bak"
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(Interview("Acme", "Designer"))
    backup.unlink(missing_ok=True)
    go, where = threading.Event(), []
    back_up = workbook_module.back_up

    def held(at: Path, raw: bytes) -> bool:
        where.append(threading.current_thread().name)
        assert go.wait(5)
        return back_up(at, raw)

    monkeypatch.setattr(workbook_module, "back_up", held)
    book = Workbook.open(path)
    assert not backup.exists()  # open, and its copy still to come
    go.set()
    book.close()
    assert backup.read_bytes() == path.read_bytes()
    assert where == ["followup-autosave"]


def test_a_backup_that_cannot_be_made_has_a_save_tried_at_once(tmp_path, monkeypatch):
    """Its failure (a nearly full disk) is not the file's: it opens; and a save tried at once has the
    save state, which the app's banner shows, tell how the disk is."""
    from tui.store import workbook as workbook_module

    path = tmp_path / "wb.json"
    Workbook.open(path, autosave=False).close()
    monkeypatch.setattr(workbook_module, "back_up", lambda at, raw: False)
    states = []
    book = Workbook.open(path, on_state=states.append)
    try:
        deadline = time.monotonic() + 5
        while not states and time.monotonic() < deadline:
            time.sleep(0.01)
        assert states and states[-1].saved_at is not None and states[-1].error is None  # tried, and here it fits
    finally:
        book.close()


def test_a_backup_that_holds_the_file_already_is_left_as_it_is(tmp_path):
    path, backup = tmp_path / "wb.json", tmp_path / "wb.json.bak"
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(Interview("Acme", "Designer"))
    Workbook.open(path, autosave=False).close()
    kept = backup.stat()
    Workbook.open(path, autosave=False).close()
    assert (backup.stat().st_ino, backup.stat().st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)


@pytest.mark.parametrize("spoil", ["bytes", "length", "mode", "link"])
def test_a_backup_that_differs_in_any_way_is_written_again(tmp_path, spoil):
    path, backup = tmp_path / "wb.json", tmp_path / "wb.json.bak"
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(Interview("Acme", "Designer"))
    Workbook.open(path, autosave=False).close()
    good = path.read_bytes()
    if spoil == "bytes":
        backup.write_bytes(good.replace(b"Acme", b"Acne"))
    elif spoil == "length":
        backup.write_bytes(good[:-1])
    elif spoil == "mode":
        backup.chmod(0o644)
    else:
        elsewhere = tmp_path / "elsewhere.json"
        elsewhere.write_bytes(good)
        elsewhere.chmod(0o600)
        backup.unlink()
        backup.symlink_to(elsewhere)
    Workbook.open(path, autosave=False).close()
    assert backup.read_bytes() == good and not backup.is_symlink()
    assert backup.stat().st_mode & 0o777 == 0o600


HOLDER = """
import sys
from tui.store import Workbook
book = Workbook.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
book.close()
"""


def test_a_second_process_is_refused_and_writes_nothing(tmp_path):
    path = tmp_path / "wb.json"
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(Interview("Acme", "Designer"))
    before = path.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = run_followup("--db", str(path))
        assert result.returncode == 1
        assert str(path) in result.stderr and "already open" in result.stderr
        with pytest.raises(LockedError):
            Workbook.open(path)
        assert path.read_bytes() == before
    finally:
        holder.communicate("\n", timeout=30)
    Workbook.open(path, autosave=False).close()  # free again once the first one left


def test_a_file_changed_underneath_is_not_overwritten(tmp_path):
    path = tmp_path / "wb.json"
    book = Workbook.open(path, autosave=False)
    book.save_interview(Interview("Acme", "Designer"))
    book.flush()
    theirs = json.dumps({**GOOD, "interviews": {}}).encode() + b"\n"
    time.sleep(0.01)
    path.write_bytes(theirs)
    book.save_interview(Interview("Globex", "Engineer"))
    with pytest.raises(FileChangedError, match="changed by another program"):
        book.flush()
    assert path.read_bytes() == theirs
    assert len(book.interviews()) == 2  # still held in memory
    book.reload()
    assert book.interviews() == []
    book.close()


def test_a_file_replaced_while_a_save_is_being_written_is_not_overwritten(tmp_path, monkeypatch):
    """A sync client that renames its copy over the file while a big save is still being synced wins."""
    path = tmp_path / "wb.json"
    book = Workbook.open(path, autosave=False)
    book.save_interview(Interview("Acme", "Designer"))
    book.flush()
    theirs = json.dumps({**GOOD, "interviews": {}}).encode() + b"\n"
    real_write = storage_module.write_new_file

    def slow_write(target, payload, mode=0o600, source=None):
        written = real_write(target, payload, mode, source)
        if target != path:  # our temp file is whole: now theirs lands
            other = path.with_name(".sync-wb.json")
            other.write_bytes(theirs)
            os.replace(other, path)
        return written

    monkeypatch.setattr(storage_module, "write_new_file", slow_write)
    book.save_interview(Interview("Globex", "Engineer"))
    with pytest.raises(FileChangedError, match="changed by another program"):
        book.flush()
    assert path.read_bytes() == theirs
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wb.json", "wb.json.lock"]  # no temp file left
    assert len(book.interviews()) == 2  # still held in memory
    book.abandon()


def test_a_failed_write_is_kept_retried_and_reported(tmp_path, monkeypatch):
    path = tmp_path / "wb.json"
    states = []
    book = Workbook.open(path, on_state=states.append)
    real_write = storage_module.write_atomic

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_module, "write_atomic", disk_full)
    book.save_interview(Interview("Acme", "Designer"))
    deadline = time.monotonic() + 10
    while not any(s.error for s in states) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert any(s.error is not None and "disk is full" in str(s.error) for s in states)
    with pytest.raises(WriteFailedError):
        book.flush()
    assert book.dirty
    monkeypatch.setattr(storage_module, "write_atomic", real_write)
    deadline = time.monotonic() + 15
    while book.dirty and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not book.dirty, "the retry should have written the change once the disk had room"
    assert states[-1].error is None
    book.close()
    raw = tinydb.TinyDB(path)
    assert raw.table("interviews").all()[0]["company"] == "Acme"
    raw.close()


def test_autosave_writes_typing_without_a_flush(tmp_path):
    path = tmp_path / "wb.json"
    book = Workbook.open(path)
    interview = Interview("Acme", "Designer")
    book.save_interview(interview)
    for n in range(1, 30):
        book.set_interview_notes(interview, "x" * n)

    def saved_notes():
        return json.loads(path.read_bytes()).get("interviews", {}).get("1", {}).get("notes")

    deadline = time.monotonic() + 10
    while saved_notes() != "x" * 29 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert saved_notes() == "x" * 29
    book.close()


def test_a_missing_file_beside_its_backup_is_not_replaced_by_an_empty_one(tmp_path):
    path = tmp_path / "wb.json"
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(Interview("Acme", "Designer"))
    Workbook.open(path, autosave=False).close()  # leaves the .bak
    backup = tmp_path / "wb.json.bak"
    kept = backup.read_bytes()
    path.unlink()  # moved aside, as the damaged-file message suggests
    result = run_followup("--db", str(path))
    assert result.returncode == 1
    assert "is missing" in result.stderr and str(backup) in result.stderr
    assert not path.exists() and backup.read_bytes() == kept
    backup.rename(tmp_path / "elsewhere.json")
    Workbook.open(path, autosave=False).close()  # with the copy moved aside, a new workbook starts


def test_any_os_error_while_saving_is_kept_and_retried_not_fatal(tmp_path, monkeypatch):
    """A dropped network mount raises other errors than ENOSPC: the writer must live on."""
    path = tmp_path / "wb.json"
    states = []
    book = Workbook.open(path, on_state=states.append)
    real_stat = Path.stat
    broken = {"on": True}

    def stat(self, *args, **kwargs):
        if broken["on"] and self == path:
            raise OSError(errno.ESTALE, "Stale file handle")
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    book.save_interview(Interview("Acme", "Designer"))
    deadline = time.monotonic() + 10
    while not any(s.error for s in states) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert any(isinstance(s.error, WriteFailedError) for s in states)
    assert book._autosaver._thread.is_alive(), "the writer died on an unexpected error"
    broken["on"] = False
    deadline = time.monotonic() + 15
    while book.dirty and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not book.dirty
    book.close()
    assert tinydb.TinyDB(path).table("interviews").all()[0]["company"] == "Acme"


@pytest.mark.parametrize("note_size", [10, 2 << 20], ids=["hashed at once", "hashed while written"])
def test_a_sync_clients_copy_of_the_same_bytes_is_no_change_but_other_bytes_are(tmp_path, note_size):
    """The hash of what was written tells a sync client's rewrite of the same bytes from another's change,
    whether it was taken at once (a small file) or on a thread while the file was written (a big one)."""
    path = tmp_path / "wb.json"
    book = Workbook.open(path, autosave=False)
    interview = Interview("Acme", "Designer", notes="n" * note_size)
    book.save_interview(interview)
    book.flush()
    ours = path.read_bytes()
    time.sleep(0.01)
    path.write_bytes(ours)  # the same bytes, a new time: a sync client's copy
    book.save_interview(Interview("Globex", "Engineer"))
    book.flush()
    assert len(json.loads(path.read_bytes())["interviews"]) == 2
    ours = path.read_bytes()
    time.sleep(0.01)
    path.write_bytes(ours.replace(b"Globex", b"Globey"))  # the same size, other bytes: someone's change
    book.save_interview(Interview("Initech", "Analyst"))
    with pytest.raises(FileChangedError):
        book.flush()
    assert b"Globey" in path.read_bytes()
    book.abandon()


def test_a_hash_taken_on_a_thread_is_waited_for(monkeypatch):
    from tui.store import fingerprint
    from tui.store.fingerprint import HashedAside

    real = fingerprint._sha256

    def slow(content):
        time.sleep(0.2)  # the write is done long before the hash
        return real(content)

    monkeypatch.setattr(fingerprint, "_sha256", slow)
    content = b"x" * (2 << 20)
    assert HashedAside(content).result() == hashlib.sha256(content).hexdigest()
