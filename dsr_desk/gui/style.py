"""The look: Qt's Fusion style on every platform, a calm light palette, and a few named widgets."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from dsr_desk.resources import resource_path

ACCENT = "#1f5f8b"

STYLESHEET = f"""
QLabel#problemBanner {{
    background: #fdecea; color: #8a1c12; border: 1px solid #f1b0a8; border-radius: 4px; padding: 8px;
}}
QLabel#hint {{ color: #5f6b76; }}
QLabel#placeholder {{ color: #7a8590; font-size: 15px; }}
QLabel#caseError {{ color: #8a1c12; padding: 24px; }}
QLabel#cloudWarning {{ color: #8a1c12; font-weight: 600; }}
QLabel#caseInUse {{
    background: #fff4d6; color: #5c4300; border: 1px solid #e8cf86; border-radius: 4px; padding: 8px;
}}
QLabel#caseReference {{ font-size: 20px; font-weight: 600; }}
QLabel#sectionHeading {{ font-size: 14px; font-weight: 600; margin-top: 6px; }}
QLabel#fieldLabel {{ color: #5f6b76; }}
QLabel#statusChip {{
    border-radius: 9px; padding: 2px 10px; font-weight: 600; background: #e8eef3; color: #23405a;
}}
QLabel#statusChip[status="new"] {{ background: #e6f0fa; color: #1f5f8b; }}
QLabel#statusChip[status="in_progress"] {{ background: #fff4d6; color: #7a5600; }}
QLabel#statusChip[status="waiting"] {{ background: #efe6fa; color: #5b2f8b; }}
QLabel#statusChip[status="closed"] {{ background: #e3f3e6; color: #22662f; }}
QLabel#auditState[ok="true"] {{ color: #22662f; }}
QLabel#auditState[ok="false"] {{ color: #8a1c12; font-weight: 600; }}
QLabel#recoveryKey {{ background: #f1f4f7; border: 1px solid #d5dde4; border-radius: 6px; padding: 14px; }}
QToolButton#primaryAction {{
    background: {ACCENT}; color: white; border-radius: 4px; padding: 5px 14px; font-weight: 600;
}}
QToolButton#primaryAction:hover {{ background: #2a72a6; }}
*[invalid="true"] {{ border: 1px solid #d2402f; border-radius: 3px; }}
QFrame#reminderBanner {{ background: #fff4d6; border-bottom: 1px solid #e8cf8a; }}
QFrame#clockPanel {{ background: #f1f5f9; border: 1px solid #d5dde4; border-radius: 6px; }}
QLabel#clockDue {{ font-size: 15px; font-weight: 600; }}
QLabel#clockUrgency[urgency="overdue"] {{ color: #8a1c12; font-weight: 600; }}
QLabel#clockUrgency[urgency="critical"] {{ color: #7a3d00; font-weight: 600; }}
QLabel#clockUrgency[urgency="soon"] {{ color: #6b5300; font-weight: 600; }}
QLabel#clockUrgency[urgency="later"] {{ color: #22662f; }}
QLabel#clockWarning {{ color: #8a1c12; font-weight: 600; }}
QTableView#caseTable {{ selection-background-color: #d7e6f3; selection-color: black; }}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f7f9"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f4f6f8"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)


@cache
def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "dsr-desk.svg")))
