"""Renders the app icon into the hicolor icon theme layout under packaging/icons/ and into the window icon's
PNGs under assets/icons/ (run after changing it).

    python tools/render_icons.py [--check]

The source is assets/icons/<app-id>.svg. It is copied to packaging/icons/hicolor/scalable/apps/<app-id>.svg
and rendered with QtSvg to packaging/icons/hicolor/<n>x<n>/apps/<app-id>.png for every size in SIZES, and
to assets/icons/<app-id>-<n>.png for every size in WINDOW_ICON_SIZES: the app's window icon (massage_gui/ui/app.py),
which so needs no SVG library at start. ``--check`` writes nothing and exits 1 when a committed file differs
from what the SVG gives now.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from massage_gui import APP_ID  # noqa: E402 (after the path set-up)
from massage_gui.ui.app import WINDOW_ICON_SIZES  # noqa: E402

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SOURCE = ROOT / "assets" / "icons" / f"{APP_ID}.svg"
HICOLOR = ROOT / "packaging" / "icons" / "hicolor"


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise SystemExit(f"cannot encode the {size} px PNG")
    return bytes(buffer.data().data())


def outputs() -> dict[Path, bytes]:
    """Every file rendered from the SVG (under packaging/icons/hicolor and assets/icons) and its content."""
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE}: QtSvg cannot read it")
    files = {HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg": SOURCE.read_bytes()}
    for size in SIZES:
        files[HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = render_png(renderer, size)
    for size in WINDOW_ICON_SIZES:
        files[SOURCE.with_name(f"{APP_ID}-{size}.png")] = render_png(renderer, size)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    args = parser.parse_args()
    QGuiApplication(sys.argv[:1])
    stale = []
    for path, data in outputs().items():
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(path.relative_to(ROOT))
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)} (run python tools/render_icons.py)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
