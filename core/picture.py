"""What kind of picture a file holds and how big it is, from its first bytes: before any decoding.

A picture is judged on its header alone, in pure Python, so that a file that is not a picture we
read (a PDF, an iPhone HEIC photo, a TIFF), a broken one, or one so large that decoding it would
take seconds and gigabytes, is turned away with a clear reason before the reader sees it.
Read: PNG, JPEG, BMP, WebP and GIF (its first frame).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from .messages import message
from .rules import RuleFileError
from .verdict import CheckError, ErrorCode

FILE = "reading/picture.toml"


class PictureFormat(StrEnum):
    PNG = "png"
    JPEG = "jpeg"
    BMP = "bmp"
    WEBP = "webp"
    GIF = "gif"


@dataclass(frozen=True, slots=True)
class PictureInfo:
    format: PictureFormat
    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


@dataclass(frozen=True, slots=True)
class PictureLimits:
    max_bytes: int
    max_pixels: int
    max_side: int


@dataclass(frozen=True, slots=True)
class ReaderSettings:
    """How the PP-OCRv5 models are used (``[reader]`` in ``resources/reading/picture.toml``)."""

    detect_longest_side: int
    text_above: float
    box_at_least: float
    grow_by: float
    line_height: int
    line_min_width: int
    lines_per_batch: int


@dataclass(frozen=True, slots=True)
class ReadingSettings:
    """How lines read from a picture become the message's text (``resources/reading/picture.toml``)."""

    limits: PictureLimits
    drop_line_below: float
    doubtful_below: float
    status_bar_share: float
    status_bar_max_chars: int
    centred_share: float
    bubble_gap_lines: float
    clutter: tuple[str, ...]
    reader: ReaderSettings


_KEYS = {
    "limits": {"max_bytes", "max_pixels", "max_side"},
    "reading": {"drop_line_below", "doubtful_below", "status_bar_share", "status_bar_max_chars",
                "centred_share", "bubble_gap_lines"},
    "clutter": {"patterns"},
    "reader": {"detect_longest_side", "text_above", "box_at_least", "grow_by", "line_height",
               "line_min_width", "lines_per_batch"},
}


@cache
def reading_settings() -> ReadingSettings:
    """The settings file, read once; a broken one raises ``RuleFileError`` naming the problem."""
    import re
    import tomllib

    path = resources.files("resources").joinpath(*FILE.split("/"))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleFileError(FILE, f"not valid TOML: {exc}") from None
    if set(data) != set(_KEYS):
        raise RuleFileError(FILE, f"needs exactly the tables {sorted(_KEYS)}, has {sorted(data)}")
    for table, keys in _KEYS.items():
        if set(data[table]) != keys:
            raise RuleFileError(FILE, f"[{table}] needs exactly {sorted(keys)}, has {sorted(data[table])}")
    limits, reading, reader = data["limits"], data["reading"], data["reader"]
    if not all(isinstance(v, int) and v > 0 for v in limits.values()):
        raise RuleFileError(FILE, "[limits] are positive whole numbers")
    for key in ("detect_longest_side", "line_height", "line_min_width", "lines_per_batch"):
        if not isinstance(reader[key], int) or reader[key] <= 0:
            raise RuleFileError(FILE, f"[reader] {key} is a positive whole number")
    for key in ("text_above", "box_at_least"):
        if not isinstance(reader[key], (int, float)) or not 0 <= reader[key] <= 1:
            raise RuleFileError(FILE, f"[reader] {key} is a probability between 0 and 1")
    if not isinstance(reader["grow_by"], (int, float)) or reader["grow_by"] < 0:
        raise RuleFileError(FILE, "[reader] grow_by is a number, 0 or more")
    for key in ("drop_line_below", "doubtful_below", "status_bar_share", "centred_share"):
        if not isinstance(reading[key], (int, float)) or not 0 <= reading[key] <= 1:
            raise RuleFileError(FILE, f"[reading] {key} is a share between 0 and 1")
    patterns = data["clutter"]["patterns"]
    for pattern in patterns:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise RuleFileError(FILE, f"clutter pattern {pattern!r}: {exc}") from None
    return ReadingSettings(
        limits=PictureLimits(**limits),
        drop_line_below=float(reading["drop_line_below"]),
        doubtful_below=float(reading["doubtful_below"]),
        status_bar_share=float(reading["status_bar_share"]),
        status_bar_max_chars=int(reading["status_bar_max_chars"]),
        centred_share=float(reading["centred_share"]),
        bubble_gap_lines=float(reading["bubble_gap_lines"]),
        clutter=tuple(patterns),
        reader=ReaderSettings(**{key: reader[key] for key in _KEYS["reader"]}),
    )


