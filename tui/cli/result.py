"""`followup result`: how the application ended; "next-round" opens the next interview, carried over."""

from __future__ import annotations

import argparse

from ..domain.fields import result_day
from ..domain.results import result_word
from ..session.results import set_result
from .common import open_session, read_text_arg, short_id

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        interview = session.find(args.id)
        result = result_word(args.result, "result")
        on = result_day(args.when, session.now(), "--when", day_first=session.profile.day_first)
        settled = set_result(session, interview.id, result, on, read_text_arg(args.notes) or "")
        step = session.step(interview.id)
    print(f"{settled.interview.title}: {step.reason}")
    later = settled.next_round
    if later is not None:
        what = "Opened" if settled.opened else "Already there:"
        print(
            f"{what} round {later.round}, id {short_id(later.id)}, with the interviewer, references and qualifications carried over."
        )
    return 0
