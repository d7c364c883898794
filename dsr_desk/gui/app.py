"""Starting the application window."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from dsr_desk import APP_NAME, __version__
from dsr_desk.gui.messages import show_message
from dsr_desk.gui.session import Session
from dsr_desk.gui.single_instance import SingleInstance
from dsr_desk.gui.style import apply_style
from dsr_desk.i18n import set_language, t
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.settings import load_settings
from dsr_desk.store.workspace import WorkspacePaths, default_workspace_dir

_UNPARENTED: list[QMessageBox] = []
_QT_LOCALES = {
    "nl": QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def prepare_application(root: Path) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    apply_style(app)
    # settings.toml holds nothing secret, so the language is known before the workspace is unlocked.
    language = load_settings(WorkspacePaths(root).settings).language
    set_language(language)
    QLocale.setDefault(_QT_LOCALES[language])
    # Qt's own dialogs (file dialogs, standard buttons) in the same language; kept on the app so it lives.
    translator = QTranslator(app)
    if translator.load(
        _QT_LOCALES[language], "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(translator)
    return app


def report_unexpected(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A bug: where it happened goes to stderr, never the message (it may quote a name or a file); the
    user gets one plain sentence instead of a silent failure."""
    frames = "".join(f"  {f.filename}:{f.lineno} in {f.name}\n" for f in traceback.extract_tb(tb))
    sys.stderr.write(f"{APP_NAME}: unexpected {kind.__name__}\n{frames}")
    if QApplication.instance() is not None:
        # Parented to the window in front, so it stays alive (a parentless box would be collected at once).
        parent = QApplication.activeWindow()
        box = show_message(parent, t("gui.error_title"), t("gui.unexpected"), QMessageBox.Icon.Critical)
        if parent is None:
            _UNPARENTED.append(box)


def run_gui(workspace: Path | None, keychain: Keychain | None = None) -> int:
    sys.excepthook = report_unexpected
    root = Path(workspace or os.environ.get("DSR_DESK_WORKSPACE") or default_workspace_dir())
    app = prepare_application(root)
    instance = SingleInstance(root)
    if not instance.claim():
        # Already open for this workspace: that window was brought to the front instead.
        if sys.stderr is not None:  # a windowed app may have none
            print(t("gui.already_open", path=str(root)), file=sys.stderr)
        return 0
    session = Session(root, keychain)
    instance.activated.connect(session.to_front)
    session.ended.connect(app.quit)
    session.begin()
    status = 1 if session.cancelled else app.exec()
    session.close()
    instance.release()
    return status