def picture_error(code: ErrorCode, **values: object) -> CheckError:
    return CheckError(code, message(f"error.{code.value}", **values))


def inspect(data: bytes, limits: PictureLimits | None = None) -> PictureInfo:
    """The format and size of the picture in ``data``; ``CheckError`` when it will not be read.

    Codes: ``PICTURE_UNSUPPORTED`` (not one of the formats read: HEIC, PDF, TIFF, anything else),
    ``PICTURE_BROKEN`` (empty, or its header is cut short or impossible), ``PICTURE_TOO_LARGE``.
    """
    limits = limits or reading_settings().limits
    if len(data) > limits.max_bytes:
        raise picture_error(ErrorCode.PICTURE_TOO_LARGE)
    if not data:
        raise picture_error(ErrorCode.PICTURE_BROKEN)
    kind = _format(data)
    if kind is None:
        name = _unsupported_name(data)
        raise picture_error(ErrorCode.PICTURE_UNSUPPORTED, kind=f" ({name})" if name else "")
    try:
        width, height = _SIZE_READERS[kind](data)
    except (struct.error, IndexError, ValueError):
        raise picture_error(ErrorCode.PICTURE_BROKEN) from None
    if width <= 0 or height <= 0:
        raise picture_error(ErrorCode.PICTURE_BROKEN)
    if width * height > limits.max_pixels or max(width, height) > limits.max_side:
        raise picture_error(ErrorCode.PICTURE_TOO_LARGE)
    return PictureInfo(kind, width, height)


def _format(data: bytes) -> PictureFormat | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PictureFormat.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return PictureFormat.JPEG
    if data.startswith((b"GIF87a", b"GIF89a")):
        return PictureFormat.GIF
    if data.startswith(b"BM"):
        return PictureFormat.BMP
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return PictureFormat.WEBP
    return None


_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")


def _unsupported_name(data: bytes) -> str:
    """A name the user may recognise for a file we do not read ('HEIC', 'PDF', ...), or ''."""
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "AVIF" if data[8:12] == b"avif" else "HEIC"
    if data.lstrip()[:5] == b"%PDF-":
        return "PDF"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    return ""


def _png_size(data: bytes) -> tuple[int, int]:
    if data[12:16] != b"IHDR":
        raise ValueError("no IHDR")
    return struct.unpack(">II", data[16:24])


def _gif_size(data: bytes) -> tuple[int, int]:
    return struct.unpack("<HH", data[6:10])


def _bmp_size(data: bytes) -> tuple[int, int]:
    (header,) = struct.unpack("<I", data[14:18])
    if header == 12:
        return struct.unpack("<HH", data[18:22])
    width, height = struct.unpack("<ii", data[18:26])
    return width, abs(height)


def _webp_size(data: bytes) -> tuple[int, int]:
    chunk = data[12:16]
    if chunk == b"VP8 ":
        if data[23:26] != b"\x9d\x01\x2a":
            raise ValueError("no VP8 start code")
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        if data[20] != 0x2F:
            raise ValueError("no VP8L signature")
        (bits,) = struct.unpack("<I", data[21:25])
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        if len(data) < 30:
            raise ValueError("cut short")
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    raise ValueError("unknown WebP chunk")


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """The frame size from the first start-of-frame segment, walking the segments."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise ValueError("not a segment")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA or length < 2:  # image data before any frame header
            raise ValueError("no frame header")
        at += 2 + length
    raise ValueError("cut short")


_SIZE_READERS = {
    PictureFormat.PNG: _png_size,
    PictureFormat.JPEG: _jpeg_size,
    PictureFormat.GIF: _gif_size,
    PictureFormat.BMP: _bmp_size,
    PictureFormat.WEBP: _webp_size,
}
