"""The panes and their parts; each posts intent messages up and takes state down."""

from importlib import import_module
from typing import Any

__all__ = ["Checklist", "InterviewList", "ListPane", "ListRow", "NotesPane", "QualificationsEditor"]

_HOMES = {
    "Checklist": "checklist",
    "InterviewList": "interview_list",
    "ListPane": "list_pane",
    "ListRow": "interview_list",
    "NotesPane": "notes_pane",
    "QualificationsEditor": "qualifications",
}


def __getattr__(name: str) -> Any:
    """Import a widget's module only when it is asked for, to keep the first frame quick."""
    if name in _HOMES:
        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(name)
