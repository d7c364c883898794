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
from dsr_desk.desk import Desk
from dsr_desk.gui.main_window import MainWindow
from dsr_desk.gui.messages import show_message
from dsr_desk.gui.single_instance import SingleInstance
from dsr_desk.gui.start import Start
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
    start = Start(root, keychain)
    windows: list[MainWindow] = []

    def to_front() -> None:
        front = windows[-1] if windows else start.dialog
        if front is not None:
            front.showNormal()
            front.raise_()
            front.activateWindow()

    instance.activated.connect(to_front)

    def open_window(desk: Desk) -> None:
        window = MainWindow(desk)
        windows.append(window)
        window.show()

    cancelled: list[bool] = []

    def cancel() -> None:
        cancelled.append(True)
        app.quit()

    start.ready.connect(open_window)
    start.cancelled.connect(cancel)
    start.begin()
    status = 1 if cancelled else app.exec()
    for window in windows:
        window.desk.close()
    instance.release()
    return status
