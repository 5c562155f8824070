"""What the window's start leaves out: libraries it does not need by the first frame stay unloaded. Run in a
process of its own, as the app starts (the test process has loaded everything already)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from massage_gui.core.app_files import AppFiles
    from massage_gui.core.paths import AppPaths
    from massage_gui.ui.app import create_application, start_window
    from massage_gui.ui.single_instance import SingleInstance

    app = create_application()
    files = AppFiles(AppPaths.from_environment())
    files.paths.create_folders()
    instance = SingleInstance(files.paths.state_dir, app)
    assert instance.claim()
    started = start_window(files)
    started.window.show()
    app.processEvents()
    with open("/proc/self/maps") as maps:
        loaded = sorted({line.split("/")[-1].strip() for line in maps if "/" in line})
    import gc, linecache
    from massage_gui.core.geometry import StrokePath
    sampled = sum(1 for o in gc.get_objects() if isinstance(o, StrokePath) and "_walk" in vars(o))
    from massage_gui.core.drawing import Drawing
    drawings = sum(1 for o in gc.get_objects() if isinstance(o, Drawing))
    styled = sorted(w.objectName() or type(w).__name__ for w in app.allWidgets() if w.styleSheet())
    styled += ["the application"] if app.styleSheet() else []
    flags = sys.modules["PySide6.support.feature"].pyside_feature_dict
    names = ("massage_gui.ui.face_view", "massage_gui.core.plan")
    from PySide6 import QtCore, QtGui, QtWidgets
    types = sorted(n for m in (QtCore, QtGui, QtWidgets) for n, v in vars(m).items() if isinstance(v, type))
    print(json.dumps({"loaded": loaded, "modules": sorted(sys.modules), "linecache": sorted(linecache.cache),
                      "flags": {name: flags.get(name) for name in names}, "sampled_paths": sampled,
                      "drawings": drawings, "styled": styled, "types": types}))
    instance.release()
    """
)


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What a window started as the app starts it has loaded: libraries, modules, linecache, PySide's flags."""
    home = tmp_path_factory.mktemp("home")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MASSAGE_GUI_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_the_window_starts_without_openssl(started: dict[str, Any]) -> None:
    """The single-instance socket's name came from hashlib, which loads OpenSSL (3 MiB) for nothing else."""
    result = started
    assert not [name for name in result["loaded"] if name.startswith(("libcrypto", "libssl"))], result["loaded"]
    assert "_hashlib" not in result["modules"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_the_window_starts_without_qtnetwork(started: dict[str, Any]) -> None:
    """The single-instance socket was QtNetwork's QLocalServer: 2.4 MiB with the Kerberos libraries it brings."""
    result = started
    assert "PySide6.QtNetwork" not in result["modules"]
    assert not [name for name in result["loaded"] if name.startswith(("libQt6Network", "libkrb5"))], result["loaded"]


def test_pyside_keeps_no_module_source(started: dict[str, Any]) -> None:
    """PySide6 read the source of every module imported after it into linecache (4.5 MiB at the first frame) to
    see whether it names PySide6; it gets the same answers without keeping the sources."""
    result = started
    assert [name for name in result["linecache"] if "massage_gui" in name] == []
    assert result["flags"] == {"massage_gui.ui.face_view": 0, "massage_gui.core.plan": -1}, "PySide6's own answers"


def test_voice_code_loads_with_the_voice_not_with_the_window(started: dict[str, Any]) -> None:
    """The speech client brings getpass and its protocol; it is imported when voice loads, after the first
    frame, not with the window."""
    modules = started["modules"]
    assert "massage_gui.ui.ssip_speech" not in modules
    assert "ctypes" not in modules


def test_the_window_starts_without_the_heavy_modules(started: dict[str, Any]) -> None:
    """Charts (pyqtgraph, numpy), sound (QtMultimedia), Qt's speech and the session log (SQLite) load when first
    needed, after the first frame."""
    heavy = ("pyqtgraph", "numpy", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "sqlite3", "_sqlite3")
    heavy += ("massage_gui.ui.pulse_sound", "massage_gui.ui.pulse_samples", "massage_gui.ui.qt_sounds")
    assert [name for name in started["modules"] if name.startswith(heavy)] == []


def test_no_stroke_path_is_sampled_for_the_first_frame(started: dict[str, Any]) -> None:
    """The anatomy's stroke paths are walked only once a session shows hands and arrows (0.75 MiB of samples)."""
    assert started["sampled_paths"] == 0


def test_the_compact_window_loads_when_first_asked_for(started: dict[str, Any]) -> None:
    """The small always-on-top window is built the first time the user asks for it; its code waits till then."""
    assert "massage_gui.ui.compact_window" not in started["modules"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_the_window_icon_needs_no_svg_library(started: dict[str, Any]) -> None:
    """The window icon came from the SVG, which loaded QtSvg and Qt's SVG icon plugin for it (0.8 MiB at the
    first frame); it is drawn from PNGs made from that SVG (tools/render_icons.py)."""
    assert not [name for name in started["loaded"] if name.startswith(("libQt6Svg", "libqsvg"))], started["loaded"]


def test_the_face_is_kept_as_painter_paths_only(started: dict[str, Any]) -> None:
    """Once the face's painter paths are made, the drawing they were made from (its shapes as Python tuples) goes."""
    assert started["drawings"] == 0


def test_the_text_checks_need_no_unicode_database_nor_html_module(started: dict[str, Any]) -> None:
    """Telling control characters (a fixed set) and escaping text for a tooltip loaded the Unicode database
    (0.2 MiB) and the HTML entity table at start."""
    assert not {"unicodedata", "html", "html.entities"} & set(started["modules"])


def test_the_window_starts_without_style_sheets(started: dict[str, Any]) -> None:
    """One style sheet anywhere puts Qt's style sheet engine under every widget it reaches: 0.5 MiB at the first
    frame, and rules matched at each paint. Colours come from palettes, backgrounds are painted."""
    assert started["styled"] == []


def test_dialog_helpers_load_when_first_asked_for(started: dict[str, Any]) -> None:
    """The favourite name question is asked only after a session or a click: its code waits till then."""
    assert "massage_gui.ui.name_prompt" not in started["modules"]


def test_the_stroke_layer_loads_when_a_session_first_plays_a_stroke(started: dict[str, Any]) -> None:
    """Qt's graphics view, which plays strokes and turns the dial's ring, is not needed before a session: its code
    waits till then."""
    for module in ("stroke_layer", "ring_view", "played_view"):
        assert f"massage_gui.ui.{module}" not in started["modules"]


def test_qt_classes_the_first_frame_does_not_show_get_no_python_type(started: dict[str, Any]) -> None:
    """PySide builds a Qt class's Python type, with its enums, when Python first names the class (0.05 to 0.5 MiB
    each). The classes of what the window does not show at start are named only once they are used; with
    reminders off, the tray's module is not loaded."""
    unused = {"QSystemTrayIcon", "QTextEdit", "QPlainTextEdit", "QTabBar", "QAbstractSpinBox", "QLineEdit"}
    unused |= {"QComboBox", "QListView", "QAbstractItemView", "QStandardItemModel", "QScrollBar"}  # routine_picker
    assert not unused & set(started["types"])
    assert "massage_gui.ui.tray" not in started["modules"]
    assert "massage_gui.core.diary_draft" not in started["modules"], "read only when a draft was kept"


def test_no_handler_of_the_window_takes_a_plain_qevent(started: dict[str, Any]) -> None:
    """A Python override that takes a plain QEvent (``event``, ``changeEvent``, ``eventFilter``) has PySide build
    the Python type of each of Qt's 53 event classes at the first event it gets (0.6 MiB, about 3 ms). The
    window's handlers take the event classes they handle; what it learnt from plain events (a new layout, pixel
    ratio, font or window state) it learns otherwise (ui/step_panel.py, ui/rep_dial.py, ui/main_window.py)."""
    never_sent = {"QTabletEvent", "QNativeGestureEvent", "QDropEvent", "QGraphicsSceneEvent", "QWhatsThisClickedEvent"}
    assert not never_sent & set(started["types"])


DIALOGS_CHILD = textwrap.dedent(
    """
    import json
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication
    from massage_gui.ui.app import create_application
    from massage_gui.ui.diary_dialog import DiaryDialog
    from massage_gui.ui.safety_dialog import SafetyDialog

    app = create_application()
    shown = [SafetyDialog(None, confirm=True), DiaryDialog(lambda values: None)]
    for dialog in shown:
        dialog.show()
        app.processEvents()
    diary = shown[1]
    diary.fields["neck"].setFocus()
    spin = diary.ratings["swelling"].spin
    where = QPointF(spin.rect().center())
    QApplication.sendEvent(spin, QWheelEvent(where, where, QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
                                             Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))
    app.processEvents()
    from PySide6 import QtCore, QtGui, QtWidgets
    print(json.dumps(sorted(n for m in (QtCore, QtGui, QtWidgets) for n, v in vars(m).items() if isinstance(v, type))))
    """
)


def test_the_dialogs_after_a_session_and_at_the_first_start_take_no_plain_qevent(tmp_path: Path) -> None:
    """The safety information (at the first start) and the diary (after a session) click, focus and turn the
    wheel with handlers of the event classes they handle (see test_no_handler_of_the_window_takes_a_plain_qevent)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MASSAGE_GUI_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", DIALOGS_CHILD], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    types = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "QWheelEvent" in types, "the wheel reached a handler"
    assert not {"QTabletEvent", "QNativeGestureEvent", "QDropEvent", "QGraphicsSceneEvent"} & types
