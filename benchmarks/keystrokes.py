"""Keystroke cost in the call notes against a bare TextArea app, measured in the same run.
Prints milliseconds per key and the ratio; asserts nothing.

    .venv/bin/python benchmarks/keystrokes.py [--keys 300]

Both apps run headless; each key is handed to the app as a terminal would and one frame is drawn
after it, so the numbers include the autosave hand-off and the repaint. CPU time counts every
thread of the process, the autosaver's included.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea

TEXT = "Asked about the team size and the next steps; they liked the portfolio. "


class BareTextArea(App):
    def compose(self) -> ComposeResult:
        yield TextArea()


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


async def bare(keys: int) -> tuple[float, float]:
    async def prepare(pilot) -> None:
        pilot.app.query_one(TextArea).focus()
        await pilot.pause()

    return await time_keys(BareTextArea(), keys, prepare)


#: A pasted log on another interview (archived, so the one typed into is the one listed): every save
#: of the notes typed here writes it too.
BIG_NOTE = 20_000_000


async def followup(keys: int, folder: Path, in_call: bool, big_note: bool = False) -> tuple[float, float]:
    from tui.app import make_app
    from tui.domain.models import Interview, Interviewer
    from tui.store import Workbook

    path = folder / f"typing-{time.monotonic_ns()}.json"
    book = Workbook.open(path)
    now = datetime.now(UTC)
    book.save_interview(Interview("Acme", "Designer", now - timedelta(days=1), Interviewer(name="Dana")))
    if big_note:
        line = "12:00:01 INFO request served in 3 ms from the cache, nothing to report\n"
        log = (line * (BIG_NOTE // len(line) + 1))[:BIG_NOTE]
        book.save_interview(Interview("Zeta", "Designer", now - timedelta(days=30), notes=log, archived=True))
    book.set_setting("profile_asked", True)
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


async def main(keys: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        results: dict[str, list[tuple[float, float]]] = {
            "bare TextArea app": [],
            "followup notes": [],
            "followup call notes": [],
            "followup notes, a 20 MB note elsewhere": [],
        }
        for _ in range(rounds):  # interleaved so machine load hits all alike
            results["bare TextArea app"].append(await bare(keys))
            results["followup notes"].append(await followup(keys, Path(folder), in_call=False))
            results["followup call notes"].append(await followup(keys, Path(folder), in_call=True))
            results["followup notes, a 20 MB note elsewhere"].append(
                await followup(keys, Path(folder), in_call=False, big_note=True)
            )
    wall_base = statistics.median(w for w, _ in results["bare TextArea app"])
    cpu_base = statistics.median(c for _, c in results["bare TextArea app"])
    print(f"{'editor':<40} {'wall ms/key':>11} {'ratio':>6} {'CPU ms/key':>11} {'ratio':>6}")
    for name, values in results.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        print(f"{name:<40} {wall * 1000:>11.2f} {wall / wall_base:>6.2f} {cpu * 1000:>11.2f} {cpu / cpu_base:>6.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(main(args.keys, args.rounds))
