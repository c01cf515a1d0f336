"""sagicheck core: pure Python, no Qt. Text in, :class:`Verdict` out.

    >>> from core import check
    >>> check("ご利用料金の確認が取れておりません。本日中に050-1234-5678までご連絡ください").level
    <Level.DANGER: 'danger'>
"""

from .check import check, load, max_input_bytes
from .links import defang_text
from .verdict import (
    CheckError, ErrorCode, Level, Link, LinkRisk, Listing, NumberKind, PhoneNumber, Reason,
    ReasonKind, Text, Verdict,
)

__all__ = [
    "check", "load", "max_input_bytes", "defang_text", "CheckError", "ErrorCode", "Level", "Link", "LinkRisk", "Listing",
    "NumberKind", "PhoneNumber", "Reason", "ReasonKind", "Text", "Verdict",
    "PictureText", "read_picture", "read_picture_file", "reader_installed",
]

_PICTURE_READING = ("PictureText", "read_picture", "read_picture_file", "reader_installed")


def __getattr__(name: str):
    """Reading pictures (``core.picture_text``) is loaded when first asked for, not at start-up."""
    if name in _PICTURE_READING:
        from . import picture_text

        return getattr(picture_text, name)
    raise AttributeError(f"module 'core' has no attribute {name!r}")
