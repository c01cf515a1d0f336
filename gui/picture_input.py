"""Pictures of a message into the message box: the door to the core's reader and what shows it.

A picture comes in three ways: pasted (an image on the clipboard, Ctrl+V or 貼り付け), dropped
(an image file on the message box or the window), or chosen with 画像から読み取る. The
:class:`PictureReader` reads it off the GUI thread (the reader's models load on the first
picture, not at start-up) and reports ``picture_read`` with the core's ``PictureText`` or
``reading_failed`` with a :class:`CheckFailure`; only the latest request is answered, and
``cancel`` forgets the one under way. :class:`ReadingBar` shows that a picture is being read,
with a button to stop; :class:`PictureNotice` says that the text came from a picture and may hold
mistakes, or why a picture was not read.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

import core
from core.verdict import CheckError, ErrorCode

from .plain import make_plain, plain_label
from .runner import CheckFailure
from .wording import INTERNAL, picture_failure_message

if TYPE_CHECKING:
    from .message_input import MessageInput

log = logging.getLogger(__name__)

PictureSource = bytes | Path | QImage  # a file's bytes, a file, or a pasted image
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".jfif", ".bmp", ".webp", ".gif")
# Files offered as pictures when dropped or copied: these, and what a phone sends that we explain.
_OFFERED_SUFFIXES = (*IMAGE_SUFFIXES, ".heic", ".heif", ".avif", ".tif", ".tiff", ".pdf")


def picture_in(source: QMimeData | None) -> PictureSource | None:
    """The picture a paste or drop carries, or None when it carries none (text goes in as text).

    A copied or dropped file comes as a link to it (and as its path in plain text): one that
    looks like a picture is read as a picture. Otherwise text wins over an image, as a web page
    copied with its pictures is meant as text.
    """
    if source is None:
        return None
    if source.hasUrls():
        files = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
        pictures = [f for f in files if f.suffix.lower() in _OFFERED_SUFFIXES]
        if pictures:
            return pictures[0]
    if source.hasImage() and not source.text().strip():
        image = source.imageData()
        if isinstance(image, QImage) and not image.isNull():
            return image
    return None


_BMP_UP_TO = 30_000_000  # bytes of pixels; a larger pasted image is compressed (PNG) first


def image_bytes(image: QImage) -> bytes:
    """A pasted image as bytes the core reads: BMP (nothing to compress) unless it is large.

    A large photo as BMP could pass the core's limit on bytes while its pixels are within the
    limit on pixels; as PNG it is far smaller.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    rgb.save(buffer, "BMP" if rgb.sizeInBytes() <= _BMP_UP_TO else "PNG")
    return bytes(buffer.data())


def attempt_reading(source: PictureSource) -> core.PictureText | CheckFailure:
    """Read the picture; a failure comes back as a value, never as an exception."""
    try:
        if isinstance(source, Path):
            return core.read_picture_file(source)
        data = image_bytes(source) if isinstance(source, QImage) else source
        return core.read_picture(data)
    except CheckError as error:
        return CheckFailure(error.code.value)
    except Exception:
        log.exception("reading the picture failed unexpectedly")
        return CheckFailure(INTERNAL)


class _JobSignals(QObject):
    finished = Signal(int, object)


class _ReadJob(QRunnable):
    def __init__(self, ticket: int, source: PictureSource, signals: _JobSignals) -> None:
        super().__init__()
        self._ticket, self._source, self._signals = ticket, source, signals

    def run(self) -> None:
        self._signals.finished.emit(self._ticket, attempt_reading(self._source))


class PictureReader(QObject):
    reading_started = Signal()
    picture_read = Signal(object)  # core.PictureText
    reading_failed = Signal(object)  # CheckFailure
    reading_stopped = Signal()  # after cancel: nothing more will be said about that picture

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticket = 0
        self._busy = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _JobSignals(self)
        self._signals.finished.connect(self._deliver)

    @staticmethod
    def available() -> bool:
        """Whether the reader (the ``ocr`` extra) is installed."""
        return core.reader_installed()

    def read(self, source: PictureSource) -> None:
        self._ticket += 1
        self._pool.clear()
        if not self.available():
            self._deliver(self._ticket, CheckFailure(ErrorCode.READER_MISSING.value))
            return
        self._busy = True
        self.reading_started.emit()
        self._pool.start(_ReadJob(self._ticket, source, self._signals))

    def is_reading(self) -> bool:
        return self._busy

    def cancel(self) -> None:
        """Forget the picture being read: its text will not go into the box."""
        self._ticket += 1
        self._pool.clear()
        if self._busy:
            self._busy = False
            self.reading_stopped.emit()

    def wait_done(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _deliver(self, ticket: int, outcome: core.PictureText | CheckFailure) -> None:
        if ticket != self._ticket:
            return
        self._busy = False
        if isinstance(outcome, CheckFailure):
            self.reading_failed.emit(outcome)
        else:
            self.picture_read.emit(outcome)


class ReadingBar(QWidget):
    """'Reading the picture…' with a button to stop; shown only while a picture is read."""

    def __init__(self, reader: PictureReader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingBar")
        self.label = plain_label(parent=self)
        self.label.setObjectName("readingLabel")
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("stopReadingButton")
        self.stop_button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.stop_button)
        self.hide()
        self.stop_button.clicked.connect(reader.cancel)
        reader.reading_started.connect(self.show)
        reader.picture_read.connect(self.hide)
        reader.reading_failed.connect(self.hide)
        reader.reading_stopped.connect(self.hide)

    def retranslate(self) -> None:
        self.label.setText(self.tr("画像を読み取っています…"))
        self.label.setAccessibleName(self.label.text())
        self.stop_button.setText(self.tr("読み取りをやめる"))
        self.stop_button.setAccessibleName(self.stop_button.text())


class PictureNotice(QLabel):
    """A plain line under the message box about the last picture: read (compare it) or not read (why).

    It stays until the next paste, drop or picture, or until the box is emptied.
    """

    def __init__(self, reader: PictureReader, box: MessageInput, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pictureNotice")
        make_plain(self)
        self._box = box
        self._failure: CheckFailure | None = None
        self._read: bool | None = None  # text read and put in the box: with doubtful characters marked?
        self.hide()
        reader.reading_started.connect(self.forget)
        reader.reading_failed.connect(self._show_failure)
        box.pasted.connect(self.forget)  # the box also says this just before taking a picture's text
        box.picture_text_taken.connect(self._show_read)
        box.textChanged.connect(self._forget_if_emptied)

    def forget(self) -> None:
        self._set(None, None)

    def retranslate(self) -> None:
        if self._failure is not None:
            self.setText(picture_failure_message(self._failure.code))
        elif self._read:
            self.setText(self.tr("画像から読み取りました。間違いがないか画像と見比べてください。波線は自信のない文字です。"))
        elif self._read is not None:
            self.setText(self.tr("画像から読み取りました。間違いがないか画像と見比べてください。"))
        else:
            self.clear()

    def _show_failure(self, failure: CheckFailure) -> None:
        self._set(failure, None)

    def _show_read(self, marked: bool) -> None:
        self._set(None, marked)

    def _forget_if_emptied(self) -> None:
        if self._read is not None and self._box.document().isEmpty():
            self.forget()

    def _set(self, failure: CheckFailure | None, read: bool | None) -> None:
        self._failure, self._read = failure, read
        self.retranslate()
        self.setVisible(failure is not None or read is not None)
