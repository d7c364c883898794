"""Screenshots of the main screens at 1366x768, on a demo workspace in a temp folder: `make screenshots`.

Run under Xvfb (xvfb-run) to see the app as a user would. Windows are fitted to 1366x728, what such a laptop
leaves beside a taskbar. PNGs go to the folder given (default: screenshots); with --manual, the few the
manual shows are also written, scaled, to dsr_desk/resources/manual/images.
"""

from __future__ import annotations

import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
import io
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from dsr_desk.desk import Desk
from dsr_desk.desk.demo import fill_with_demo_cases
from dsr_desk.gui.app import prepare_application
from dsr_desk.gui.export_dialog import PasswordDialog
from dsr_desk.gui.first_run_dialog import FirstRunDialog
from dsr_desk.gui.main_window import MainWindow
from dsr_desk.gui.recovery_sheet_dialog import RecoverySheetDialog
from dsr_desk.gui.screen_fit import fit_to_screen
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.requests import RequestType
from tests.support.cards import specimen_card_front

LAPTOP = QRect(0, 0, 1366, 728)  # 1366x768 less a taskbar
MANUAL = Path(__file__).resolve().parents[1] / "dsr_desk" / "resources" / "manual" / "images"


def _png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def settle(app: QApplication, seconds: float = 0.3) -> None:
    """Lets layouts, and QtPdf's rendering, finish before a picture is taken."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


class Shots:
    def __init__(self, app: QApplication, out: Path, manual: bool) -> None:
        self.app, self.out, self.manual = app, out, manual

    def take(self, widget: QWidget, name: str, manual_name: str = "", manual_width: int = 0) -> None:
        if widget.isWindow():
            # As on the laptop: no window taller or wider than what the taskbar leaves.
            fit_to_screen(widget, widget.width(), widget.height(), LAPTOP)
        self.settle()
        picture = widget.grab()
        picture.save(str(self.out / f"{name}.png"))
        if self.manual and manual_name:
            scaled = picture.scaledToWidth(manual_width, Qt.TransformationMode.SmoothTransformation)
            scaled.save(str(MANUAL / f"{manual_name}.png"), "PNG")

    def settle(self, seconds: float = 0.3) -> None:
        settle(self.app, seconds)


def fitted(widget: QWidget, width: int, height: int) -> QWidget:
    fit_to_screen(widget, width, height, LAPTOP)
    return widget


def main(out: Path, manual: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp())
    # The window geometry a user keeps is theirs: these windows remember theirs in the temp folder.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp / "settings"))
    root = temp / "workspace"
    desk, recovery_key = Desk.create(
        root,
        organisation="Bakkerij De Vries B.V.",
        handler="Petra Jansen",
        storage="passphrase",
        passphrase="screenshot passphrase",
    )
    fill_with_demo_cases(desk)
    app = prepare_application(root)
    shots = Shots(app, out, manual)

    first_run = FirstRunDialog(lambda **_: (None, ""), keychain_usable=True, folder=str(root))
    first_run.show()
    shots.take(first_run, "first-run")
    first_run.keys.use_passphrase.setChecked(True)
    first_run.keys.passphrase.setText("kort")
    first_run.create_button.click()
    shots.take(first_run, "first-run-problems")
    first_run.close()
    sheet = RecoverySheetDialog(recovery_key, b"")
    sheet.show()
    shots.take(sheet, "recovery-key")
    sheet.kept.setChecked(True)
    sheet.close()

    window = MainWindow(desk)
    fitted(window, 1400, 860)
    window.show()
    shots.take(window, "main-window", "overzicht", 760)
    new_case = window.show_new_case_dialog()
    new_case.name.setText("Marieke de Jong")
    new_case.email.setText("marieke.dejong@example.nl")
    new_case.type_boxes[RequestType.ACCESS].setChecked(True)
    shots.take(new_case, "new-case", "nieuw-verzoek", 480)
    new_case.name.setText("Ζωή Παπαδοπούλου")
    new_case.email.setText("zoe@@example")
    new_case.register_button.click()
    shots.take(new_case, "new-case-dialog")
    new_case.reject()

    waiting = next(c.reference for c in desk.list_cases() if c.status.value == "waiting")
    window.select_case(waiting)
    shots.take(window, "case-view")
    extend = window.case_view.clock_panel.ask_extension()
    shots.take(extend, "extend-dialog")
    extend.reject()
    settings = window.show_settings()
    for index, name in enumerate(("general", "organisation", "register", "letters")):
        settings.tabs.setCurrentIndex(index)
        shots.take(settings, f"settings-{name}")
    settings.reject()
    letter = window.case_view.make_letter(LetterKind.ACKNOWLEDGEMENT)
    while letter.rendering is not None:  # laid out off the window's thread
        app.processEvents()
    shots.settle(1.0)
    shots.take(letter, "letter-dialog", "brief", 760)
    letter.reject()
    wizard = window.case_view.check_identity()
    shots.take(wizard, "identity-start")
    wizard.who.doubt["yes"].setChecked(True)
    wizard.who.reasoning.setPlainText("Brief per post, geen klantnummer.")
    wizard.next()
    shots.take(wizard, "identity-method", "identiteit", 560)
    wizard.methods.copy_reason.setPlainText("Geen e-mailadres of klantgegevens bekend: alleen een postadres.")
    wizard.methods.methods["id_copy"].setChecked(True)
    wizard.next()
    shots.take(wizard, "identity-empty-editor")
    page = wizard.check.copy_page
    page.load_bytes(_png(specimen_card_front()))
    shots.take(wizard, "identity-redaction")
    page.store()
    shots.take(wizard, "identity-masked")
    wizard.reject()

    with_data = next(
        c.reference
        for c in desk.list_cases()
        if c.status.value == "in_progress" and any(k.value == "access" for k in c.types)
    )
    window.select_case(with_data)
    shots.take(window, "case-next-step", "verzoek", 760)
    decision = window.case_view.decide(RequestType.ACCESS)
    shots.take(decision, "decision-dialog", "besluit", 480)
    decision.reject()
    close = window.case_view.ask_close()
    shots.take(close, "close-refused", "afsluiten", 480)
    close.reject()
    window.case_view.tabs.setCurrentWidget(window.case_view.data_panel)
    shots.take(window, "case-data", "gegevens", 760)
    window.case_view.data_panel.grab().save(str(out / "case-data-panel.png"))
    export = window.case_view.data_panel.export()
    shots.take(export, "export-dialog")
    export.reject()
    password = PasswordDialog("7KQ2M-X9HRT-4WBNC-P3JDF", f"{with_data}-gegevens.zip")
    password.show()
    shots.take(password, "export-password")
    password.noted.setChecked(True)
    password.close()
    window.case_view.tabs.setCurrentWidget(window.case_view.log)
    shots.take(window, "case-log")
    sent = window.case_view.letters_panel
    window.case_view.tabs.setCurrentWidget(sent)
    viewer = sent.open_letter(sent.list.item(0).data(Qt.ItemDataRole.UserRole))
    shots.settle(1.0)
    shots.take(viewer, "sent-letter")
    viewer.reject()
    _help_screens(app, window, out)
    window.close()
    desk.close()
    print(f"screenshots in {out}")


def _help_screens(app: QApplication, window: MainWindow, out: Path) -> None:
    """Help → Over (version, licences) and the dialog an unexpected error brings."""
    from PySide6.QtWidgets import QMessageBox

    from dsr_desk.gui.help_menu import AboutDialog
    from dsr_desk.gui.unexpected import report_unexpected

    about = AboutDialog(window)
    about.show()
    settle(app)
    about.grab().save(str(out / "about.png"))
    about.close()
    window.activateWindow()
    report_unexpected(RuntimeError, RuntimeError("screenshot"), None)
    settle(app)
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            box.grab().save(str(out / "unexpected-error.png"))
            box.close()


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(arguments[0] if arguments else "screenshots"), manual="--manual" in sys.argv)
