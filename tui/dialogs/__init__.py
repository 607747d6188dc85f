"""Modal dialogs; each is a ModalScreen[T] that dismisses its value."""

from .confirm import ConfirmDialog
from .decision import DecisionDialog
from .interview_form import InterviewForm
from .outcome import OUTCOME_KEYS, OutcomeDialog
from .profile import ProfileDialog
from .references import ReferencesDialog
from .text_prompt import TextPrompt

__all__ = [
    "OUTCOME_KEYS",
    "ConfirmDialog",
    "DecisionDialog",
    "InterviewForm",
    "OutcomeDialog",
    "ProfileDialog",
    "ReferencesDialog",
    "TextPrompt",
]
