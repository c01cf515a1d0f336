"""Draw the sagicheck icon and write resources/icons/sagicheck.{png,ico,icns}.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py

A magnifying glass over a message bubble with an exclamation mark, on a deep orange rounded
square: shapes only (no font), so it looks the same wherever it is drawn. The .ico and .icns are
written here from PNGs (both formats can hold PNG images), so no image library is needed. The
outputs are committed; run this again only to change the drawing.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512), (b"ic10", 1024))
BACKGROUND = QColor("#c2410c")  # deep orange: a warning, not an error
WHITE = QColor("#ffffff")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100, size / 100)  # draw on a 100 x 100 grid
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BACKGROUND)
    p.drawRoundedRect(QRectF(4, 4, 92, 92), 20, 20)

    # Message bubble with a tail, lower left.
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(14, 18, 50, 36), 9, 9)
    tail = QPainterPath()
    tail.moveTo(22, 50)
    tail.lineTo(18, 64)
    tail.lineTo(34, 52)
    tail.closeSubpath()
    p.setBrush(WHITE)
    p.drawPath(bubble.united(tail))
    # Exclamation mark inside the bubble.
    p.setBrush(BACKGROUND)
    p.drawRoundedRect(QRectF(36, 24, 6, 17), 3, 3)
    p.drawEllipse(QPointF(39, 47), 3.4, 3.4)

    # Magnifying glass, upper right over lower right.
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(BACKGROUND, 11))
    p.drawEllipse(QPointF(62, 60), 15, 15)
    p.setPen(QPen(WHITE, 6))
    p.drawEllipse(QPointF(62, 60), 15, 15)
    handle = QPen(WHITE, 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(handle)
    p.drawLine(QPointF(73, 71), QPointF(84, 82))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor(255, 255, 255, 70)))
    p.drawEllipse(QPointF(62, 60), 12, 12)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """ICO with PNG-compressed entries (Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    directory, blobs = b"", b""
    for size, blob in images.items():
        side = 0 if size >= 256 else size  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + directory + blobs


def icns(images: list[tuple[bytes, bytes]]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(blob)) + blob for kind, blob in images)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    ICONS.mkdir(parents=True, exist_ok=True)
    rendered = {size: png_bytes(draw(size)) for size in {*ICO_SIZES, *(s for _k, s in ICNS_TYPES)}}
    (ICONS / "sagicheck.png").write_bytes(rendered[256])
    (ICONS / "sagicheck.ico").write_bytes(ico({s: rendered[s] for s in ICO_SIZES}))
    (ICONS / "sagicheck.icns").write_bytes(icns([(k, rendered[s]) for k, s in ICNS_TYPES]))
    for name in ("sagicheck.png", "sagicheck.ico", "sagicheck.icns"):
        print(f"{ICONS.name}/{name}: {(ICONS / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
