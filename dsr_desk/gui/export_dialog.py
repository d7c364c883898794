"""The export for the person: which kind, which language, encrypted or not; written in the background with
progress and cancel; the password shown once; then the cover letter that says how to open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Case
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.background import BackgroundTask
from dsr_desk.gui.forms import action_buttons, secret_label
from dsr_desk.gui.messages import show_error, show_message
from dsr_desk.gui.secret_clipboard import SecretClipboardWatch, copy_secret
from dsr_desk.i18n import LANGUAGES, current_language, t
from dsr_desk.rules.export_rules import (
    ExportKind,
    export_warnings,
    kind_for,
    new_export_password,
    select_items,
)
from dsr_desk.rules.letters import LetterKind

CHANNELS = ("sms", "phone", "email", "post")


class ExportDialog(QDialog):
    exported = Signal()
    letter_wanted = Signal(str)

    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.task: BackgroundTask | None = None
        self.password_dialog: PasswordDialog | None = None
        record = case.record()
        self.items = case.items()  # read once: the kind only changes which of them go
        self.register_entries = case.letter_inputs().register_entries
        self.setWindowTitle(t("gui.export.title", reference=record.reference))
        self.setMinimumWidth(560)
        self.kinds = QButtonGroup(self)
        kind_box = QVBoxLayout()
        for kind in ExportKind:
            button = QRadioButton(t(f"gui.export.kind.{kind.value}"), self)
            button.setProperty("kind", kind.value)
            self.kinds.addButton(button)
            kind_box.addWidget(button)
            button.setChecked(kind is kind_for(record.types))
        self.kinds.buttonToggled.connect(lambda _button, checked: checked and self._update())
        self.contents = QLabel(self)
        self.contents.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setObjectName("clockWarning")
        self.warning.setWordWrap(True)
        self.lang = QComboBox(self)
        for lang in LANGUAGES:
            self.lang.addItem(t(f"gui.language.{lang}"), lang)
        self.lang.setCurrentIndex(LANGUAGES.index(current_language()))
        self.encrypt = QCheckBox(t("gui.export.encrypt"), self)
        self.encrypt.setChecked(True)
        self.channel = QComboBox(self)
        self.channel.setEditable(True)
        self.channel.addItems([t(f"gui.export.channel.{c}") for c in CHANNELS])
        self.encrypt.toggled.connect(self.channel.setEnabled)
        explanation = QLabel(t("gui.export.encrypt_explanation"), self)
        explanation.setObjectName("hint")
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(t("gui.export.kind_label"), kind_box)
        form.addRow(t("gui.export.contents"), self.contents)
        form.addRow("", self.warning)
        form.addRow(t("gui.export.language"), self.lang)
        form.addRow("", self.encrypt)
        form.addRow(t("gui.export.password_channel"), self.channel)
        buttons, self.export_button = action_buttons(self, t("gui.export.go"), self.choose_target)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(buttons)
        self._update()

    def kind(self) -> ExportKind:
        return ExportKind(self.kinds.checkedButton().property("kind"))

    def _update(self) -> None:
        bundle_items = select_items(self.kind(), self.items)
        size = QLocale().formattedDataSize(sum(i.size for i in bundle_items), 1)
        text = t("gui.export.contents_text", count=len(bundle_items), size=size)
        redacted = [i for i in bundle_items if i.redactions]
        if redacted:
            text += " " + t("gui.export.contents_redacted", count=len(redacted))
        if not bundle_items:
            text = t("gui.export.contents_empty")
        self.contents.setText(text)
        warnings = export_warnings(self.kind(), self.register_entries)
        self.warning.setText("\n".join(t(f"gui.export.warning.{w}") for w in warnings))
        self.warning.setVisible(bool(warnings))

    def choose_target(self) -> None:
        suggested = f"{self.case.reference}-{t('gui.export.file_word', self.lang.currentData())}.zip"
        name, _filter = QFileDialog.getSaveFileName(
            self, t("gui.export.save_title"), str(Path.home() / suggested), t("gui.export.zip_filter")
        )
        if name:
            self.start(Path(name if name.lower().endswith(".zip") else name + ".zip"))

    def start(self, target: Path) -> BackgroundTask:
        kind, lang, case = self.kind(), self.lang.currentData(), self.case
        password = new_export_password() if self.encrypt.isChecked() else None

        def work(progress, cancelled):
            return case.write_export_file(
                target, kind=kind, lang=lang, password=password, progress=progress, cancelled=cancelled
            )

        self.task = BackgroundTask(self, t("gui.export.progress_title"), t("gui.export.progress"), work)
        self.task.succeeded.connect(lambda result: self._written(result, kind, lang, password))
        self.task.failed.connect(lambda error: show_error(self, error))
        self.task.cancelled.connect(
            lambda: show_message(self, self.windowTitle(), t("error.export_cancelled"))
        )
        return self.task.start()

    def _written(self, result, kind: ExportKind, lang: str, password: str | None) -> None:
        try:
            self.case.record_export(result, kind=kind, lang=lang, encrypted=bool(password))
        except DsrDeskError as error:
            show_error(self, error)  # not recorded, so the file was removed: no password to show
            return
        if password:
            try:
                self.case.set_answers(password_channel=self.channel.currentText())
            except DsrDeskError as error:
                show_error(self, error)  # the file exists and is recorded: its password must not be lost
        self.exported.emit()
        if password:
            self.password_dialog = PasswordDialog(password, result.path.name, self)
            self.password_dialog.finished.connect(lambda _r: self._offer_letter())
            self.password_dialog.open()
        else:
            self._offer_letter()

    def _offer_letter(self) -> None:
        self.accept()
        self.letter_wanted.emit(LetterKind.EXPORT_COVER.value)


class PasswordDialog(QDialog):
    """The password exists only here: it is not stored, so it is shown once, until the handler has it."""

    def __init__(self, password: str, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password = password
        self.setWindowTitle(t("gui.export.password_title"))
        intro = QLabel(t("gui.export.password_intro", file=file_name), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        shown = secret_label(password, self)
        self.clipboard_watch = SecretClipboardWatch(password, self)
        copy = QPushButton(t("gui.export.copy"), self)
        copy.clicked.connect(self.copy)
        self.noted = QCheckBox(t("gui.export.password_noted"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.done_button = buttons.addButton(t("gui.export.done"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.setEnabled(False)
        self.noted.toggled.connect(self.done_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (intro, shown, self.noted, buttons):
            layout.addWidget(widget)

    def copy(self) -> None:
        copy_secret(self.password)

    def reject(self) -> None:
        if self.noted.isChecked():  # Escape must not lose a password that exists nowhere else
            super().reject()
