"""A business card file (.vcf) read into the interview's fields, for the form and for `add --card`."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import ValidationError
from ..formats.vcffile import card_fields
from ..reading import NotAFileError, read_regular
from ..store.storage import describe

__all__ = ["read_card"]

#: A business card larger than this is not one.
_CARD_AT_MOST = 1024 * 1024


def read_card(path: str, field: str = "card") -> dict[str, str]:
    """The interviewer's fields from the card at `path`; every way it can fail is a ValidationError of `field`."""
    try:
        raw = read_regular(Path(path.strip()).expanduser(), _CARD_AT_MOST)
        return card_fields(raw.decode("utf-8-sig"))
    except NotAFileError as error:
        raise ValidationError(field, f"{error}; name the .vcf file.") from None
    except OSError as error:
        raise ValidationError(field, f"{path} cannot be read: {describe(error)}.") from None
    except UnicodeDecodeError:
        raise ValidationError(field, f"{path} is not UTF-8 text; export the card again as UTF-8.") from None
    except ValueError as error:
        raise ValidationError(field, f"{path}: {error}.") from None
