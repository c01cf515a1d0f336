"""The next-steps panel when the guidance data cannot be read: the window still opens and checks.

A broken or missing file under ``resources/guidance`` used to stop the window from being built,
although the check needs none of it. The printed sheet does need it: the window keeps its print
buttons off while this panel stands in. :func:`walkthrough_view` gives the usual walk-through when
the guidance reads, and otherwise a plain panel with the same surface saying that the guide is
missing and what to do meanwhile.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.guidance import GuidanceFileError, load_guidance
from core.verdict import Verdict

from .plain import plain_label
from .walkthrough import WalkthroughView

log = logging.getLogger(__name__)


def walkthrough_view(parent: QWidget | None = None) -> QWidget:
    """The walk-through, or :class:`GuidanceMissingView` when the guidance cannot be read."""
    try:
        load_guidance()
    except GuidanceFileError:
        log.exception("the guidance data could not be read; the window opens without it")
        return GuidanceMissingView(parent)
    return WalkthroughView(parent)


class GuidanceMissingView(QWidget):
    """Says the guide is missing; offers no path and no steps (as the walk-through would)."""

    path_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkthroughView")
        self._text = plain_label(object_name="guidanceMissing", parent=self)
        QVBoxLayout(self).addWidget(self._text)
        self.retranslate("")

    def set_verdict(self, verdict: Verdict | None, lang: str) -> None:
        pass  # nothing to tailor

    def retranslate(self, lang: str) -> None:
        self._text.setText(QCoreApplication.translate(
            "GuidanceMissingView",
            "次にすることの案内を読み込めませんでした(アプリの中のファイルが壊れています)。"
            "案内の紙も作れません。\n"
            "確認の結果はいつもどおり出ます。迷ったときは、お金を払ったり電話をかけたりする前に、"
            "家族や身近な人に相談してください。"))

    def chosen_path(self) -> list[tuple[str, str]]:
        return []

    def chosen_steps(self) -> list[str]:
        return []

    def checklist_result(self) -> None:
        return None

    def first_control(self) -> QWidget | None:
        return None  # nothing to press here: the focus stays where it is

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate("")
        super().changeEvent(event)
