"""Keystroke cost in the call notes against a bare TextArea app, measured in the same run.
Prints milliseconds per key and the ratio; asserts nothing.

    .venv/bin/python benchmarks/keystrokes.py [--keys 300]

Both apps are driven headless by Textual's pilot, which waits for each key to be handled and the
screen to settle, so the numbers include the autosave hand-off and the repaint.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea

TEXT = "Asked about the team size and the next steps; they liked the portfolio. "


class BareTextArea(App):
    def compose(self) -> ComposeResult:
        yield TextArea()


async def time_keys(app: App, keys: int, prepare) -> float:
    async with app.run_test(size=(120, 36)) as pilot:
        await prepare(pilot)
        text = (TEXT * (keys // len(TEXT) + 1))[:keys]
        started = time.perf_counter()
        for char in text:
            await pilot.press("space" if char == " " else char)
        return (time.perf_counter() - started) / keys


async def bare(keys: int) -> float:
    async def prepare(pilot) -> None:
        pilot.app.query_one(TextArea).focus()
        await pilot.pause()

    return await time_keys(BareTextArea(), keys, prepare)


async def followup(keys: int, folder: Path, in_call: bool) -> float:
    from tui.app import make_app
    from tui.domain.models import Interview, Interviewer
    from tui.store import Workbook

    path = folder / f"typing-{time.monotonic_ns()}.json"
    book = Workbook.open(path)
    now = datetime.now(timezone.utc)
    book.save_interview(Interview("Acme", "Designer", now - timedelta(days=1), Interviewer(name="Dana")))
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
        results: dict[str, list[float]] = {"bare TextArea app": [], "followup notes": [], "followup call notes": []}
        for _ in range(rounds):  # interleaved so machine load hits all alike
            results["bare TextArea app"].append(await bare(keys))
            results["followup notes"].append(await followup(keys, Path(folder), in_call=False))
            results["followup call notes"].append(await followup(keys, Path(folder), in_call=True))
    base = statistics.median(results["bare TextArea app"])
    print(f"{'editor':<22} {'ms/key':>7}  ratio")
    for name, values in results.items():
        cost = statistics.median(values)
        print(f"{name:<22} {cost * 1000:>7.2f}  {cost / base:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(main(args.keys, args.rounds))
