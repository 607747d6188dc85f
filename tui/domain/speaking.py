"""How long a script takes said aloud, and which line of a long voicemail to cut (D6, D14).

An easy speaking pace is about 150 words a minute; a number is read digit by digit ("four one five"),
so each digit counts as a word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .templates import _INVITATION, _THANKS

__all__ = [
    "VOICEMAIL_SECONDS",
    "WORDS_PER_MINUTE",
    "SpokenLength",
    "line_to_cut",
    "said_words",
    "spoken_length",
    "spoken_seconds",
    "took_word",
]

#: D6: a voicemail said aloud takes about 20-30 seconds; longer loses the listener.
VOICEMAIL_SECONDS = (20, 30)
#: An easy speaking pace.
WORDS_PER_MINUTE = 150
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def said_words(text: str) -> int:
    """The words a reader says: each word once, each digit of a number on its own."""
    return len(_WORD.findall(text)) + sum(ch.isdigit() for ch in text)


def spoken_seconds(text: str) -> int:
    """About how many seconds the text takes said aloud at 150 words a minute."""
    return round(said_words(text) * 60 / WORDS_PER_MINUTE)


@dataclass(frozen=True)
class SpokenLength:
    """A voicemail's estimated length and a word on it, for wherever the draft is shown."""

    seconds: int
    long: bool

    @property
    def line(self) -> str:
        head = f"Said aloud: about {self.seconds} seconds"
        low, high = VOICEMAIL_SECONDS
        if self.long:
            return f"{head}. A little long; {low}-{high} keeps them listening."
        if self.seconds < low:
            return f"{head}. Short and clear."
        return f"{head}. A good length for a voicemail."


def spoken_length(text: str) -> SpokenLength:
    seconds = spoken_seconds(text)
    return SpokenLength(seconds, seconds > VOICEMAIL_SECONDS[1])


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE.findall(text) if said_words(part)]


def line_to_cut(text: str, keep: Sequence[str] = ()) -> str:
    """The sentence a long message can best do without: one that adds none of the six parts (D14).

    `keep` holds the record's words a part is heard in (your name, the job title, when you met); a
    sentence is needed if it says one of them, the thanks, the invitation or the number for the first
    time. Of the rest, the longest; if every sentence is needed, the longest of all, to say shorter.
    """
    said: set[str] = set()
    spare: list[str] = []
    sentences = _sentences(text)
    for sentence in sentences:
        parts = {word for word in keep if word and word.lower() in sentence.lower()}
        if _THANKS.search(sentence):
            parts.add("thanks")
        if _INVITATION.search(sentence):
            parts.add("invitation")
        if any(ch.isdigit() for ch in sentence):
            parts.add("number")
        if parts - said:
            said |= parts
        else:
            spare.append(sentence)
    pool = spare or sentences
    return max(pool, key=said_words) if pool else ""


def took_word(seconds: int, text: str, keep: Sequence[str] = ()) -> str:
    """After a voicemail practised aloud: how long it took, calmly, and what to cut when it ran long."""
    low, high = VOICEMAIL_SECONDS
    if seconds <= high:
        return (
            f"That took {seconds} seconds: well within {high}." if seconds >= low else f"That took {seconds} seconds."
        )
    cut = line_to_cut(text, keep)
    advice = f" Next time, try leaving out “{cut}”" if cut else ""
    return f"That took {seconds} seconds, a little over {high}. No harm: slow and clear beats fast.{advice}"
