"""`followup thank`: a thank-you that went out, recorded as the app's `t` records it (D20)."""

from __future__ import annotations

import argparse

from ..domain.errors import ValidationError
from ..domain.fields import moment
from ..domain.models import Channel
from ..domain.rounds import short_date
from .common import open_session, short_id
from .parser import CHANNEL_WORDS

__all__ = ["parse_channel", "run"]


def parse_channel(text: str) -> Channel:
    """'email', 'LinkedIn', 'text message'; else a message listing the ones there are."""
    key = "_".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
    for channel in Channel:
        if key in (channel.value, "_".join(channel.label.lower().split())):
            return channel
    raise ValidationError(
        "--channel", f"“{text}” is not a way a thank-you goes out. Use one of: {', '.join(CHANNEL_WORDS)}."
    )


def run(args: argparse.Namespace) -> int:
    channel = parse_channel(args.channel)
    with open_session(args) as session:
        interview = session.find(args.id)
        now = session.now()
        sent = moment(args.when, now, "--when", past=True, day_first=session.profile.day_first) or now
        if sent > now:
            raise ValidationError("--when", "That is still to come; record a thank-you once it has gone out.")
        session.record_thank_you(interview.id, channel, sent)
        step = session.step(interview.id)
    print(
        f"Recorded a thank-you by {channel.label.lower()} on {short_date(sent.date())} for {interview.title} ({short_id(interview.id)})."
    )
    due = step.due_phrase(now)
    print(f"Next: {step.label}{f' ({due})' if due else ''}. {step.reason}")
    return 0
