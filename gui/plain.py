"""Widgets that show text exactly as written: never rich text, never a clickable link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


def make_plain(label: QLabel) -> QLabel:
    """Make ``label`` show its text as written, wrapped: never rich text, never a link."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    label.setWordWrap(True)
    return label


def plain_label(text: str = "", object_name: str = "", parent: QWidget | None = None) -> QLabel:
    label = make_plain(QLabel(parent))
    label.setText(text)
    if object_name:
        label.setObjectName(object_name)
    return label


def heading_label(parent: QWidget | None = None) -> QLabel:
    label = plain_label(parent=parent)
    label.setProperty("role", "heading")
    return label


def plain_message_box(parent: QWidget | None, object_name: str, title: str, text: str) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox  # its type is made on first use: not at start-up

    box = QMessageBox(parent)
    box.setObjectName(object_name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    box.setWindowTitle(title)
    box.setText(text)
    for label in box.findChildren(QLabel):  # QMessageBox turns link opening on for its own label
        label.setOpenExternalLinks(False)
    return box
