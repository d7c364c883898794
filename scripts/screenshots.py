"""Screenshots of the main screens, on a demo workspace in a temp folder: `make screenshots`.

Run under Xvfb (xvfb-run) to see the app as a user would; PNGs go to the folder given (default: screenshots).
"""

from __future__ import annotations

import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from dsr_desk.desk import Desk
from dsr_desk.desk.demo import fill_with_demo_cases
from dsr_desk.gui.app import prepare_application
from dsr_desk.gui.export_dialog import PasswordDialog
from dsr_desk.gui.first_run_dialog import FirstRunDialog
from dsr_desk.gui.main_window import MainWindow
from dsr_desk.gui.recovery_sheet_dialog import RecoverySheetDialog
from dsr_desk.rules.letters import LetterKind
from tests.support.cards import specimen_card_front


def _png(image) -> bytes:
    import io

    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp()) / "workspace"
    desk, recovery_key = Desk.create(
        root,
        organisation="Bakkerij De Vries B.V.",
        handler="Petra Jansen",
        storage="passphrase",
        passphrase="screenshot passphrase",
    )
    fill_with_demo_cases(desk)
    app = prepare_application(root)

    first_run = FirstRunDialog(lambda **_: (None, ""), keychain_usable=True, folder=str(root))
    first_run.show()
    settle(app)
    first_run.grab().save(str(out / "first-run.png"))
    first_run.keys.use_passphrase.setChecked(True)
    first_run.keys.passphrase.setText("kort")
    first_run.create_button.click()
    settle(app)
    first_run.grab().save(str(out / "first-run-problems.png"))
    first_run.close()
    sheet = RecoverySheetDialog(recovery_key, b"")
    sheet.show()
    settle(app)
    sheet.grab().save(str(out / "recovery-key.png"))
    sheet.kept.setChecked(True)
    sheet.close()

    window = MainWindow(desk)
    window.show()
    settle(app)
    window.grab().save(str(out / "main-window.png"))
    window.select_case(next(c.reference for c in desk.list_cases() if c.status.value == "waiting"))
    settle(app)
    window.grab().save(str(out / "case-view.png"))
    extend = window.case_view.clock_panel.ask_extension()
    settle(app)
    extend.grab().save(str(out / "extend-dialog.png"))
    extend.reject()
    settings = window.show_settings()
    settle(app)
    for index, name in enumerate(("general", "organisation", "register", "letters")):
        settings.tabs.setCurrentIndex(index)
        settle(app)
        settings.grab().save(str(out / f"settings-{name}.png"))
    settings.reject()
    letter = window.case_view.letters_panel.make_letter()
    letter.select_kind(LetterKind.ACKNOWLEDGEMENT)
    while letter.rendering is not None:  # laid out off the window's thread
        app.processEvents()
    settle(app)
    letter.grab().save(str(out / "letter-dialog.png"))
    letter.reject()
    wizard = window.case_view.check_identity()
    wizard.who.reasoning.setPlainText("Brief per post, geen klantnummer.")
    wizard.next()
    settle(app)
    wizard.grab().save(str(out / "identity-method.png"))
    wizard.methods.copy_reason.setPlainText("Geen e-mailadres of klantgegevens bekend: alleen een postadres.")
    wizard.methods.methods["id_copy"].setChecked(True)
    wizard.next()
    page = wizard.check.copy_page
    page.load_bytes(_png(specimen_card_front()))
    settle(app)
    wizard.grab().save(str(out / "identity-redaction.png"))
    page.store()
    settle(app)
    wizard.grab().save(str(out / "identity-masked.png"))
    wizard.reject()
    with_data = next(
        c.reference
        for c in desk.list_cases()
        if c.status.value == "in_progress" and any(k.value == "access" for k in c.types)
    )
    window.select_case(with_data)
    window.case_view.tabs.setCurrentWidget(window.case_view.data_panel)
    settle(app)
    window.grab().save(str(out / "case-data.png"))
    window.case_view.data_panel.grab().save(str(out / "case-data-panel.png"))
    export = window.case_view.data_panel.export()
    settle(app)
    export.grab().save(str(out / "export-dialog.png"))
    export.reject()
    password = PasswordDialog("7KQ2M-X9HRT-4WBNC-P3JDF", f"{with_data}-gegevens.zip")
    password.show()
    settle(app)
    password.grab().save(str(out / "export-password.png"))
    password.noted.setChecked(True)
    password.close()
    window.case_view.tabs.setCurrentIndex(0)
    dialog = window.show_new_case_dialog()
    dialog.name.setText("Ζωή Παπαδοπούλου")
    dialog.email.setText("zoe@@example")
    dialog.register_button.click()
    settle(app)
    dialog.grab().save(str(out / "new-case-dialog.png"))
    dialog.reject()
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
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
