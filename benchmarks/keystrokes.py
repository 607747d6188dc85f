"""Keystroke cost in the notes against a bare TextArea app, measured in the same run.
Prints milliseconds per key and the ratio; asserts nothing.

    .venv/bin/python benchmarks/keystrokes.py [--keys 300] [--rounds 3] [--echo-keys 120]

Two measures, each against the bare app in the same run:

- **Echoed in a terminal** (what the user sees): each app runs in tmux; one key at a time is sent
  as a person types it (a key, then a tenth of a second), and the time is taken from the key sent
  until the screen shows it. The autosave runs in the pauses, as it does while someone types.
- **Headless cost**: each key is handed to the app as a terminal would and one frame is drawn
  after it, so the numbers include the autosave hand-off and the repaint. CPU time counts every
  thread of the process, the autosaver's included. The wall time here is mostly Textual's own
  wait for the app to go idle after each key (it sleeps in steps), so its ratio moves in steps too.

Each is taken with short lines (a line ended every 24 characters), and at the end of a paragraph of
6,000 characters, as notes are often typed: that row is compared with a bare TextArea holding the same
paragraph, as wide as the notes, so both wrap it into as many rows.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shlex
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import pasted_log
from terminal import ROOT, Tmux, as_installed

TEXT = "Asked about the team size and the next steps; they liked the portfolio. "
#: Notes written as one paragraph, as people type them: the key is typed at its end.
PARAGRAPH = (TEXT * (6_000 // len(TEXT) + 1))[:6_000]
#: The notes editor's size at 120x36: the bare editor holding the paragraph is given it, so that both wrap
#: it into as many rows.
NOTES_SIZE = "width: 33; height: 24;"


class BareTextArea(App):
    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text
        if text:
            self.stylesheet.add_source(f"TextArea {{ {NOTES_SIZE} }}")

    def compose(self) -> ComposeResult:
        yield TextArea(self.text)


async def time_keys(app: App, keys: int, prepare) -> tuple[float, float]:
    """(wall, CPU) seconds per key; CPU counts every thread of the process, the autosaver's too."""
    async with app.run_test(size=(120, 36)) as pilot:
        await prepare(pilot)
        text = (TEXT * (keys // len(TEXT) + 1))[:keys]
        started, cpu = time.perf_counter(), time.process_time()
        for char in text:
            # As a terminal delivers it: the key is handled, then one frame is drawn. (The pilot's
            # own `press` also walks every widget on screen after each key, which a terminal
            # does not do and which would charge each app for its widget count.)
            await app._press_keys(["space" if char == " " else char])
            app.screen._on_timer_update()
            await asyncio.sleep(0)
        wall, spent = (time.perf_counter() - started) / keys, (time.process_time() - cpu) / keys
        await pilot.pause()
        typed = (
            app.query_one(TextArea).text
            if isinstance(app, BareTextArea)
            else app.screen.query_one("#notes", TextArea).text
        )
        assert text in typed, "not every key reached the editor"
        return wall, spent


async def bare(keys: int, text: str = "") -> tuple[float, float]:
    async def prepare(pilot) -> None:
        area = pilot.app.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.pause()

    return await time_keys(BareTextArea(text), keys, prepare)


#: A pasted log on another interview (archived, so the one typed into is the one listed): every save
#: of the notes typed here writes it too.
BIG_NOTE = 20_000_000


def typing_workbook(folder: Path, big_note: bool = False, notes: str = "") -> Path:
    """A workbook of one interview to type notes on, holding `notes` (and, with `big_note`, the archived
    20 MB note)."""
    from tui.domain.models import Interview, Interviewer
    from tui.store import Workbook

    path = folder / f"typing-{time.monotonic_ns()}.json"
    with Workbook.open(path, autosave=False) as book:
        now = datetime.now(UTC)
        book.save_interview(
            Interview("Acme", "Designer", now - timedelta(days=1), Interviewer(name="Dana"), notes=notes)
        )
        if big_note:
            log = pasted_log(BIG_NOTE)
            book.save_interview(Interview("Zeta", "Designer", now - timedelta(days=30), notes=log, archived=True))
        book.set_setting("profile_asked", True)
    return path


async def followup(
    keys: int, folder: Path, in_call: bool, big_note: bool = False, notes: str = ""
) -> tuple[float, float]:
    from tui.app import make_app
    from tui.store import Workbook

    book = Workbook.open(typing_workbook(folder, big_note, notes))
    app = make_app(book)

    async def prepare(pilot) -> None:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c" if in_call else "3")
        await pilot.pause()

    try:
        return await time_keys(app, keys, prepare)
    finally:
        app.finish_work()
        book.close()


BARE_SCRIPT = (
    "import sys\nfrom textual.app import App\nfrom textual.widgets import TextArea\n"
    "class Bare(App):\n"
    f"    CSS = 'TextArea {{ {NOTES_SIZE} }}' if sys.argv[1:] else ''\n"
    "    def compose(self):\n        yield TextArea(sys.argv[1] if sys.argv[1:] else '')\n"
    "    def on_mount(self):\n        area = self.query_one(TextArea)\n        area.focus()\n"
    "        area.move_cursor(area.document.end)\n"
    "Bare().run()\n"
)
#: A person typing quickly: a key, then this long before the next.
PAUSE = 0.1
#: A line is ended (Enter) at the first space after this many characters, so it fits the narrowest pane.
LINE = 24
ANSI = re.compile(r"\x1b\[[0-9;:]*m")

tmux = Tmux("echo")


def echo_times(
    command: list[str], ready: str, keys_first: list[str], keys: int, paragraph: bool = False
) -> list[float]:
    """Seconds from each key sent until the screen shows it, typed one at a time with PAUSE between.
    `paragraph`: every key goes on the one line (no Enter), and a key is shown once the word it ends is
    on screen (a word wraps whole, so it is never split between rows)."""
    tmux("new-session", "-d", "-s", "echo", "-x", "120", "-y", "36", "-c", str(ROOT), "exec " + shlex.join(command))
    try:
        tmux.wait_for("echo", ready)
        tmux.settle("echo")
        for key in keys_first:
            tmux("send-keys", "-t", "echo", key)
            tmux.settle("echo")
        times, line = [], ""
        for n in range(keys):
            char = TEXT[n % len(TEXT)]
            if char == " " and len(line) >= LINE and not paragraph:
                tmux("send-keys", "-t", "echo", "Enter")
                line = ""
                tmux.settle("echo", 0.1)
                continue
            line += char
            seen = line.rsplit(" ", 1)[-1] if paragraph else line[-10:].rstrip()
            before = tmux.screen("echo")
            sent = time.perf_counter()
            tmux("send-keys", "-t", "echo", "-H", f"{ord(char):02x}")  # as bytes: ";" alone ends a tmux command
            while (now := tmux.screen("echo")) == before or (
                seen and not any(seen in row for row in ANSI.sub("", now).splitlines())
            ):
                if time.perf_counter() - sent > 10:
                    raise SystemExit(f"{line!r} never shown")
            times.append(time.perf_counter() - sent)
            time.sleep(PAUSE)
        return times
    finally:
        tmux("kill-server")
        time.sleep(0.3)


BARE, NOTES, CALL_NOTES, BESIDE_BIG = (
    "bare TextArea app",
    "followup notes",
    "followup call notes",
    "followup notes, a 20 MB note elsewhere",
)
BARE_PARAGRAPH, AT_PARAGRAPH_END = (
    "bare TextArea app, a 6,000-character paragraph",
    "followup notes, at the end of a 6,000-character paragraph",
)
#: Each row and what it is compared with: the paragraph is compared with a bare editor holding it, as wide.
BASE_OF = {name: BARE for name in (BARE, NOTES, CALL_NOTES, BESIDE_BIG)} | {
    name: BARE_PARAGRAPH for name in (BARE_PARAGRAPH, AT_PARAGRAPH_END)
}


def echoed(keys: int, rounds: int) -> None:
    as_installed()
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        results: dict[str, list[float]] = {name: [] for name in BASE_OF}
        for _ in range(rounds):  # interleaved so machine load hits all alike
            results[BARE] += echo_times([python, "-c", BARE_SCRIPT], "▔", [], keys)  # its editor's frame
            for name, keys_first, big in ((NOTES, ["3"], False), (CALL_NOTES, ["c"], False), (BESIDE_BIG, ["3"], True)):
                book = typing_workbook(Path(folder), big)
                results[name] += echo_times([python, "-m", "tui", "--db", str(book)], "Acme", keys_first, keys)
            bare_paragraph = [python, "-c", BARE_SCRIPT, PARAGRAPH]
            results[BARE_PARAGRAPH] += echo_times(bare_paragraph, "▔", [], keys, paragraph=True)
            book = typing_workbook(Path(folder), notes=PARAGRAPH)
            ours = [python, "-m", "tui", "--db", str(book)]
            results[AT_PARAGRAPH_END] += echo_times(ours, "Acme", ["3"], keys, paragraph=True)
    print(f"Echoed in a terminal ({keys} keys a round, {rounds} rounds, {PAUSE:.1f} s between keys):")
    print(f"{'editor':<58} {'median ms':>9} {'ratio':>6} {'90th pct ms':>11}")
    for name, values in results.items():
        median, base = statistics.median(values), statistics.median(results[BASE_OF[name]])
        tail = statistics.quantiles(values, n=10)[-1]
        print(f"{name:<58} {median * 1000:>9.1f} {median / base:>6.2f} {tail * 1000:>11.1f}")


async def main(keys: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in BASE_OF}
        for _ in range(rounds):  # interleaved so machine load hits all alike
            results[BARE].append(await bare(keys))
            results[NOTES].append(await followup(keys, Path(folder), in_call=False))
            results[CALL_NOTES].append(await followup(keys, Path(folder), in_call=True))
            results[BESIDE_BIG].append(await followup(keys, Path(folder), in_call=False, big_note=True))
            results[BARE_PARAGRAPH].append(await bare(keys, PARAGRAPH))
            results[AT_PARAGRAPH_END].append(await followup(keys, Path(folder), in_call=False, notes=PARAGRAPH))
    print(f"Headless ({keys} keys a round, {rounds} rounds):")
    print(f"{'editor':<58} {'wall ms/key':>11} {'ratio':>6} {'CPU ms/key':>11} {'ratio':>6}")
    for name, values in results.items():
        base = results[BASE_OF[name]]
        wall, wall_base = (statistics.median(w for w, _ in each) for each in (values, base))
        cpu, cpu_base = (statistics.median(c for _, c in each) for each in (values, base))
        print(f"{name:<58} {wall * 1000:>11.2f} {wall / wall_base:>6.2f} {cpu * 1000:>11.2f} {cpu / cpu_base:>6.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--echo-keys", type=int, default=120, help="keys typed in tmux a round (0: none)")
    args = parser.parse_args()
    if args.echo_keys:
        echoed(args.echo_keys, args.rounds)
    if args.keys:
        asyncio.run(main(args.keys, args.rounds))
