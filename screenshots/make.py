"""Render SVG screenshots of the app on the demo workbook at 80x24 and 120x36 into screenshots/.

.venv/bin/python screenshots/make.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tui.app import make_app  # noqa: E402
from tui.demo import make_demo_copy  # noqa: E402
from tui.store import Workbook  # noqa: E402

#: A fixed morning, so the pictures come out the same on every run.
TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 9, 40, tzinfo=ZoneInfo("America/New_York"))
SIZES = [(80, 24), (120, 36)]
#: (file name, keys pressed after the workbook loaded)
STATES = [
    ("main", []),
    ("checklist", ["2"]),
    ("call", ["c"]),
    ("outcome", ["c", "ctrl+e"]),
    ("practice", ["h", "f6"]),
    ("practice-voicemail", ["h", "f5"]),
    ("agenda", ["w"]),
    ("stats", ["i"]),
]


async def shoot(name: str, keys: list[str], size: tuple[int, int], folder: Path) -> Path:
    book = Workbook.open(make_demo_copy(folder, today=TODAY))
    app = make_app(book, demo=True, clock=lambda: NOW)
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.3)
            app.clear_notifications()
            await pilot.pause()
            out = f"{name}-{size[0]}x{size[1]}.svg"
            app.save_screenshot(out, str(HERE))
            app.finish_work()
        return HERE / out
    finally:
        book.abandon()  # a throwaway copy: nothing to keep


async def main() -> None:
    for size in SIZES:
        for name, keys in STATES:
            with tempfile.TemporaryDirectory() as folder:
                print(await shoot(name, keys, size, Path(folder)))


if __name__ == "__main__":
    asyncio.run(main())
