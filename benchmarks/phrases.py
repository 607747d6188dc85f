"""How many decision phrases are read right, read wrong or refused, from the corpus the tests use.

    .venv/bin/python benchmarks/phrases.py [--show]

The corpus (tests/decision_phrases.py) is what people say when asked "when do you expect to
decide?", each with the day it means, said on Thursday 12 November 2026 to a US interviewer.
Prints the counts; with --show, every phrase not read as expected. Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from decision_phrases import COUNTRY, READ, REFUSED, SAID  # noqa: E402

from tui.domain.timeline import parse_timeline  # noqa: E402
from tui.domain.workdays import WorkCalendar  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every phrase not read as expected")
    args = parser.parse_args()
    calendar = WorkCalendar(COUNTRY)
    right = wrong = refused = 0
    for phrase, expected in READ:
        found = parse_timeline(phrase, SAID, calendar=calendar)
        if found.date == expected:
            right += 1
            continue
        if found.date is None:
            refused += 1
        else:
            wrong += 1
        if args.show:
            print(f"  {phrase!r}: {found.date or found.message} (meant {expected})")
    misread = [phrase for phrase in REFUSED if parse_timeline(phrase, SAID, calendar=calendar).date is not None]
    if args.show:
        for phrase in misread:
            print(f"  {phrase!r}: read as a date, should be refused")
    print("| phrases | read right | read wrong | refused |")
    print("|---|---:|---:|---:|")
    print(f"| {len(READ)} with a day | {right} | {wrong} | {refused} |")
    print(f"| {len(REFUSED)} with none | – | {len(misread)} | {len(REFUSED) - len(misread)} |")


if __name__ == "__main__":
    main()
