"""Icons at every size, drawn from dsr_desk/resources/icons/dsr-desk.svg by Qt's own SVG renderer.

    python installers/icons.py OUT_DIR

writes OUT_DIR/png/dsr-desk-{16..1024}.png, OUT_DIR/dsr-desk.ico (Windows: 16-256 in one file) and
OUT_DIR/dsr-desk.icns (macOS: 16-1024). Each size is rendered from the vector, not scaled from a larger
bitmap; Pillow (already a dependency) packs them into .ico and .icns. Nothing outside the project's own
dependencies is needed, so every build machine makes the same icons.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build machine has no screen

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "dsr_desk" / "resources" / "icons" / "dsr-desk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def make_icons(out: Path) -> dict[str, Path]:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"icons: cannot read {SVG}")
    rendered = {size: render(renderer, size) for size in PNG_SIZES}
    (out / "png").mkdir(parents=True, exist_ok=True)
    for size, image in rendered.items():
        image.save(out / "png" / f"dsr-desk-{size}.png")
    largest_ico = rendered[max(ICO_SIZES)]
    largest_ico.save(
        out / "dsr-desk.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[rendered[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    largest_icns = rendered[max(ICNS_SIZES)]
    largest_icns.save(
        out / "dsr-desk.icns", append_images=[rendered[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)]
    )
    del app
    return {"ico": out / "dsr-desk.ico", "icns": out / "dsr-desk.icns", "png": out / "png"}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    for kind, path in make_icons(Path(sys.argv[1])).items():
        print(f"icons: {kind} -> {path}")
