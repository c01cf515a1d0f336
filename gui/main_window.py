"""The main window: puts the parts together and passes events between them.

One path, one page at a time: the message (確認する), what the core said (次へ), the guide and
printing (印刷する). Each page's main button sits in a bar that never scrolls away, so it is on
screen at any window size and text size. Slots are one line; the work they start lives in the
parts (runner, views, stores).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QHBoxLayout, QSizePolicy, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from core.verdict import ErrorCode, Span, Verdict

from .actions import build_menus, create_actions, retranslate_menus
from .first_paint import AfterFirstPaint
from .flow_page import FlowPage, action_button
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
from .window_place import WindowPlace, restored_place, title_strip

if TYPE_CHECKING:
    from core import PictureText
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from .printing import SheetRequest

log = logging.getLogger(__name__)


_button = action_button

MESSAGE_PAGE, RESULT_PAGE, GUIDE_PAGE = range(3)


def _rooms_under(saved: WindowPlace | None) -> list[QRect]:
    """The available areas of the screens under the saved window's title strip (asked point by
    point: a screen that is gone is under none of them)."""
    if saved is None:
        return []
    rooms: list[QRect] = []
    for point in title_strip(saved.rect()):
        screen = QGuiApplication.screenAt(point)
        if screen is not None and screen.availableGeometry() not in rooms:
            rooms.append(screen.availableGeometry())
    return rooms


class MainWindow(QMainWindow):
    retranslated = Signal(str)  # language code, after every text was redrawn in it

    def __init__(self, paths: AppPaths, settings: Settings, translators: Translators) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
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
        self._place(restored_place(settings.window, _rooms_under(settings.window), self.screen().availableGeometry()))
        # The rules are read in the background once the window has been drawn, so that building
        # and drawing the window does not wait on them.
        AfterFirstPaint(self.centralWidget(), self.runner.warm_up)

    # ----- construction -------------------------------------------------------------------

    def _build(self) -> None:
        """The top strip (which step, text size), then one page at a time: the message, the
        result, the guide. Each page scrolls as a whole above a bar with its main button."""
        central = QWidget(self)
        central.setObjectName("flow")
        top = QWidget(central)
        top.setObjectName("topBar")
        self.step_label = heading_label(top)
        self.step_label.setObjectName("stepLabel")
        self.text_size_label = plain_label(parent=top)
        self.text_size_label.setObjectName("textSizeLabel")
        self.smaller_button = _button("textSmallerButton", top)
        self.larger_button = _button("textLargerButton", top)
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(12, 4, 12, 4)
        # Where the sheet was saved: in this row, one line that never pushes anything aside.
        self.saved_note = plain_label(object_name="savedNote", parent=top)
        self.saved_note.setWordWrap(False)
        self.saved_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top_row.addWidget(self.step_label)
        top_row.addWidget(self.saved_note, 1)
        top_row.addWidget(self.text_size_label)
        top_row.addWidget(self.smaller_button)
        top_row.addWidget(self.larger_button)

        self.pages = QStackedWidget(central)
        self.pages.setObjectName("pages")
        self.pages.addWidget(self._build_message_page())
        self.pages.addWidget(self._build_result_page())
        self.pages.addWidget(self._build_guide_page())
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(top)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)  # a picture dropped anywhere on the window is read
        self._set_result_actions_enabled(False)
        self.next_button.setEnabled(False)

    def _build_message_page(self) -> QWidget:
        """Step 1: the message box fills the page (it scrolls itself, so the page does not)."""
        page = QWidget(self)
        page.setObjectName("messagePage")
        self.message_label = heading_label(page)
        self.message_input = MessageInput(page)
        self.message_label.setBuddy(self.message_input)
        self.paste_notice = PasteNotice(self.message_input, page)
        self.reading_bar = ReadingBar(self.picture_reader, page)
        self.picture_notice = PictureNotice(self.picture_reader, self.message_input, page)
        self.picture_button = _button("pictureButton", page)
        self.busy_note = plain_label(object_name="busyNote", parent=page)
        self.busy_note.hide()
        bar = QWidget(page)
        bar.setObjectName("actionBar")
        self.paste_button = _button("pasteButton", bar)
        self.clear_button = _button("clearButton", bar)
        self.check_button = _button("checkButton", bar)
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.paste_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(self.busy_note)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 4, 12, 0)
        layout.addWidget(self.message_label)
        layout.addWidget(self.message_input, 1)
        layout.addWidget(self.paste_notice)
        layout.addWidget(self.reading_bar)
        layout.addWidget(self.picture_notice)
        # On a row of its own: in the bar it would make the window wider than a small screen
        # at large text.
        layout.addWidget(self.picture_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(bar)
        return page

    def _build_result_page(self) -> QWidget:
        """Step 2: the verdict, the strongest reasons, and what the guide asks next."""
        page = self.result_page = FlowPage("resultPage", self)
        self.verdict_view = VerdictView(page.content)
        self.guide_lead = plain_label(object_name="guideLead", parent=page.content)
        page.column.addWidget(self.verdict_view)
        page.column.addWidget(self.guide_lead)
        page.column.addStretch(1)
        self.back_to_message_button = action_button("backToMessageButton", page.bar_widget)
        self.next_button = action_button("nextButton", page.bar_widget)
        page.bar.addWidget(self.back_to_message_button)
        page.bar.addStretch(1)
        page.bar.addWidget(self.next_button)
        return page

    def _build_guide_page(self) -> QWidget:
        """Step 3: the questions of the guide, then the steps and who to call; print."""
        page = self.guide_page = FlowPage("guidePage", self)
        self.walkthrough = walkthrough_view(page.content)  # a plain note instead when the guidance is broken
        self._sheet_possible = not isinstance(self.walkthrough, GuidanceMissingView)  # the sheet needs it
        page.column.addWidget(self.walkthrough)
        page.column.addStretch(1)
        self.back_to_result_button = action_button("backToResultButton", page.bar_widget)
        self.save_pdf_button = action_button("savePdfButton", page.bar_widget)
        self.print_button = action_button("printButton", page.bar_widget)
        page.bar.addWidget(self.back_to_result_button)
        page.bar.addStretch(1)
        page.bar.addWidget(self.save_pdf_button)
        page.bar.addWidget(self.print_button)
        return page

    def _connect(self) -> None:
        c = self.commands
        self.paste_button.clicked.connect(c.paste.trigger)
        self.clear_button.clicked.connect(self.message_input.clear)
        self.check_button.clicked.connect(c.check.trigger)
        self.smaller_button.clicked.connect(c.smaller.trigger)
        self.larger_button.clicked.connect(c.larger.trigger)
        self.print_button.clicked.connect(c.print_sheet.trigger)
        self.save_pdf_button.clicked.connect(c.save_pdf.trigger)
        self.next_button.clicked.connect(self._to_guide)
        self.back_to_message_button.clicked.connect(self._to_message)
        self.back_to_result_button.clicked.connect(self._to_result)
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

    def _emphasise_reason(self, spans: tuple[Span, ...]) -> None:
        self._emphasise(spans)

    def _walkthrough_redrawn(self) -> None:
        self._update_tab_order()

    def _to_message(self) -> None:
        self._turn_to(MESSAGE_PAGE, self.message_input)

    def _to_result(self) -> None:
        self._turn_to(RESULT_PAGE, self._result_first_control())

    def _to_guide(self) -> None:
        self._turn_to(GUIDE_PAGE, self.walkthrough.first_control())

    # ----- what the slots start -----------------------------------------------------------

    def settings(self) -> Settings:
        return self._settings

    def _start_check(self, text: str) -> None:
        self._checked_text = text
        self.runner.run(text)

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def _turn_to(self, index: int, focus: QWidget | None) -> None:
        """Show page ``index`` from its top, the keyboard focus on ``focus`` (its first control).

        The focus moves before the old page hides: hiding the focused widget would hand the
        focus down the Tab chain, each stop announced by a screen reader.
        """
        page = self.pages.widget(index)
        if isinstance(page, FlowPage):
            page.to_top()
        focused = QApplication.focusWidget()
        ours = self.isActiveWindow() or (focused is not None and focused.window() is self)
        if focus is not None and ours:
            focus.show()  # focusable now, not when the page is shown
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.pages.setCurrentIndex(index)
        self._show_step()

    def _result_first_control(self) -> QWidget:
        cards = self.verdict_view.reason_cards()
        return cards[0] if cards else self.next_button

    def _show_step(self) -> None:
        titles = (self.tr("1. メッセージを入れる"), self.tr("2. 確認の結果"), self.tr("3. これからすること"))
        self.step_label.setText(titles[self.pages.currentIndex()])

    def _set_busy(self, busy: bool) -> None:
        if busy and self.check_button.hasFocus():
            # Disabling the focused button would pass the focus down the chain, each stop read
            # out by a screen reader; it comes back to the button when the check is done.
            self.check_button.clearFocus()
            self._refocus_check = True
        self.check_button.setEnabled(not busy)
        self.commands.check.setEnabled(not busy)
        self.busy_note.setVisible(busy)
        if busy:
            self.verdict_view.show_busy()
        elif self._refocus_check:
            self._refocus_check = False
            self.check_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _present(self, verdict: Verdict) -> None:
        self._refocus_check = False  # the focus goes on to the result instead
        self._set_busy(False)
        self.verdict_view.show_verdict(verdict)
        self.message_input.show_spans(self._checked_text, verdict.all_spans())
        self.walkthrough.set_verdict(verdict, self._settings.language)
        self._set_result_actions_enabled(self._sheet_possible)
        self.next_button.setEnabled(True)  # the guide page says so itself when it cannot be read
        self._update_tab_order()
        self._turn_to(RESULT_PAGE, self._result_first_control())
        self.saved_note.clear()
        self._remember(verdict)

    def _present_failure(self, failure: CheckFailure) -> None:
        self._refocus_check = False
        self._set_busy(False)
        self.verdict_view.show_failure(failure)
        self.message_input.clear_spans()
        self.walkthrough.set_verdict(None, self._settings.language)
        self._set_result_actions_enabled(False)
        self.next_button.setEnabled(False)
        self._turn_to(RESULT_PAGE, self.back_to_message_button)
        self.saved_note.clear()

    def _reset_result(self) -> None:
        if self.verdict_view.is_idle():
            return
        self.runner.cancel()
        self._set_busy(False)
        self.verdict_view.show_idle()
        self.message_input.clear_spans()
        self.walkthrough.set_verdict(None, self._settings.language)
        self._set_result_actions_enabled(False)
        self.next_button.setEnabled(False)

    def _check_picture_text(self, read: PictureText) -> None:
        """The text read from a picture goes into the box, then the usual check runs on it."""
        self.message_input.take_picture_text(read.text, read.doubtful)
        self.commands.check.trigger()

    def _emphasise(self, spans: tuple[Span, ...]) -> None:
        verdict = self.verdict_view.verdict()
        if verdict is not None:
            self.message_input.show_spans(self._checked_text, verdict.all_spans(), spans)

    def _remember(self, verdict: Verdict) -> None:
        if not self._settings.keep_history:
            return
        self.storage_notice.report([self._history.add(entry_for(self._checked_text, verdict, datetime.now()))])

    # The dialogs and the print machinery are imported the first time they are asked for:
    # nothing of them is needed to open the window.

    def _history_dialog(self) -> QDialog:
        from .dialogs import HistoryDialog

        entries, problem = self._history.read()  # a file damaged since the start is set aside now
        self.storage_notice.report([problem])
        return HistoryDialog(entries, self)

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

        return print_preview(self, self.sheet_request(), self.commands.save_pdf.trigger)

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
        self._say_saved(self.tr("PDFを保存しました: %1").replace("%1", path))

    def _say_saved(self, text: str) -> None:
        self.saved_note.setText(text)
        self.saved_note.setToolTip(text)
        self.saved_note.setAccessibleName(text)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.saved_note, text))

    def sheet_request(self) -> SheetRequest:
        """The sheet for what is on screen now: the checked message, its verdict, the chosen steps."""
        from .printing import SheetRequest

        verdict = self.verdict_view.verdict()
        if verdict is None:
            raise RuntimeError("there is no verdict to print")
        return SheetRequest(verdict=verdict, message=self._checked_text, lang=self._settings.language,
                            path=self.walkthrough.chosen_path(), steps=self.walkthrough.chosen_steps(),
                            checklist=self.walkthrough.checklist_result())

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
        # Qt adds the application's name after the title itself.
        self.setWindowTitle(self.tr("怪しいメッセージの確認"))
        self.message_label.setText(self.tr("確認したいメッセージ(SMS・メール・電話番号)"))
        self.message_input.setPlaceholderText(
            self.tr("ここに怪しいメッセージを貼り付けてください。\n「貼り付け」ボタンでも入れられます。"))
        self.message_input.setAccessibleName(self.tr("確認したいメッセージ"))
        self.message_input.setAccessibleDescription(
            self.tr("気になる部分は、確認のあと色付きで示されます。"))
        self.text_size_label.setText(self.tr("文字の大きさ"))
        self.paste_notice.retranslate()
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
        self._label_button(self.save_pdf_button, self.tr("PDFに保存"), self.tr("案内の紙をPDFファイルに保存します(Ctrl+S)"))
        self._label_button(self.next_button, self.tr("次へ"), self.tr("何があったかを答えて、これからすることを確かめます"))
        self._label_button(self.back_to_message_button, self.tr("メッセージに戻る"), self.tr("確認したメッセージの画面に戻ります"))
        self._label_button(self.back_to_result_button, self.tr("結果に戻る"), self.tr("確認の結果の画面に戻ります"))
        self.guide_lead.setText(self.tr("「次へ」を押すと、何があったかを聞いて、これからすることをご案内します。"))
        self.busy_note.setText(self.tr("確認しています…"))
        self.result_page.scroll.setAccessibleName(self.tr("確認の結果"))
        self.guide_page.scroll.setAccessibleName(self.tr("次にすることの案内"))
        self._show_step()
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
        """The order on screen: the text size at the top, then each page top to bottom and its bar.
        Only the page shown has its controls on the chain (the others are hidden)."""
        chain: list[QWidget] = [
            self.smaller_button, self.larger_button,
            self.message_input, self.reading_bar.stop_button, self.picture_button, self.paste_button,
            self.clear_button, self.check_button,
            *self.verdict_view.controls(), self.result_page.scroll, self.back_to_message_button, self.next_button,
            *self._walkthrough_controls(), self.guide_page.scroll, self.back_to_result_button,
            self.save_pdf_button, self.print_button,
        ]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # ----- where the window is -------------------------------------------------------------

    def _place(self, place: WindowPlace) -> None:
        """Put the window at ``place`` (already fitted to a screen by :mod:`window_place`)."""
        self.setGeometry(place.rect())
        if place.maximised:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def place(self) -> WindowPlace:
        """Where the window is now; when maximised, where it goes back to when it is not."""
        maximised = bool(self.windowState() & Qt.WindowState.WindowMaximized)
        rect = self.normalGeometry() if maximised and self.normalGeometry().isValid() else self.geometry()
        return WindowPlace.of(rect, maximised)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel()
        self.picture_reader.cancel()
        self._keep_place()
        super().closeEvent(event)

    def _keep_place(self) -> None:
        """Save where the window is, quietly: no box opens on a window that is going away."""
        placed = replace(self._settings, window=self.place())
        if placed == self._settings:
            return
        problem = self._settings_store.save(self._settings, placed)
        if problem is not None:
            log.warning("could not keep the window's place: %s", problem)
        self._settings = placed

