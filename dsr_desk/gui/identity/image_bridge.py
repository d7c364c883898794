"""Images between Pillow and Qt, in memory only: the unmasked scan never becomes a file."""

from __future__ import annotations

from PIL import Image
from PySide6.QtGui import QImage, QPixmap


def to_qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    qimage = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return qimage.copy()  # detach from the Python buffer, which may be freed


def to_pixmap(image: Image.Image) -> QPixmap:
    return QPixmap.fromImage(to_qimage(image))


def png_to_pixmap(png: bytes) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(png, "PNG")
    return pixmap
