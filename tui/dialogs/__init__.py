"""Modal dialogs; each is a ModalScreen[T] that dismisses its value."""

from .confirm import ConfirmDialog
from .decision import DecisionDialog
from .drafts import DRAFT_KEYS, DraftsDialog
from .interview_form import InterviewForm
from .outcome import OUTCOME_KEYS, OutcomeDialog
from .profile import ProfileDialog
from .references import ReferencesDialog
from .template_editor import TemplateEditor
from .text_prompt import TextPrompt
from .thank_you import CHANNEL_KEYS, ChannelDialog

__all__ = [
    "CHANNEL_KEYS",
    "DRAFT_KEYS",
    "OUTCOME_KEYS",
    "ChannelDialog",
    "ConfirmDialog",
    "DecisionDialog",
    "DraftsDialog",
    "InterviewForm",
    "OutcomeDialog",
    "ProfileDialog",
    "ReferencesDialog",
    "TemplateEditor",
    "TextPrompt",
]
