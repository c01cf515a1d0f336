"""One step of the window's path (the message, the result, the guide): a page that scrolls as a
whole, with a bar below it that never scrolls away and holds the step's main button.

The window shows one page at a time, so there is never a scroll area inside another one and the
button that leads on (確認する, 次へ, 印刷する) stays on screen at any window size and text size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget


class FlowPage(QWidget):
    """``content`` (a column, scrolled) above ``bar`` (a row of buttons, always shown)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName(f"{object_name}Scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # A stop on the Tab chain after the page's controls, so that the arrow and page keys can
        # scroll through text that has no control in it (the steps, the hotlines).
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.content = QWidget()
        self.content.setObjectName(f"{object_name}Content")
        self.column = QVBoxLayout(self.content)
        self.column.setSpacing(12)
        self.scroll.setWidget(self.content)
        self.bar_widget = QWidget(self)
        self.bar_widget.setObjectName("actionBar")
        self.bar = QHBoxLayout(self.bar_widget)
        self.bar.setContentsMargins(12, 8, 12, 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.bar_widget)

    def to_top(self) -> None:
        self.scroll.verticalScrollBar().setValue(0)

    def show_whole(self, widget: QWidget) -> None:
        """Scroll just far enough that ``widget`` shows (its top first if it is taller than the page)."""
        self.scroll.ensureWidgetVisible(widget, 0, 0)


def action_button(object_name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(object_name)
    button.setAutoDefault(False)
    return button
