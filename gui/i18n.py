"""Qt Linguist translations: ours (``resources/translations``) and Qt's own for standard dialogs.

The window's source strings are Japanese; ``sagicheck_en.qm`` turns them into English.
"""

from __future__ import annotations

import logging
from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

log = logging.getLogger(__name__)

_LOCALES = {"ja": QLocale(QLocale.Language.Japanese, QLocale.Country.Japan),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)}


class Translators(QObject):
    """The translators installed in the application; switching replaces them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed: list[QTranslator] = []
        self.language = ""

    def install(self, language: str) -> None:
        for old in self._installed:
            QCoreApplication.removeTranslator(old)
            old.deleteLater()
        self._installed = [t for t in (self._ours(language), self._qt_own(language)) if t is not None]
        self.language = language
        QLocale.setDefault(_LOCALES.get(language, _LOCALES["ja"]))
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)

    def _ours(self, language: str) -> QTranslator | None:
        with as_file(files("resources").joinpath("translations", f"sagicheck_{language}.qm")) as path:
            return self._load(str(path))

    def _qt_own(self, language: str) -> QTranslator | None:
        if language == "en":
            return None
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        return self._load(f"{folder}/qtbase_{language}.qm")

    def _load(self, path: str) -> QTranslator | None:
        translator = QTranslator(self)
        if translator.load(path):
            return translator
        log.warning("translation file not loaded: %s", path)
        return None
