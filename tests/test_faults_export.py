"""Exports replace their file whole or not at all, say plainly when a write fails, and never write
through a link someone planted: a new export is made 0600 from the start. Real `followup` processes.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import stat
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from test_faults_disk import fill, tiny_disk  # noqa: F401  (tiny_disk is a fixture)
from ui_support import FIXED_NOW, seed
from verbs_support import NOW, REPO, followup

from tui.domain.models import CallAttempt, Interview, Interviewer, Outcome

FORMATS = ["csv", "json", "md", "ics"]
ROUNDS = int(os.environ.get("FOLLOWUP_KILL_ROUNDS", "20"))


def workbook(path: Path, count: int = 3) -> Path:
    interviews = [
        Interview(
            f"Company {n}",
            "Designer",
            interviewed_at=FIXED_NOW - timedelta(days=1 + n % 20),
            interviewer=Interviewer(f"Person {n}", phone="+12025550123"),
            notes="What they said about the team. " * 8,
        )
        for n in range(count)
    ]
    calls = [
        CallAttempt(i.id, FIXED_NOW - timedelta(hours=3), FIXED_NOW - timedelta(hours=2), Outcome.BUSY)
        for i in interviews
    ]
    seed(path, interviews, calls)
    return path


def export(db: Path, kind: str, target: Path, **kwargs) -> subprocess.Popen[bytes]:
    env = {**os.environ, "FOLLOWUP_NOW": NOW.isoformat(), "TZ": "America/New_York"}
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "--db", str(db), "export", "--format", kind, "-o", str(target)],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def no_bigger_than(limit: int):
    """In the child: a write past `limit` bytes fails half-way (EFBIG; Python ignores SIGXFSZ)."""

    def limit_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_files


@pytest.mark.parametrize("kind", FORMATS)
def test_a_re_export_that_fails_half_way_leaves_the_previous_export_whole(tmp_path, kind):
    db = workbook(tmp_path / "wb.json", count=400)
    target = tmp_path / f"out.{kind}"
    first = export(db, kind, target)
    assert first.wait(60) == 0, first.stderr.read()
    previous = target.read_bytes()
    assert len(previous) > 64 * 1024
    failed = export(db, kind, target, preexec_fn=no_bigger_than(32 * 1024))
    assert failed.wait(60) == 1
    said = failed.stderr.read().decode()
    assert f"cannot write {target}: File too large; nothing was exported." in said and "Traceback" not in said
    assert target.read_bytes() == previous, "the failed write destroyed the previous export"
    again = export(db, kind, target)
    assert again.wait(60) == 0
    assert target.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["wb.json", target.name]), "a temporary file was left"


def test_kill_9_at_random_moments_never_leaves_a_partial_export(tmp_path):
    db = workbook(tmp_path / "wb.json", count=1500)
    target = tmp_path / "out.json"
    assert export(db, "json", target).wait(60) == 0
    whole = target.read_bytes()
    seed_value = random.randrange(1 << 30)
    print(f"random seed {seed_value}")
    chance = random.Random(seed_value)
    for _ in range(ROUNDS):
        running = export(db, "json", target)
        time.sleep(chance.uniform(0.2, 1.2))
        running.send_signal(signal.SIGKILL)
        running.wait(60)
        assert target.read_bytes() == whole, f"a kill left a partial export (seed {seed_value})"


def test_writing_to_dev_full_says_so_and_exits_1(tmp_path):
    db = workbook(tmp_path / "wb.json")
    for args in (["export", "--format", "csv", "-o", "/dev/full"],):
        done = followup(db, *args)
        assert done.returncode == 1, done.stderr
        assert "the disk is full" in done.stderr and "nothing was exported" in done.stderr
        assert "Traceback" not in done.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode), "/dev/full was replaced"


@pytest.mark.parametrize("verb", [["export", "--format", "csv"], ["export", "--format", "ics"], ["list"]])
def test_a_full_standard_output_says_so_and_exits_1(tmp_path, verb):
    db = workbook(tmp_path / "wb.json", count=200)
    env = {**os.environ, "FOLLOWUP_NOW": NOW.isoformat(), "TZ": "America/New_York"}
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "tui", "--db", str(db), *verb],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
    assert done.returncode == 1, done.stderr
    assert "could not write the output: the disk is full" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_a_full_disk_keeps_the_previous_export_and_says_so(tmp_path, tiny_disk):  # noqa: F811
    db = workbook(tmp_path / "wb.json", count=60)
    target = tiny_disk / "out.md"
    assert export(db, "md", target).wait(60) == 0
    previous = target.read_bytes()
    fill(tiny_disk)
    done = followup(db, "export", "--format", "md", "-o", str(target))
    assert done.returncode == 1
    assert "the disk is full" in done.stderr and "The previous export is as it was" in done.stderr
    assert "Traceback" not in done.stderr
    assert target.read_bytes() == previous
    assert not (tiny_disk / ".out.md.tmp").exists()


@pytest.fixture
def open_umask():
    old = os.umask(0)
    yield
    os.umask(old)


@pytest.mark.parametrize("kind", FORMATS)
def test_an_export_never_writes_through_a_planted_link(tmp_path, open_umask, kind):
    db = workbook(tmp_path / "wb.json")
    victim = tmp_path / "victim"
    victim.write_text("someone else's file")
    victim.chmod(0o666)
    planted = tmp_path / f"out.{kind}"
    planted.symlink_to(victim)
    done = followup(db, "export", "--format", kind, "-o", str(planted))
    assert done.returncode == 2
    assert "is a symbolic link" in done.stderr and "Traceback" not in done.stderr
    assert victim.read_text() == "someone else's file" and stat.S_IMODE(victim.stat().st_mode) == 0o666
    assert planted.is_symlink()


def test_a_link_planted_at_the_temporary_name_is_not_followed_either(tmp_path, open_umask):
    db = workbook(tmp_path / "wb.json")
    victim = tmp_path / "victim"
    victim.write_text("keep")
    (tmp_path / ".out.csv.tmp").symlink_to(victim)
    done = followup(db, "export", "--format", "csv", "-o", str(tmp_path / "out.csv"))
    assert done.returncode == 0, done.stderr
    assert victim.read_text() == "keep"
    made = tmp_path / "out.csv"
    assert not made.is_symlink() and stat.S_IMODE(made.stat().st_mode) == 0o600
    assert made.read_text().startswith("id,company,role")
