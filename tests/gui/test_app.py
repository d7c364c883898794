"""The application as it starts: Qt's own dialogs speak the app's language too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from dsr_desk.gui.app import prepare_application


def test_standard_buttons_are_in_dutch_like_the_rest(qapp, tmp_path):
    app = prepare_application(tmp_path / "nog-geen-werkmap")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        assert "Annuleren" in [button.text() for button in box.buttons()]
        # The widget file dialog (where there is no native one) speaks Dutch too.
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "Zoeken in:"
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "Bestanden van type:"
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.deleteLater()
