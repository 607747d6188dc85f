"""The pre-call checklist of one interview, changed as the user changes it (D1-D9 and their own items)."""

from __future__ import annotations

from collections.abc import Callable

from .fields import item_label
from .models import ChecklistItem, Interview

__all__ = ["add_item", "label_check", "remove_item", "rename_item", "tick"]


def tick(interview: Interview, key: str, ticked: bool, custom: bool = False) -> None:
    """A practice item by its rule id, or one of the user's own by its id."""
    if not custom:
        interview.checks = {**interview.checks, key: ticked}  # a new table: the old may be shared
    for item in interview.custom_items if custom else ():
        if item.id == key:
            item.ticked = ticked


def label_check(interview: Interview, item_id: str | None = None) -> Callable[[str], str]:
    """The check a new (or renamed) item's name must pass: named, plain text, not on the list already."""
    others = [item.label for item in interview.custom_items if item.id != item_id]
    return lambda label: item_label(label, others)


def add_item(interview: Interview, label: str) -> None:
    interview.custom_items = (*interview.custom_items, ChecklistItem(label_check(interview)(label)))


def rename_item(interview: Interview, item_id: str, label: str) -> None:
    label = label_check(interview, item_id)(label)
    for item in interview.custom_items:
        if item.id == item_id:
            item.label = label


def remove_item(interview: Interview, item_id: str) -> None:
    interview.custom_items = tuple(item for item in interview.custom_items if item.id != item_id)
