"""A named pipe, a device or a file of absurd size in place of the workbook (or of a file to import)
is refused with a message, at once: nothing hangs waiting for a writer, nothing reads /dev/zero
until memory runs out. Real `followup` processes, each with a deadline it must beat.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from verbs_support import followup, followup_raw

#: A process that takes longer than this has hung (they all answer in well under a second).
DEADLINE = 30


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return followup_raw(*args, stdin=stdin, timeout=DEADLINE)


def fifo(tmp_path):
    path = tmp_path / "workbook.json"
    os.mkfifo(path)
    return path, "is a named pipe (FIFO), not a file"


def dev_zero(tmp_path):
    path = tmp_path / "workbook.json"
    path.symlink_to("/dev/zero")
    return path, "is a device, not a file"


def huge(tmp_path):
    path = tmp_path / "workbook.json"
    with open(path, "wb") as out:
        out.truncate(200 << 20)  # sparse: 200 MB that take no room
    return path, "it is 200 MB, more than followup reads (at most 100 MB)"


SPECIAL = {"a named pipe": fifo, "a link to /dev/zero": dev_zero, "a 200 MB file": huge}
ENTRIES = {
    "the app": [],
    "list": ["list"],
    "add": ["add", "--company", "Acme", "--role", "Designer"],
    "profile": ["profile"],
    "export": ["export", "--format", "json"],
}


@pytest.mark.parametrize("entry", list(ENTRIES))
@pytest.mark.parametrize("kind", list(SPECIAL))
def test_a_special_or_huge_file_as_the_workbook_is_refused_at_once(tmp_path, kind, entry):
    path, says = SPECIAL[kind](tmp_path)
    done = run("--db", str(path), *ENTRIES[entry])
    assert done.returncode == 1, done.stderr
    assert says in done.stderr and "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workbook.json"], "something was made beside it"


@pytest.mark.parametrize("kind", list(SPECIAL))
def test_a_special_or_huge_file_to_import_is_refused_at_once(tmp_path, kind):
    source, says = SPECIAL[kind](tmp_path)
    done = run("--db", str(tmp_path / "target.json"), "import", str(source), "--format", "json")
    assert done.returncode == 2, done.stderr
    assert says in done.stderr and "name the csv or json file" in done.stderr
    assert "Traceback" not in done.stderr


def test_notes_piped_in_past_what_a_field_holds_are_refused_without_reading_them_all(tmp_path):
    path = tmp_path / "workbook.json"
    big = b"word " * ((17 << 20) // 5)  # 17 MB: more than a field may hold
    done = run("--db", str(path), "add", "--company", "Acme", "--role", "Designer", "--notes", "-", stdin=big)
    assert done.returncode == 2, done.stderr
    assert "--notes: Standard input holds more than 4,000,000 characters" in done.stderr
    assert not path.exists() or "word word" not in path.read_text()


def test_a_long_note_in_the_file_still_opens_and_lists(tmp_path):
    """A 20 MB note (written by another tool) is no reason to refuse the file: it opens and lists."""
    import orjson

    path = tmp_path / "workbook.json"
    assert followup(path, "add", "--company", "Acme", "--role", "Designer").returncode == 0
    tables = orjson.loads(path.read_bytes())
    tables["interviews"]["1"]["notes"] = "A long line of notes.\n" * ((20 << 20) // 22)
    path.write_bytes(orjson.dumps(tables))
    done = followup(path, "list")
    assert done.returncode == 0 and "Acme" in done.stdout


def test_a_file_that_does_not_tell_its_size_is_read_whole_and_still_held_to_the_limit():
    """A regular file may say it is empty and hold more (files in /proc do): it is read to its end, in pieces,
    and refused once it passes the limit. A file that tells its size is read in one piece."""
    from pathlib import Path

    from tui.reading import NotAFileError, read_regular

    told = Path("/proc/self/status")
    assert os.stat(told).st_size == 0
    whole = read_regular(told, 1 << 20)
    assert whole.startswith(b"Name:") and b"\nVmRSS:" in whole
    with pytest.raises(NotAFileError, match="more than 100 bytes"):
        read_regular(told, 100)
