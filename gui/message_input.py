"""The big message box: takes pasted or dropped text (plain text only) and shows highlights."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Property, QMimeData
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from core.verdict import Span

from .spans import to_document


class MessageInput(QPlainTextEdit):
    """Plain text in, highlighted ranges out. Nothing in it is ever a link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageInput")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._colors = {"highlight": QColor("#ffe066"), "emphasis": QColor("#ffa94d")}
        self._spans: list[Span] = []
        self._emphasised: list[Span] = []

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        self.insertPlainText(source.text())

    def replace_with_clipboard(self) -> None:
        self.selectAll()
        self.paste()

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
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.extraSelections()]

    def _draw(self) -> None:
        selections = [self._selection(span, self._colors["highlight"]) for span in self._spans]
        selections += [self._selection(span, self._colors["emphasis"]) for span in self._emphasised]
        self.setExtraSelections(selections)

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
