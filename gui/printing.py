"""Print preview, printing and saving the guidance sheet as PDF, from the window.

The sheet itself (what is on it and how it is laid out) comes from :mod:`gui.sheet`; this
module only connects it to Qt's print preview and a file chooser.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence, QPagedPaintDevice
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton, QToolBar, QWidget

from core.verdict import Verdict

from .checklist_result import ChecklistResult
from .window_place import FRAME_ALLOWANCE as FRAME
from .sheet import build_sheet, paint_sheet, sheet_page_layout, sheet_title, write_sheet_pdf


@dataclass(frozen=True, slots=True)
class SheetRequest:
    """Everything the sheet shows for this case, gathered from the window at the moment of printing."""

    verdict: Verdict
    message: str
    lang: str
    path: list[tuple[str, str]]
    steps: list[str]
    checklist: ChecklistResult | None = None

    def write_pdf(self, out_path: str | Path) -> None:
        write_sheet_pdf(out_path, self.verdict, self.message, self.lang, self.path, self.steps, self.checklist)

    def paint(self, device: QPagedPaintDevice, when: datetime) -> int:
        """Lay the sheet out for ``device`` and paint it there; the number of pages."""
        doc = build_sheet(self.verdict, self.message, self.lang, self.path, self.steps, when, device=device,
                          checklist=self.checklist)
        return paint_sheet(doc, device)


def print_preview(parent: QWidget, request: SheetRequest, save: Callable[[], None]) -> QPrintPreviewDialog:
    """An A4 print preview of the sheet; its print button goes to the system's print dialog.

    Qt's preview has only a row of small icons, out of the keyboard's reach: its tools are
    labelled here, and a row of big buttons below the pages (印刷する, PDFに保存, 閉じる) takes
    the keyboard focus, 印刷する first and pressed by Enter. PDFに保存 closes the preview and
    calls ``save``.
    """
    dialog = QPrintPreviewDialog(parent)  # owns its printer
    printer = dialog.printer()
    printer.setPageLayout(sheet_page_layout())
    printer.setDocName(sheet_title(request.lang))
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "印刷する前に確かめる"))
    # Laid out afresh for each request: the preview's page set-up may have changed the page.
    when = datetime.now()
    dialog.paintRequested.connect(lambda device: request.paint(device, when))
    for toolbar in dialog.findChildren(QToolBar):
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    print_action = preview_print_action(dialog)
    print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    buttons = QDialogButtonBox(dialog)
    buttons.setObjectName("previewButtons")
    print_button = _preview_button(
        buttons, "previewPrintButton", QCoreApplication.translate("Printing", "印刷する"),
        QCoreApplication.translate("Printing", "プリンターを選んで印刷します(Ctrl+P)"))
    save_button = _preview_button(
        buttons, "previewSaveButton", QCoreApplication.translate("Printing", "PDFに保存"),
        QCoreApplication.translate("Printing", "印刷のかわりにPDFファイルに保存します"))
    close_button = _preview_button(
        buttons, "previewCloseButton", QCoreApplication.translate("Printing", "閉じる"),
        QCoreApplication.translate("Printing", "印刷せずに閉じます"))
    buttons.addButton(print_button, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(save_button, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.addButton(close_button, QDialogButtonBox.ButtonRole.RejectRole)
    print_button.setDefault(True)
    print_button.clicked.connect(print_action.trigger)
    save_button.clicked.connect(dialog.reject)
    save_button.clicked.connect(save)
    close_button.clicked.connect(dialog.reject)
    dialog.layout().addWidget(buttons)
    # Tab goes from the buttons to the tools above; the focus starts on 印刷する.
    dialog.setFocusProxy(print_button)
    print_button.setFocus(Qt.FocusReason.OtherFocusReason)
    room = parent.screen().availableGeometry()  # never larger than the screen: its buttons stay on it
    dialog.resize(min(1000, room.width() - FRAME.width()), min(900, room.height() - FRAME.height()))
    return dialog


def preview_print_action(dialog: QPrintPreviewDialog) -> QAction:
    """The preview's own print command (Qt names it but gives it no object name)."""
    # Qt's own string, translated by Qt's own catalogue (held in variables so that our
    # translation tools leave it alone).
    context, source = "QPrintPreviewDialog", "Print"
    name = QCoreApplication.translate(context, source)
    return next(a for a in dialog.findChildren(QAction) if a.text() == name)


def _preview_button(parent: QWidget, object_name: str, text: str, description: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(object_name)
    button.setToolTip(description)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    button.setMinimumHeight(48)
    return button


def pdf_file_dialog(parent: QWidget) -> QFileDialog:
    """A 'save as' dialog for the sheet, suggesting a dated name in the Documents folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = f"sagicheck_{datetime.now():%Y%m%d_%H%M}.pdf"
    dialog = QFileDialog(parent, QCoreApplication.translate("Printing", "案内の紙をPDFで保存"),
                         str(Path(folder) / name) if folder else name,
                         QCoreApplication.translate("Printing", "PDFファイル (*.pdf)"))
    dialog.setObjectName("savePdfDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix("pdf")
    return dialog
