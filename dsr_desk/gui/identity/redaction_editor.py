"""The redaction editor: the scan, a crop frame around the document, and black boxes to draw, move and
resize over the photo, the BSN, the MRZ's BSN field and the QR code. Templates place the boxes for common
Dutch documents inside the crop frame; the handler adjusts them by eye."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView, QWidget

from dsr_desk.gui.identity.image_bridge import to_pixmap
from dsr_desk.i18n import t
from dsr_desk.rules.id_templates import Box, boxes_for

HANDLE = 14  # pixels of the corner that resize rather than move


class ResizableRect(QGraphicsRectItem):
    """A rectangle that moves when dragged inside and resizes when dragged by its bottom-right corner."""

    def __init__(self, rect: QRectF, pen: QPen, brush: QBrush) -> None:
        super().__init__(rect)
        self.setPen(pen)
        self.setBrush(brush)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        )
        self._resizing = False

    def mousePressEvent(self, event) -> None:
        corner = self.rect().bottomRight()
        self._resizing = (event.pos() - corner).manhattanLength() < HANDLE * 2 / max(self._scale(), 1e-6)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._resizing:
            rect = self.rect()
            rect.setBottomRight(
                QPointF(max(event.pos().x(), rect.left() + 4), max(event.pos().y(), rect.top() + 4))
            )
            self.setRect(rect)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        self._resizing = False
        super().mouseReleaseEvent(event)

    def scene_rect(self) -> QRectF:
        return self.mapRectToScene(self.rect())

    def _scale(self) -> float:
        views = self.scene().views() if self.scene() else []
        return views[0].transform().m11() if views else 1.0


class CropFrame(ResizableRect):
    """The frame around the document: grabbed by its edge only, so the inside stays free for drawing boxes."""

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.rect())
        stroker = QPainterPathStroker()
        stroker.setWidth(HANDLE * 2 / max(self._scale(), 1e-6))
        return stroker.createStroke(path)


class RedactionEditor(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("#3b4148"))
        self.image: Image.Image | None = None
        self.crop: ResizableRect | None = None
        self.boxes: list[ResizableRect] = []
        self._drawing: ResizableRect | None = None
        self._origin = QPointF()
        self._show_hint()

    def _show_hint(self) -> None:
        """An empty editor says what to do, rather than show a dark, empty canvas."""
        hint = self.scene().addText(t("gui.identity.editor_hint"))
        hint.setDefaultTextColor(QColor("#e8ecef"))
        hint.setTextWidth(380)
        self.hint = hint

    def show_image(self, image: Image.Image) -> None:
        self.scene().clear()
        self.hint = None
        self.boxes, self.image = [], image
        self.scene().addPixmap(to_pixmap(image))
        self.scene().setSceneRect(0, 0, image.width, image.height)
        self.crop = CropFrame(
            QRectF(0, 0, image.width, image.height), _crop_pen(), QBrush(Qt.BrushStyle.NoBrush)
        )
        self.crop.setZValue(1)
        self.scene().addItem(self.crop)
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def apply_template(self, template: str) -> None:
        """Replaces the boxes with the template's, scaled into the crop frame."""
        if self.image is None or self.crop is None:
            return
        for item in self.boxes:
            self.scene().removeItem(item)
        self.boxes = []
        frame = self.crop.scene_rect()
        for box in boxes_for(template, int(frame.width()), int(frame.height())):
            self.add_box(QRectF(frame.x() + box.x, frame.y() + box.y, box.width, box.height))

    def add_box(self, rect: QRectF) -> ResizableRect:
        item = ResizableRect(rect, QPen(QColor("#ffcc00"), 2), QBrush(QColor(0, 0, 0, 200)))
        item.setZValue(2)
        self.scene().addItem(item)
        self.boxes.append(item)
        return item

    def crop_box(self) -> Box:
        frame = self.crop.scene_rect() if self.crop else QRectF()
        return Box(round(frame.x()), round(frame.y()), round(frame.width()), round(frame.height()))

    def cropped(self) -> tuple[Image.Image, list[Box]]:
        """The image cut to the crop frame, and the boxes in its coordinates: what gets masked."""
        assert self.image is not None
        frame = self.crop_box().clipped(*self.image.size)
        image = self.image.crop((frame.x, frame.y, frame.x + frame.width, frame.y + frame.height))
        boxes = []
        for item in self.boxes:
            rect = item.scene_rect()
            boxes.append(
                Box(
                    round(rect.x()) - frame.x,
                    round(rect.y()) - frame.y,
                    round(rect.width()),
                    round(rect.height()),
                ).clipped(*image.size)
            )
        return image, [box for box in boxes if box.width and box.height]

    # Drawing a new box: drag on the image where there is no box yet.
    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if (
            self.image is not None
            and event.button() == Qt.MouseButton.LeftButton
            and not isinstance(item, ResizableRect)
        ):
            self._origin = self.mapToScene(event.position().toPoint())
            self._drawing = self.add_box(QRectF(self._origin, self._origin))
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing is not None:
            self._drawing.setRect(
                QRectF(self._origin, self.mapToScene(event.position().toPoint())).normalized()
            )
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing is not None:
            if self._drawing.rect().width() < 4 or self._drawing.rect().height() < 4:
                self.scene().removeItem(self._drawing)
                self.boxes.remove(self._drawing)
            self._drawing = None
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            for item in [b for b in self.boxes if b.isSelected()]:
                self.scene().removeItem(item)
                self.boxes.remove(item)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.image is not None:
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


def _crop_pen() -> QPen:
    pen = QPen(QColor("#4fc3f7"), 3)
    pen.setStyle(Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    return pen
