"""Settings, letters: where the envelope window is (with a test print to check it), and the templates the
organisation can adapt in its own words."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Desk
from dsr_desk.documents.letters.template_check import check_templates
from dsr_desk.documents.letters.templates import copy_defaults_to
from dsr_desk.documents.letters.test_print import render_test_print
from dsr_desk.gui.messages import show_message
from dsr_desk.gui.pdf_output import ask_and_print, ask_and_save
from dsr_desk.gui.settings.general_tab import hint
from dsr_desk.i18n import current_language, t
from dsr_desk.rules.letter_layout import WindowPosition


def _millimetres(value: float, parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0, 297)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(" mm")
    box.setValue(value)
    return box


class LettersTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        window = desk.settings.window
        self.left, self.top = _millimetres(window.left_mm, self), _millimetres(window.top_mm, self)
        self.width_mm, self.height_mm = (
            _millimetres(window.width_mm, self),
            _millimetres(window.height_mm, self),
        )
        box = QGroupBox(t("gui.letters_settings.window"), self)
        form = QFormLayout(box)
        form.addRow(hint(t("gui.letters_settings.window_intro"), self))
        form.addRow(t("gui.letters_settings.left"), self.left)
        form.addRow(t("gui.letters_settings.top"), self.top)
        form.addRow(t("gui.letters_settings.width"), self.width_mm)
        form.addRow(t("gui.letters_settings.height"), self.height_mm)
        print_button = QPushButton(t("gui.letters_settings.test_print"), self)
        print_button.clicked.connect(lambda: ask_and_print(self.test_page(), self))
        save_button = QPushButton(t("gui.letters_settings.test_save"), self)
        save_button.clicked.connect(
            lambda: ask_and_save(self.test_page(), self, t("gui.letters_settings.test_file"))
        )
        row = QHBoxLayout()
        row.addWidget(print_button)
        row.addWidget(save_button)
        row.addStretch(1)
        form.addRow(row)

        templates = QGroupBox(t("gui.letters_settings.templates"), self)
        adapt = QPushButton(t("gui.letters_settings.adapt"), self)
        adapt.clicked.connect(self.adapt_templates)
        check = QPushButton(t("gui.letters_settings.check"), self)
        check.clicked.connect(self.check)
        column = QVBoxLayout(templates)
        column.addWidget(hint(t("gui.letters_settings.templates_intro"), self))
        buttons = QHBoxLayout()
        buttons.addWidget(adapt)
        buttons.addWidget(check)
        buttons.addStretch(1)
        column.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(templates)
        layout.addStretch(1)

    def window(self) -> WindowPosition:
        return WindowPosition(
            self.left.value(), self.top.value(), self.width_mm.value(), self.height_mm.value()
        )

    def test_page(self) -> bytes:
        return render_test_print(self._desk.settings.organisation, self.window(), current_language())

    def adapt_templates(self) -> TemplatesFolderDialog:
        folder = self._desk.paths.letter_templates
        copy_defaults_to(folder)
        dialog = TemplatesFolderDialog(str(folder), self)
        dialog.open()
        return dialog

    def check(self) -> None:
        problems = check_templates(self._desk.paths.letter_templates)
        text = "\n".join(problems) if problems else t("gui.letters_settings.templates_ok")
        show_message(self, t("gui.letters_settings.templates"), text)

    def save(self) -> None:
        self._desk.update_window(self.window())


class TemplatesFolderDialog(QDialog):
    """Where the templates are, always in words: not every computer has a file manager to open."""

    def __init__(self, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(t("gui.letters_settings.templates"))
        intro = QLabel(t("gui.letters_settings.folder_intro"), self)
        intro.setWordWrap(True)
        self.path = QLineEdit(folder, self)
        self.path.setReadOnly(True)
        self.result = hint("", self)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(
            t("gui.letters_settings.open_folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(self.open_folder)
        self.copy_button = buttons.addButton(
            t("gui.letters_settings.copy_path"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_path)
        buttons.addButton(t("gui.close"), QDialogButtonBox.ButtonRole.RejectRole).setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.path, self.result, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)

    def open_folder(self) -> bool:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder))
        self.result.setText("" if opened else t("gui.letters_settings.no_file_manager"))
        return opened

    def copy_path(self) -> None:
        QGuiApplication.clipboard().setText(self.folder)
        self.result.setText(t("gui.letters_settings.path_copied"))
