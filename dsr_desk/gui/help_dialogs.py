"""Help → Handleiding: one case from intake to archive, with the product's own screenshots. The manual is
a plain HTML file in resources/manual, shown in a text browser that loads images from that folder only
and opens no links. (Help → Over, with the version, is help_menu.py.)"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from dsr_desk.gui.screen_fit import fit_to_screen
from dsr_desk.i18n import current_language, t
from dsr_desk.resources import resource_path


def manual_html(lang: str | None = None) -> str:
    path = resource_path("manual", f"{lang or current_language()}.html")
    if not path.exists():
        path = resource_path("manual", "nl.html")
    return path.read_text(encoding="utf-8")


class ManualDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("gui.manual.title"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # the manual's own anchors only; nothing leaves the app
        self.browser.anchorClicked.connect(lambda url: self.browser.scrollToAnchor(url.fragment()))
        folder = resource_path("manual")
        self.browser.setSearchPaths([str(folder)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        self.browser.setHtml(manual_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 820)


def show_manual(parent: QWidget) -> ManualDialog:
    dialog = ManualDialog(parent)
    dialog.open()
    return dialog
