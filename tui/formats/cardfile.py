"""The role-play card as Markdown (to print or keep in a notes app) or as plain text (to paste)."""

from __future__ import annotations

from ..domain.card import PracticeCard

__all__ = ["card_markdown", "card_text"]


def card_markdown(card: PracticeCard) -> str:
    lines = [f"# {card.title}", ""]
    for heading, items in card.parts:
        lines += [f"## {heading}", "", *(f"- {item}" for item in items), ""]
    return "\n".join(lines)


def card_text(card: PracticeCard) -> str:
    lines = [card.title, "=" * len(card.title), ""]
    for heading, items in card.parts:
        lines += [heading.upper(), *(f"  * {item}" for item in items), ""]
    return "\n".join(lines)
