"""The big message box: takes pasted or dropped text (plain text only) and shows highlights.

A paste or drop goes in only as far as the check can judge (``core.max_input_bytes``, in UTF-8
bytes), cut where a reader would cut it: at the end of a line if one is near, otherwise between
two characters as they are shown (never inside an accented letter or an emoji). Qt lays out a
paragraph in one piece on the GUI thread, so this also bounds how long a paste of one enormous
line can hold up the window. A paste with no text, or with no room left, changes nothing.
:class:`PasteNotice` says in plain words what happened.

A paste or drop that carries a picture (an image, or an image file) is not text: the box offers
it (``picture_offered``) for the window to have it read, and takes the text read from it with
:meth:`MessageInput.take_picture_text`, which marks the characters the reader was unsure of
until the text is edited.

Qt's usual wrapping (at word boundaries, a word too long for a line anywhere) takes time that
grows with the square of a word's length: 80,000 characters without a space hold the window up
for about half a second, a million for minutes. A paste holding such a run switches the box to
wrapping anywhere, which lays out in linear time; the box goes back to word wrapping once it has
been cleared with nothing left to undo (an undo could bring the run back).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Property, QMimeData, Qt, QTextBoundaryFinder, Signal
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QWidget

import core
from core.verdict import CheckError, Span

from .picture_input import picture_in
from .plain import make_plain
from .spans import to_document

log = logging.getLogger(__name__)

# Used only when the data files cannot be read (the check then says so itself): the box still
# never takes a paste so long that laying it out would hold the window up for seconds.
FALLBACK_LIMIT_BYTES = 1_000_000
_LINE_END_SHARE = 10  # a cut moves back to a line end found within the last tenth of what fits
_LONG_RUN = 10_000  # characters without a space: far longer than any web address in a message


@dataclass(frozen=True, slots=True)
class PasteOutcome:
    """One paste or drop: how many characters were offered and how many went into the box."""

    offered: int
    taken: int

    @property
    def whole(self) -> bool:
        return self.taken == self.offered > 0

    @property
    def cut(self) -> bool:
        return 0 < self.taken < self.offered

    @property
    def refused(self) -> bool:
        """Text was offered but there was no room for any of it: the box is as it was."""
        return self.taken == 0 < self.offered

    @property
    def no_text(self) -> bool:
        return self.offered == 0


def fitting_start(text: str, room: int) -> str:
    """The longest start of ``text`` whose UTF-8 form fits in ``room`` bytes, cut sensibly.

    The cut falls at the end of a line when there is one in the last tenth of what fits,
    otherwise at a grapheme boundary (so a base letter keeps its accents, an emoji sequence or
    flag stays whole, and a CR LF pair is not split).
    """
    if room <= 0:
        return ""
    if len(text) * 4 <= room:
        return text
    end = _fitting_code_points(text, room)
    if end == len(text):
        return text
    end = _grapheme_boundary_before(text, end)
    line_end = text.rfind("\n", end - end // _LINE_END_SHARE, end)
    if line_end > 0:
        end = line_end - (text[line_end - 1] == "\r")  # the line without its line break
    return text[:end]


def _fitting_code_points(text: str, room: int) -> int:
    """How many code points from the start of ``text`` fit in ``room`` UTF-8 bytes."""
    head = text[:room]  # every code point takes at least one byte
    encoded = head.encode("utf-8", errors="surrogatepass")
    if len(encoded) <= room:
        return len(head)
    for back in range(4):  # step back over a character cut in the middle
        try:
            return len(encoded[: room - back].decode("utf-8", errors="surrogatepass"))
        except UnicodeDecodeError:
            continue
    return 0


def _grapheme_boundary_before(text: str, end: int) -> int:
    """The last grapheme boundary at or before ``end`` (a code point index into ``text``)."""
    # There is always a boundary after a line feed or a tab (UAX #29, rule GB4), so the search
    # can start at the last one; one character after ``end`` shows whether ``end`` is a boundary.
    start = max(text.rfind("\n", 0, end), text.rfind("\t", 0, end)) + 1
    before = text[start:end]
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, before + text[end : end + 1])
    finder.setPosition(_utf16_length(before))
    if finder.isAtBoundary():
        return end
    units_back = _utf16_length(before) - max(finder.toPreviousBoundary(), 0)
    while units_back > 0:
        end -= 1
        units_back -= 2 if ord(text[end]) > 0xFFFF else 1
    return end


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2


def has_long_run(text: str) -> bool:
    """Whether ``text`` holds ``_LONG_RUN`` or more characters in a row without white space."""
    return len(text) >= _LONG_RUN and max(map(len, text.split()), default=0) >= _LONG_RUN


def _text_of(source: QMimeData | None) -> str:
    return source.text() if source is not None and source.hasText() else ""


def _utf8_length(text: str) -> int:
    return len(text.encode("utf-8", errors="surrogatepass"))


def checker_limit() -> int:
    """What the check can judge, in UTF-8 bytes; the fallback if the data files are broken."""
    try:
        return core.max_input_bytes()
    except CheckError:
        log.warning("the data files cannot be read; the message box keeps its own limit")
        return FALLBACK_LIMIT_BYTES


class MessageInput(QPlainTextEdit):
    """Plain text in, highlighted ranges out. Nothing in it is ever a link."""

    pasted = Signal(object)  # PasteOutcome, after every paste or drop (Ctrl+V, the button, a drop)
    picture_offered = Signal(object)  # picture_input.PictureSource: a pasted or dropped picture
    picture_text_taken = Signal(bool)  # after take_picture_text: whether doubtful characters are marked

    def __init__(self, parent: QWidget | None = None, limit: Callable[[], int] = checker_limit) -> None:
        super().__init__(parent)
        self._limit = limit
        self.setObjectName("messageInput")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._colors = {"highlight": QColor("#ffe066"), "emphasis": QColor("#ffa94d"),
                        "doubtful": QColor("#c00000")}
        self._spans: list[Span] = []
        self._emphasised: list[Span] = []
        self._doubtful: list[Span] = []
        self._word_wrap = self.wordWrapMode()
        self.textChanged.connect(self._wrap_words_again_if_cleared)
        self.textChanged.connect(self._forget_doubtful)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or picture_in(source) is not None

    def insertFromMimeData(self, source: QMimeData) -> None:
        picture = picture_in(source)
        if picture is not None:
            self.picture_offered.emit(picture)
            return
        self._take(_text_of(source), replace_all=False)

    def replace_with_clipboard(self) -> None:
        """What the 貼り付け button does: the copied text takes the place of what is there.

        With no copied text the box keeps what it has, cursor and all; a copied picture is offered
        to be read.
        """
        source = QGuiApplication.clipboard().mimeData()
        picture = picture_in(source)
        if picture is not None:
            self.picture_offered.emit(picture)
            return
        self._take(_text_of(source), replace_all=True)

    def take_picture_text(self, text: str, doubtful: Sequence[Span]) -> None:
        """Text read from a picture takes the place of what is there (Ctrl+Z brings it back).

        ``doubtful`` (core offsets into ``text``) stay marked until the text is edited.
        """
        taken = fitting_start(text, self.limit_bytes())
        self.selectAll()
        self._insert(taken)
        self.pasted.emit(PasteOutcome(offered=len(text), taken=len(taken)))
        self._doubtful = to_document(taken, doubtful)
        self._draw()
        self._reveal(0)  # the user compares it with the picture from the top
        self.picture_text_taken.emit(bool(self._doubtful))

    def doubtful(self) -> list[Span]:
        """The ranges marked as read with little confidence, in document positions."""
        return list(self._doubtful)

    def _forget_doubtful(self) -> None:
        """The text changed: drop the doubtful marks (drawn last) and keep the rest as Qt moved them.

        Drawing again from the stored ranges would place them in text that is no longer there.
        """
        if self._doubtful:
            kept = self.extraSelections()[: -len(self._doubtful)]
            self._doubtful = []
            self.setExtraSelections(kept)

    def limit_bytes(self) -> int:
        """How much text the box takes from a paste or drop, in UTF-8 bytes."""
        return self._limit()

    def _take(self, offered: str, replace_all: bool) -> None:
        room = self.limit_bytes() if replace_all else self._room(offered)
        taken = fitting_start(offered, room)
        if taken:
            if replace_all:
                self.selectAll()
            self._insert(taken)
        self.pasted.emit(PasteOutcome(offered=len(offered), taken=len(taken)))

    def _room(self, offered: str) -> int:
        """Bytes a paste may add: the limit less what stays in the box around the selection."""
        limit = self.limit_bytes()
        selected = self.textCursor().selectedText()
        kept_units = self.document().characterCount() - 1 - len(selected)
        if 4 * len(offered) + 3 * max(kept_units, 0) <= limit:  # UTF-8 takes at most 3 bytes a UTF-16 unit
            return limit
        kept = _utf8_length(self.toPlainText()) - _utf8_length(selected.replace("\u2029", "\n"))
        return limit - kept

    def wraps_anywhere(self) -> bool:
        """Whether long lines are broken anywhere rather than between words (see the module)."""
        return self.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere

    def _insert(self, text: str) -> None:
        if has_long_run(text):
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        # Qt lays out a long paragraph again when the scroll bar appears and narrows the box;
        # showing the bar while the text goes in lets that layout happen once, not twice.
        policy = self.verticalScrollBarPolicy()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.insertPlainText(text)
        self.setVerticalScrollBarPolicy(policy)
        self.ensureCursorVisible()

    def _wrap_words_again_if_cleared(self) -> None:
        document = self.document()
        if self.wordWrapMode() != self._word_wrap and document.isEmpty() and not document.isUndoAvailable():
            self.setWordWrapMode(self._word_wrap)

    def show_spans(self, text: str, spans: Sequence[Span], emphasised: Sequence[Span] = ()) -> None:
        """Highlight ``spans`` (core offsets into ``text``, which is what the box holds)."""
        self._spans, self._emphasised = to_document(text, spans), to_document(text, emphasised)
        self._draw()
        if self._emphasised:
            self._reveal(self._emphasised[0][0])

    def clear_spans(self) -> None:
        self._spans, self._emphasised = [], []
        self._draw()

    def highlighted(self) -> list[Span]:
        """The ranges currently drawn, in document positions (for tests and screen readers)."""
        drawn = self.extraSelections()[: len(self._spans) + len(self._emphasised)]
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in drawn]

    def _draw(self) -> None:
        selections = [self._selection(span, self._colors["highlight"]) for span in self._spans]
        selections += [self._selection(span, self._colors["emphasis"]) for span in self._emphasised]
        selections += [self._doubtful_mark(span) for span in self._doubtful]
        self.setExtraSelections(selections)

    def _doubtful_mark(self, span: Span) -> QTextEdit.ExtraSelection:
        """A wavy underline only, so that a highlight under the same characters still shows."""
        selection = self._selection(span, QColor())
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(self._colors["doubtful"])
        selection.format = fmt
        return selection

    def _selection(self, span: Span, color: QColor) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        fmt.setForeground(QColor("#000000"))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _reveal(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _color(self, role: str) -> QColor:
        return self._colors[role]

    def _set_color(self, role: str, color: QColor) -> None:
        self._colors[role] = QColor(color)
        self._draw()

    highlightColor = Property(
        QColor, lambda self: self._color("highlight"), lambda self, c: self._set_color("highlight", c)
    )
    emphasisColor = Property(
        QColor, lambda self: self._color("emphasis"), lambda self, c: self._set_color("emphasis", c)
    )
    doubtfulColor = Property(
        QColor, lambda self: self._color("doubtful"), lambda self, c: self._set_color("doubtful", c)
    )


class PasteNotice(QLabel):
    """A plain line under the message box saying when a paste was cut short or not taken.

    It stays until the next paste or drop, or until the box is emptied.
    """

    def __init__(self, box: MessageInput, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pasteNotice")
        make_plain(self)
        self._outcome: PasteOutcome | None = None
        self._box = box
        self.hide()
        box.pasted.connect(self._show_outcome)
        box.textChanged.connect(self._hide_if_emptied)

    def outcome(self) -> PasteOutcome | None:
        """The paste the notice is about, or None when it is hidden."""
        return self._outcome

    def retranslate(self) -> None:
        outcome = self._outcome
        if outcome is None:
            self.clear()
        elif outcome.no_text:
            self.setText(self.tr("コピーされた文章がないので、何も貼り付けませんでした。メッセージの文章をコピーしてから、もう一度お試しください。"))
        elif outcome.refused:
            self.setText(self.tr("欄がいっぱいなので、貼り付けませんでした。欄の文章はそのままです。"))
        else:
            self.setText(
                self.tr("とても長い文章なので、最初の %1 文字だけを欄に入れました(全体は %2 文字)。このまま「確認する」を押せます。")
                .replace("%1", f"{outcome.taken:,}").replace("%2", f"{outcome.offered:,}"))

    def _show_outcome(self, outcome: PasteOutcome) -> None:
        self._set_outcome(None if outcome.whole else outcome)

    def _hide_if_emptied(self) -> None:
        if self._outcome is not None and self._box.document().isEmpty():
            self._set_outcome(None)

    def _set_outcome(self, outcome: PasteOutcome | None) -> None:
        self._outcome = outcome
        self.retranslate()
        self.setVisible(outcome is not None)
