"""How long the views a key away take to work out on a big workbook: the filter over notes, the
week's agenda, what worked, and one reminder check (every next step again, then the sorted list).

Run: python benchmarks/after_views.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.startup import make_workbook
from tui.session import Session
from tui.session.views import agenda, what_worked
from tui.store import Workbook


def timed(run: Callable[[], object], repeat: int = 3) -> float:
    """The best of `repeat` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000])
    sizes = parser.parse_args().sizes
    names = ("interviews", "filter names", "filter notes", "agenda", "stats", "reminder")
    print("  ".join(f"{name:>12}" for name in names))
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            figures = measure(Session(Workbook.snapshot(make_workbook(Path(folder), count))).load())
            print(f"{count:>12}  " + "  ".join(f"{ms:>10.0f}ms" for ms in figures))


def measure(session: Session) -> tuple[float, ...]:
    """Each view's time on this workbook, its next steps worked out once first as on opening."""
    session.ordered()

    def reminder() -> None:
        session.restep()
        session.ordered()

    return (
        timed(lambda: session.ordered(words=["company", "7"])),
        timed(lambda: session.ordered(words=["nothing-like-this"])),
        timed(lambda: agenda(session, 7)),
        timed(lambda: what_worked(session)),
        timed(reminder, repeat=1),
    )


if __name__ == "__main__":
    main()
