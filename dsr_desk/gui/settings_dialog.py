"""Settings: the organisation, the handler's name, the language, and the clock's choices where the law
leaves one (LEGAL.md §2), each with the one line of law behind it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Desk
from dsr_desk.errors import ValidationError
from dsr_desk.gui.forms import ProblemBanner
from dsr_desk.i18n import LANGUAGES, format_date, t

_DAY_ROLE = Qt.ItemDataRole.UserRole


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class SettingsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.setWindowTitle(t("gui.settings.title"))
        self.setMinimumWidth(560)
        settings = desk.settings
        self.banner = ProblemBanner(self)
        self.organisation = QLineEdit(settings.organisation_name, self)
        self.handler = QLineEdit(settings.handler_name, self)
        self.handler.setPlaceholderText(desk.actor)
        self.language = QComboBox(self)
        for lang in LANGUAGES:
            self.language.addItem(t(f"gui.language.{lang}"), lang)
        self.language.setCurrentIndex(LANGUAGES.index(settings.language))
        general = QGroupBox(t("gui.settings.general"), self)
        form = QFormLayout(general)
        form.addRow(t("gui.settings.organisation"), self.organisation)
        form.addRow(t("gui.settings.handler"), self.handler)
        form.addRow(t("gui.settings.language"), self.language)
        form.addRow("", _hint(t("gui.settings.language_note"), self))

        clock = QGroupBox(t("gui.settings.clock"), self)
        self.pause = QCheckBox(t("gui.settings.pause"), self)
        self.pause.setChecked(settings.pause_while_waiting)
        self.good_friday = QCheckBox(t("gui.settings.good_friday"), self)
        self.good_friday.setChecked(settings.good_friday)
        self.extra_days = QListWidget(self)
        self.extra_days.setFixedHeight(84)
        for day, name in settings.extra_holidays:
            self._add_day(day, name)
        today = desk.today()
        self.new_day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.new_day.setCalendarPopup(True)
        self.new_day.setDisplayFormat("d MMMM yyyy")
        self.new_day_name = QLineEdit(self)
        self.new_day_name.setPlaceholderText(t("gui.settings.extra_day_name"))
        self.add_day_button = add = QPushButton(t("gui.settings.add_day"), self)
        add.clicked.connect(lambda: self._add_day(self.new_day.date().toPython(), self.new_day_name.text()))
        remove = QPushButton(t("gui.settings.remove_day"), self)
        remove.clicked.connect(
            lambda: [
                self.extra_days.takeItem(self.extra_days.row(i)) for i in self.extra_days.selectedItems()
            ]
        )
        adding = QHBoxLayout()
        for widget in (self.new_day, self.new_day_name, add, remove):
            adding.addWidget(widget)
        box = QVBoxLayout(clock)
        box.addWidget(self.pause)
        box.addWidget(_hint(t("gui.settings.pause_law"), self))
        box.addWidget(self.good_friday)
        box.addWidget(_hint(t("gui.settings.good_friday_law"), self))
        box.addWidget(QLabel(t("gui.settings.extra_days"), self))
        box.addWidget(_hint(t("gui.settings.extra_days_law"), self))
        box.addWidget(self.extra_days)
        box.addLayout(adding)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(t("gui.save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(t("gui.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.banner, general, clock, buttons):
            layout.addWidget(widget)

    def _add_day(self, day: dt.date, name: str) -> None:
        item = QListWidgetItem(f"{format_date(day)} — {name.strip() or t('gui.settings.extra_day_default')}")
        item.setData(_DAY_ROLE, (day.isoformat(), name.strip() or t("gui.settings.extra_day_default")))
        self.extra_days.addItem(item)
        self.new_day_name.clear()

    def extra_holidays(self) -> tuple[tuple[dt.date, str], ...]:
        items = (self.extra_days.item(i).data(_DAY_ROLE) for i in range(self.extra_days.count()))
        return tuple(sorted({(dt.date.fromisoformat(day), name) for day, name in items}))

    def _save(self) -> None:
        try:
            self._desk.update_settings(
                organisation_name=self.organisation.text(),
                handler_name=self.handler.text(),
                language=self.language.currentData(),
            )
        except ValidationError as error:
            self.banner.show_problems(error.problem_messages())
            return
        self._desk.update_clock_settings(
            pause_while_waiting=self.pause.isChecked(),
            good_friday=self.good_friday.isChecked(),
            extra_holidays=self.extra_holidays(),
        )
        self.accept()
