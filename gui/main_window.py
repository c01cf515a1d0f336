"""The main window: puts the parts together and passes events between them.

Message box on the left; on the right what the core said, the next steps and printing.
Slots are one line; the work they start lives in the parts (runner, views, stores).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout, QMainWindow, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from pathlib import Path

from core.verdict import ErrorCode, Verdict

from .actions import build_menus, create_actions, retranslate_menus
from .first_paint import AfterFirstPaint
from .history import HistoryStore, entry_for
from .i18n import Translators
from .message_input import MessageInput, PasteNotice
from .paths import AppPaths
from .picture_input import IMAGE_SUFFIXES, PictureNotice, PictureReader, ReadingBar, picture_in
from .plain import heading_label, plain_label, plain_message_box
from .runner import CheckFailure, CheckRunner
from .settings import Settings, SettingsStore
from .storage_notice import StorageNotice
from .styles import stylesheet
from .verdict_view import VerdictView
from .guidance_missing import GuidanceMissingView, walkthrough_view

if TYPE_CHECKING:
    from core import PictureText
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from .printing import SheetRequest

log = logging.getLogger(__name__)


def _button(object_name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(object_name)
    button.setAutoDefault(False)
    return button


class MainWindow(QMainWindow):
    retranslated = Signal(str)  # language code, after every text was redrawn in it

    def __init__(self, paths: AppPaths, settings: Settings, translators: Translators) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.resize(1280, 860)
        self._paths = paths
        self._settings = settings
        self._translators = translators
        self._history = HistoryStore(paths.history_file, paths.on_disk)
        self._settings_store = SettingsStore(paths.settings_file, paths.on_disk)
        self.storage_notice = StorageNotice(self)  # says once what could not be read or kept
        self._checked_text = ""
        self._refocus_check = False
        self.runner = CheckRunner(self)
        self.picture_reader = PictureReader(self)
        self.commands = create_actions(self)
        self._build()
        build_menus(self.menuBar(), self.commands)
        self._connect()
        self._apply_look()
        self._sync_menu_checks()
        self.retranslate()
        self._update_tab_order()
        # The rules are read in the background once the window has been drawn, so that building
        # and drawing the window does not wait on them.
        AfterFirstPaint(self.centralWidget(), self.runner.warm_up)

    # ----- construction -------------------------------------------------------------------

    def _build(self) -> None:
        left = QWidget(self)
        left.setObjectName("messagePanel")
        self.message_label = heading_label(left)
        self.message_input = MessageInput(left)
        self.message_label.setBuddy(self.message_input)
        self.paste_notice = PasteNotice(self.message_input, left)
        self.reading_bar = ReadingBar(self.picture_reader, left)
        self.picture_notice = PictureNotice(self.picture_reader, self.message_input, left)
        self.paste_button = _button("pasteButton", left)
        self.picture_button = _button("pictureButton", left)
        self.clear_button = _button("clearButton", left)
        self.check_button = _button("checkButton", left)
        self.text_size_label = plain_label(parent=left)
        self.smaller_button = _button("textSmallerButton", left)
        self.larger_button = _button("textLargerButton", left)
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.paste_button)
        actions_row.addWidget(self.clear_button)
        actions_row.addStretch(1)
        actions_row.addWidget(self.check_button)
        size_row = QHBoxLayout()
        size_row.addWidget(self.text_size_label, 1)
        size_row.addWidget(self.smaller_button)
        size_row.addWidget(self.larger_button)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(size_row)
        left_layout.addWidget(self.message_label)
        left_layout.addWidget(self.message_input, 1)
        left_layout.addWidget(self.paste_notice)
        left_layout.addWidget(self.reading_bar)
        left_layout.addWidget(self.picture_notice)
        # On a row of its own: beside the others it would widen the message side at large text.
        picture_row = QHBoxLayout()
        picture_row.addWidget(self.picture_button)
        picture_row.addStretch(1)
        left_layout.addLayout(picture_row)
        left_layout.addLayout(actions_row)

        results = QWidget(self)
        results.setObjectName("resultPanel")
        self.verdict_view = VerdictView(results)
        results_layout = QVBoxLayout(results)
        results_layout.addWidget(self.verdict_view)
        results_layout.addStretch(1)
        self.result_area = QScrollArea(self)
        self.result_area.setObjectName("resultArea")
        self.result_area.setWidgetResizable(True)
        self.result_area.setWidget(results)
        self.result_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        steps = QWidget(self)
        steps.setObjectName("nextStepsPanel")
        self.next_steps_heading = heading_label(steps)
        self.walkthrough = walkthrough_view(steps)  # a plain note instead when the guidance is broken
        self._sheet_possible = not isinstance(self.walkthrough, GuidanceMissingView)  # the sheet needs it
        self.print_button = _button("printButton", steps)
        self.save_pdf_button = _button("savePdfButton", steps)
        print_row = QHBoxLayout()
        print_row.addWidget(self.print_button)
        print_row.addWidget(self.save_pdf_button)
        print_row.addStretch(1)
        steps_layout = QVBoxLayout(steps)
        steps_layout.addWidget(self.next_steps_heading)
        steps_layout.addWidget(self.walkthrough, 1)
        steps_layout.addLayout(print_row)

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setObjectName("resultSplitter")
        right.setChildrenCollapsible(False)
        right.addWidget(self.result_area)
        right.addWidget(steps)
        right.setSizes([550, 450])  # shares of the height: the verdict first, then the next steps

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([500, 600])
        self.setCentralWidget(splitter)
        self.setAcceptDrops(True)  # a picture dropped anywhere on the window is read
        self._set_result_actions_enabled(False)

    def _connect(self) -> None:
        c = self.commands
        self.paste_button.clicked.connect(c.paste.trigger)
        self.clear_button.clicked.connect(self.message_input.clear)
        self.check_button.clicked.connect(c.check.trigger)
        self.smaller_button.clicked.connect(c.smaller.trigger)
        self.larger_button.clicked.connect(c.larger.trigger)
        self.print_button.clicked.connect(c.print_sheet.trigger)
        self.save_pdf_button.clicked.connect(c.save_pdf.trigger)
        c.paste.triggered.connect(self._paste)
        c.check.triggered.connect(self._check)
        c.quit.triggered.connect(self.close)
        c.larger.triggered.connect(self._larger)
        c.smaller.triggered.connect(self._smaller)
        c.default_size.triggered.connect(self._default_size)
        c.high_contrast.toggled.connect(self._set_high_contrast)
        c.japanese.triggered.connect(self._to_japanese)
        c.english.triggered.connect(self._to_english)
        c.keep_history.toggled.connect(self._set_keep_history)
        c.show_history.triggered.connect(self._show_history)
        c.clear_history.triggered.connect(self._ask_clear_history)
        c.about.triggered.connect(self._show_about)
        c.print_sheet.triggered.connect(self._print)
        c.save_pdf.triggered.connect(self._save_pdf)
        self.message_input.textChanged.connect(self._forget_verdict)
        self.picture_button.clicked.connect(self._choose_picture)
        self.message_input.picture_offered.connect(self.picture_reader.read)
        self.picture_reader.picture_read.connect(self._check_picture_text)
        self.runner.check_started.connect(self._show_busy)
        self.runner.verdict_ready.connect(self._show_verdict)
        self.runner.check_failed.connect(self._show_failure)
        self.verdict_view.reason_chosen.connect(self._emphasise_reason)
        self.walkthrough.path_changed.connect(self._walkthrough_redrawn)

    # ----- slots (one line each) ----------------------------------------------------------

    def _paste(self) -> None:
        self.message_input.replace_with_clipboard()

    def _check(self) -> None:
        self._start_check(self.message_input.toPlainText())

    def _larger(self) -> None:
        self._change_settings(self._settings.larger())

    def _smaller(self) -> None:
        self._change_settings(self._settings.smaller())

    def _default_size(self) -> None:
        self._change_settings(self._settings.default_size())

    def _set_high_contrast(self, on: bool) -> None:
        self._change_settings(replace(self._settings, high_contrast=on))

    def _to_japanese(self) -> None:
        self._change_settings(replace(self._settings, language="ja"))

    def _to_english(self) -> None:
        self._change_settings(replace(self._settings, language="en"))

    def _set_keep_history(self, on: bool) -> None:
        self._change_settings(replace(self._settings, keep_history=on))

    def _show_history(self) -> None:
        self._open_dialog(self._history_dialog())

    def _ask_clear_history(self) -> None:
        self._open_dialog(self._clear_history_question())

    def _show_about(self) -> None:
        self._open_dialog(self._about_box())

    def _print(self) -> None:
        self._open_dialog(self._print_preview())

    def _save_pdf(self) -> None:
        self._open_dialog(self._pdf_dialog())

    def _pdf_chosen(self, path: str) -> None:
        self._write_pdf(path)

    def _forget_verdict(self) -> None:
        self._reset_result()

    def _choose_picture(self) -> None:
        self._open_dialog(self._picture_dialog() if self.picture_reader.available() else self._reader_missing_box())

    def _picture_chosen(self, path: str) -> None:
        self.picture_reader.read(Path(path))

    def _show_busy(self) -> None:
        self._set_busy(True)

    def _show_verdict(self, verdict: Verdict) -> None:
        self._present(verdict)

    def _show_failure(self, failure: CheckFailure) -> None:
        self._present_failure(failure)

    def _emphasise_reason(self, index: int) -> None:
        self._emphasise(index)

    def _walkthrough_redrawn(self) -> None:
        self._update_tab_order()

    # ----- what the slots start -----------------------------------------------------------

    def settings(self) -> Settings:
        return self._settings

    def _start_check(self, text: str) -> None:
        self._checked_text = text
        self.runner.run(text)

    def _set_busy(self, busy: bool) -> None:
        if busy and self.check_button.hasFocus():
            # Disabling the focused button would pass the focus down the chain, each stop read
            # out by a screen reader; it comes back to the button when the check is done.
            self.check_button.clearFocus()
            self._refocus_check = True
        self.check_button.setEnabled(not busy)
        self.commands.check.setEnabled(not busy)
        if busy:
            self.verdict_view.show_busy()
        elif self._refocus_check:
            self._refocus_check = False
            self.check_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _present(self, verdict: Verdict) -> None:
        self._set_busy(False)
        self.verdict_view.show_verdict(verdict)
        self.result_area.verticalScrollBar().setValue(0)
        self.message_input.show_spans(self._checked_text, verdict.all_spans())
        self.walkthrough.set_verdict(verdict, self._settings.language)
        self._set_result_actions_enabled(self._sheet_possible)
        self._update_tab_order()
        self._remember(verdict)

    def _present_failure(self, failure: CheckFailure) -> None:
        self._set_busy(False)
        self.verdict_view.show_failure(failure)
        self.message_input.clear_spans()
        self.walkthrough.set_verdict(None, self._settings.language)
        self._set_result_actions_enabled(False)

    def _reset_result(self) -> None:
        if self.verdict_view.is_idle():
            return
        self.runner.cancel()
        self._set_busy(False)
        self.verdict_view.show_idle()
        self.message_input.clear_spans()
        self.walkthrough.set_verdict(None, self._settings.language)
        self._set_result_actions_enabled(False)

    def _check_picture_text(self, read: PictureText) -> None:
        """The text read from a picture goes into the box, then the usual check runs on it."""
        self.message_input.take_picture_text(read.text, read.doubtful)
        self.commands.check.trigger()

    def _emphasise(self, index: int) -> None:
        verdict = self.verdict_view.verdict()
        if verdict is not None and 0 <= index < len(verdict.reasons):
            self.message_input.show_spans(self._checked_text, verdict.all_spans(), verdict.reasons[index].spans)

    def _remember(self, verdict: Verdict) -> None:
        if not self._settings.keep_history:
            return
        self.storage_notice.report([self._history.add(entry_for(self._checked_text, verdict, datetime.now()))])

    # The dialogs and the print machinery are imported the first time they are asked for:
    # nothing of them is needed to open the window.

    def _history_dialog(self) -> QDialog:
        from .dialogs import HistoryDialog

        return HistoryDialog(self._history.entries(), self)

    def _about_box(self) -> QMessageBox:
        from .dialogs import about_box

        return about_box(self)

    def _clear_history_question(self) -> QMessageBox:
        from .dialogs import confirm_clear_history

        question = confirm_clear_history(self)
        question.finished.connect(self._clear_history)
        return question

    def _clear_history(self, answer: int) -> None:
        from .dialogs import is_yes

        if not is_yes(answer):
            return
        self.storage_notice.report([self._history.clear()])

    def _print_preview(self) -> QDialog:
        from .printing import print_preview

        return print_preview(self, self.sheet_request())

    def _pdf_dialog(self) -> QFileDialog:
        from .printing import pdf_file_dialog

        dialog = pdf_file_dialog(self)
        dialog.fileSelected.connect(self._pdf_chosen)
        return dialog

    def _picture_dialog(self) -> QFileDialog:
        from PySide6.QtWidgets import QFileDialog

        patterns = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
        dialog = QFileDialog(self, self.tr("読み取る画像を選ぶ"))
        dialog.setObjectName("pictureDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("画像 (%1)").replace("%1", patterns), self.tr("すべてのファイル (*)")])
        dialog.fileSelected.connect(self._picture_chosen)
        return dialog

    def _reader_missing_box(self) -> QMessageBox:
        from .wording import picture_failure_message

        return plain_message_box(self, "readerMissing", self.tr("画像の読み取り"),
                                 picture_failure_message(ErrorCode.READER_MISSING.value))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if picture_in(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        picture = picture_in(event.mimeData())
        if picture is not None:
            event.acceptProposedAction()
            self.picture_reader.read(picture)

    def _write_pdf(self, path: str) -> None:
        try:
            self.sheet_request().write_pdf(path)
        except OSError:
            log.exception("could not save the sheet as PDF")
            self._open_dialog(plain_message_box(
                self, "pdfNotSaved", self.tr("保存できませんでした"),
                self.tr("PDFを保存できませんでした。別の場所を選んでください。\n%1").replace("%1", path)))
            return
        self.statusBar().showMessage(self.tr("PDFを保存しました: %1").replace("%1", path))

    def sheet_request(self) -> SheetRequest:
        """The sheet for what is on screen now: the checked message, its verdict, the chosen steps."""
        from .printing import SheetRequest

        verdict = self.verdict_view.verdict()
        if verdict is None:
            raise RuntimeError("there is no verdict to print")
        return SheetRequest(verdict=verdict, message=self._checked_text, lang=self._settings.language,
                            path=self.walkthrough.chosen_path(), steps=self.walkthrough.chosen_steps())

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _set_result_actions_enabled(self, enabled: bool) -> None:
        for widget in (self.print_button, self.save_pdf_button):
            widget.setEnabled(enabled)
        for action in (self.commands.print_sheet, self.commands.save_pdf):
            action.setEnabled(enabled)

    # ----- settings, look and language ----------------------------------------------------

    def _change_settings(self, settings: Settings) -> None:
        if settings == self._settings:
            return
        before, self._settings = self._settings, settings
        self.storage_notice.report([self._settings_store.save(before, settings)])
        # A new stylesheet restyles every widget and lays out the message again (long for a
        # long text): only when the look itself changed.
        if (settings.high_contrast, settings.text_size_pt) != (before.high_contrast, before.text_size_pt):
            self._apply_look()
        self._sync_menu_checks()
        if settings.language != self._translators.language:
            self._translators.install(settings.language)  # Qt then sends LanguageChange

    def _apply_look(self) -> None:
        self.setStyleSheet(stylesheet(self._settings.high_contrast, self._settings.text_size_pt))

    def _sync_menu_checks(self) -> None:
        c, s = self.commands, self._settings
        for action, on in ((c.high_contrast, s.high_contrast), (c.keep_history, s.keep_history),
                           (c.japanese, s.language == "ja"), (c.english, s.language == "en")):
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang = self._settings.language
        self.setWindowTitle(self.tr("sagicheck — 怪しいメッセージの確認"))
        self.message_label.setText(self.tr("確認したいメッセージ(SMS・メール・電話番号)"))
        self.message_input.setPlaceholderText(
            self.tr("ここに怪しいメッセージを貼り付けてください。\n「貼り付け」ボタンでも入れられます。"))
        self.message_input.setAccessibleName(self.tr("確認したいメッセージ"))
        self.message_input.setAccessibleDescription(
            self.tr("気になる部分は、確認のあと色付きで示されます。"))
        self.text_size_label.setText(self.tr("文字の大きさ"))
        self.paste_notice.retranslate()
        self.next_steps_heading.setText(self.tr("これからの案内(質問に答えてください)"))
        self._label_button(self.paste_button, self.tr("貼り付け"), self.tr("コピーしたメッセージをこの欄に入れます"))
        self._label_button(self.picture_button, self.tr("画像から読み取る"),
                           self.tr("メッセージのスクリーンショット(画像)から文字を読み取って欄に入れます"))
        self.reading_bar.retranslate()
        self.picture_notice.retranslate()
        self._label_button(self.clear_button, self.tr("消す"), self.tr("欄の文章を消します"))
        self._label_button(self.check_button, self.tr("確認する"), self.tr("メッセージを確認します(Ctrl+Enter)"))
        self._label_button(self.smaller_button, self.tr("小さく"), self.tr("文字を小さくします(Ctrl+-)"))
        self._label_button(self.larger_button, self.tr("大きく"), self.tr("文字を大きくします(Ctrl+=)"))
        self._label_button(self.print_button, self.tr("印刷する"), self.tr("電話のそばに置く案内の紙を印刷します(Ctrl+P)"))
        self._label_button(self.save_pdf_button, self.tr("PDFに保存"), self.tr("案内の紙をPDFファイルに保存します"))
        retranslate_menus(self.menuBar(), self.commands)
        self.verdict_view.set_language(lang)
        self.walkthrough.retranslate(lang)
        self._update_tab_order()
        self.retranslated.emit(lang)

    def _label_button(self, button: QPushButton, text: str, description: str) -> None:
        button.setText(text)
        button.setToolTip(description)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)

    def _walkthrough_controls(self) -> list[QWidget]:
        """The walk-through's current controls in the order they are drawn (it renames the ones it drops)."""
        return [w for w in self.walkthrough.findChildren(QWidget)
                if w.objectName() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    def _update_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.message_input, self.reading_bar.stop_button, self.picture_button, self.paste_button,
            self.clear_button, self.check_button,
            *self.verdict_view.reason_cards(), *self._walkthrough_controls(), self.print_button, self.save_pdf_button,
            self.smaller_button, self.larger_button,
        ]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel()
        self.picture_reader.cancel()
        super().closeEvent(event)

