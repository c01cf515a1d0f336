"""Pictures and a stand-in reader for the tests that run without the ocr extra.

``FakeReader`` answers every picture with the pieces of text it was given, as the real reader
would find them on a phone screenshot (boxes in pixels, each character's confidence), so the
steps around reading (checking the file, reading order, clutter, doubtful characters, the
window's states) are tested everywhere; the real reader's tests skip without the extra.
"""

from __future__ import annotations

import struct
import threading
import zlib

from core.picture_text import TextPiece


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG file: signature and header chunk (no picture data)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A whole, valid PNG (white), made without any image library."""
    rows = b"".join(b"\x00" + b"\xff" * 3 * width for _ in range(height))
    idat = b"IDAT" + zlib.compress(rows)
    end = b"IEND"
    return (png_header(width, height) + struct.pack(">I", len(idat) - 4) + idat
            + struct.pack(">I", zlib.crc32(idat)) + struct.pack(">I", 0) + end + struct.pack(">I", zlib.crc32(end)))


def piece(text: str, left: float, top: float, right: float, bottom: float,
          confidences: tuple[float, ...] | None = None) -> TextPiece:
    return TextPiece(text, left, top, right, bottom, confidences or tuple(0.99 for _ in text))


# A 1080 x 2400 screenshot of a delivery scam SMS as the reader finds it: the status bar, the
# sender, 'SMS/MMS', the day, two bubbles with their times, and the link with one doubtful letter.
SCAM_SCREEN = [
    piece("9:41", 36, 15, 125, 72),
    piece("4G 87%", 899, 18, 1039, 70),
    piece("+81 80-1234-0000", 340, 120, 735, 177),
    piece("SMS/MMS", 460, 188, 620, 238),
    piece("今日", 493, 306, 582, 379),
    piece("【佐川急便】お荷物のお届けに", 99, 440, 740, 515),
    piece("あがりましたが不在のため", 80, 518, 644, 575),
    piece("持ち帰りました。下記より", 73, 575, 641, 648),
    piece("ご確認ください。", 75, 640, 436, 715),
    piece("9:41", 774, 700, 849, 745),
    piece("https://sagawa-kz.com/track?id=5821", 72, 845, 899, 907,
          tuple(0.55 if i == 15 else 0.99 for i in range(35))),
    piece("9:42", 935, 895, 1015, 947),
]
SCAM_TEXT = ("+81 80-1234-0000\n\n【佐川急便】お荷物のお届けに\nあがりましたが不在のため\n持ち帰りました。下記より\n"
             "ご確認ください。\n\nhttps://sagawa-kz.com/track?id=5821")


class FakeReader:
    """Reads every picture as ``pieces``; optionally waits for ``release`` first (to test waiting)."""

    def __init__(self, pieces: list[TextPiece], hold: bool = False) -> None:
        self.pieces = pieces
        self.release = threading.Event()
        if not hold:
            self.release.set()
        self.pictures: list[bytes] = []

    def read(self, data, info):
        self.release.wait(10)
        self.pictures.append(data)
        return list(self.pieces)
