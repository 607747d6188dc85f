"""The panes and their parts; each posts intent messages up and takes state down."""

from .checklist import Checklist
from .interview_list import InterviewList, ListRow
from .list_pane import ListPane
from .notes_pane import NotesPane
from .qualifications import QualificationsEditor

__all__ = ["Checklist", "InterviewList", "ListPane", "ListRow", "NotesPane", "QualificationsEditor"]
