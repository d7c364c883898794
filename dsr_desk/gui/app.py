"""Starting the application window."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from dsr_desk import APP_NAME, __version__
from dsr_desk.gui.session import Session
from dsr_desk.gui.single_instance import SingleInstance
from dsr_desk.gui.style import apply_style
from dsr_desk.gui.unexpected import report_unexpected
from dsr_desk.i18n import set_language, t
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.settings import load_settings
from dsr_desk.store.workspace import WorkspacePaths, default_workspace_dir

log = logging.getLogger(__name__)
_QT_LOCALES = {
    "nl": QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def prepare_application(root: Path) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("dsr-desk")  # the Linux menu entry (installers/linux), for the window's icon
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


def run_gui(workspace: Path | None, keychain: Keychain | None = None) -> int:
    sys.excepthook = report_unexpected
    try:
        return _run(
            Path(workspace or os.environ.get("DSR_DESK_WORKSPACE") or default_workspace_dir()), keychain
        )
    except Exception as exc:  # start-up failed before the event loop could report it
        report_unexpected(type(exc), exc, exc.__traceback__, wait=True)
        return 3


def _run(root: Path, keychain: Keychain | None) -> int:
    app = prepare_application(root)
    instance = SingleInstance(root)
    if not instance.claim():
        # Already open for this workspace: that window was brought to the front instead.
        if sys.stderr is not None:  # a windowed app may have none
            print(t("gui.already_open", path=str(root)), file=sys.stderr)
        return 0
    session = Session(root, keychain)
    # A stop request closes the windows as Quit does (their background work stopped first), then the
    # session closes the desk and any output still being written goes; the timer lets Python see the
    # signal while Qt waits for events.
    signal.signal(signal.SIGTERM, lambda *_: (app.closeAllWindows(), app.quit()))
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(500)
    instance.activated.connect(session.to_front)
    session.ended.connect(app.quit)
    session.begin()
    # Once the event loop runs, start-up is over: the log says so (the bundle's smoke test waits for it).
    QTimer.singleShot(0, lambda: log.info("window start-up done"))
    status = 1 if session.cancelled else app.exec()
    session.close()
    instance.release()
    return status
