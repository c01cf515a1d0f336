"""Print preview, printing and saving the guidance sheet as PDF, from the window.

The sheet itself (what is on it and how it is laid out) comes from :mod:`gui.sheet`; this
module only connects it to Qt's print preview and a file chooser.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from core.verdict import Verdict

from .checklist_result import ChecklistResult
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


def print_preview(parent: QWidget, request: SheetRequest) -> QPrintPreviewDialog:
    """An A4 print preview of the sheet; its print button goes to the system's print dialog."""
    dialog = QPrintPreviewDialog(parent)  # owns its printer
    printer = dialog.printer()
    printer.setPageLayout(sheet_page_layout())
    printer.setDocName(sheet_title(request.lang))
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "印刷する前に確かめる"))
    # Laid out afresh for each request: the preview's page set-up may have changed the page.
    when = datetime.now()
    dialog.paintRequested.connect(lambda device: request.paint(device, when))
    dialog.resize(1000, 900)
    return dialog


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
