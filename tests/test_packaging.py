"""Desktop integration and packaging: one app id everywhere, valid desktop files, icons in every size, the
Flatpak manifest's permissions, the PyInstaller spec's module lists, and the entry points."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import massage_gui
from massage_gui import APP_ID

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
MANIFEST = PACKAGING / f"{APP_ID}.yml"
SPEC = PACKAGING / "massage_gui.spec"
HICOLOR = PACKAGING / "icons" / "hicolor"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# What the Flatpak may do, and nothing more: display, sound (cues and spoken cues), keep the screen on.
FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
    "--socket=pulseaudio",
    "--filesystem=xdg-run/speech-dispatcher:ro",
    "--talk-name=org.freedesktop.ScreenSaver",
}
SCREENSHOT_URL = "https://raw.githubusercontent.com/massage-gui/massage-gui/main/"


def _tool(name: str) -> str:
    """A validator from the system; CI installs them (.ci/run), elsewhere the test is skipped."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing: .ci/run installs desktop-file-utils and appstream")
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream)")
    return found


def _desktop_entry() -> dict[str, str]:
    entry: dict[str, str] = {}
    for line in DESKTOP.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            entry[key] = value
    return entry


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _manifest() -> dict[str, object]:
    """The manifest's top-level scalars and its finish-args, read from the YAML text (no YAML library
    needed: the file keeps them in plain block style)."""
    top: dict[str, object] = {}
    finish_args: list[str] = []
    key = ""
    for raw in MANIFEST.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            key, _, value = line.partition(":")
            top[key] = finish_args if key == "finish-args" else value.strip().strip("'\"")
        elif key == "finish-args" and line.lstrip().startswith("- "):
            finish_args.append(line.strip()[2:].strip("'\""))
    return top


def _spec_list(name: str) -> list[str]:
    """A list literal assigned at the top of the PyInstaller spec (the spec is Python)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            value = node.value
            if isinstance(value, ast.BinOp):  # [...] + [...]
                value = value.left
            return list(ast.literal_eval(value))
    raise AssertionError(f"{SPEC.name} has no {name} = [...]")


def _spec_hidden_imports() -> list[str]:
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if isinstance(node, ast.keyword) and node.arg == "hiddenimports":
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{SPEC.name}: no hiddenimports")


def _qt_modules_imported_by_the_app() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "massage_gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6"):
                parts = node.module.split(".")
                if len(parts) > 1:
                    found.add(parts[1])
                else:
                    found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6."))
    return found


# -- one app id -------------------------------------------------------------------------------------------


def test_app_id_is_reverse_dns() -> None:
    assert re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*){2,}", APP_ID)


def test_desktop_file_uses_the_app_id() -> None:
    entry = _desktop_entry()
    assert DESKTOP.exists()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "massage-gui"
    assert entry["StartupWMClass"] == "massage-gui"  # Qt's WM_CLASS: the application name


def test_metainfo_uses_the_app_id() -> None:
    root = _metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == "massage-gui"


def test_flatpak_manifest_uses_the_app_id() -> None:
    assert _manifest()["id"] == APP_ID


def test_the_app_sets_the_desktop_file_name_and_window_icon() -> None:
    source = (ROOT / "massage_gui" / "ui" / "app.py").read_text(encoding="utf-8")
    assert "setDesktopFileName(APP_ID)" in source
    assert "setWindowIcon(" in source


def test_icons_exist_in_every_size_under_the_app_id() -> None:
    for size in ICON_SIZES:
        png = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size), png
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    window_icon = ROOT / "assets" / "icons" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == window_icon.read_bytes(), "run python tools/render_icons.py"
    assert not re.search(r"<text\b", scalable.read_text(encoding="utf-8")), "the icon has no text"


def test_the_window_icon_comes_in_every_size_it_is_given_in() -> None:
    from massage_gui.ui.app import WINDOW_ICON_SIZES

    for size in WINDOW_ICON_SIZES:
        png = ROOT / "assets" / "icons" / f"{APP_ID}-{size}.png"
        assert _png_size(png) == (size, size), f"{png}: run python tools/render_icons.py"
        assert png.read_bytes() == (HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()


# -- metainfo content ---------------------------------------------------------------------------------------


def test_metainfo_newest_release_is_the_package_version() -> None:
    releases = _metainfo().findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == massage_gui.__version__
    dates = [r.get("date") for r in releases]
    assert dates == sorted(dates, reverse=True), "releases go newest first"


def test_metainfo_screenshots_are_https_and_match_the_files_in_the_repo() -> None:
    screenshots = _metainfo().findall("screenshots/screenshot")
    assert len(screenshots) >= 3
    assert [s.get("type") for s in screenshots].count("default") == 1
    for shot in screenshots:
        image = shot.find("image")
        assert image is not None
        assert image.text
        assert image.text.startswith(SCREENSHOT_URL)
        local = ROOT / image.text.removeprefix(SCREENSHOT_URL)
        assert local.exists(), f"{local} is not in the repository"
        assert _png_size(local) == (int(image.get("width", 0)), int(image.get("height", 0)))
        assert shot.findtext("caption")


def test_metainfo_has_content_rating_and_license() -> None:
    root = _metainfo()
    assert root.find("content_rating[@type='oars-1.1']") is not None
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"


def test_metainfo_and_desktop_file_make_no_health_claims() -> None:
    text = " ".join(
        [ET.tostring(_metainfo(), encoding="unicode", method="text"), DESKTOP.read_text(encoding="utf-8")]
    ).lower()
    claims = re.findall(r"\b(cures?|detox\w*|toxins?|boosts?|heals?|slimming|anti-?aging|rejuvenat\w*)\b", text)
    assert claims == []
    assert "not a treatment" in text


# -- validators ---------------------------------------------------------------------------------------------


def test_desktop_file_validates() -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not result.stdout.strip(), result.stdout  # no hints either


def test_metainfo_validates() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^\s*[EW]: ", result.stdout, re.M), result.stdout  # no errors or warnings


# -- Flatpak --------------------------------------------------------------------------------------------------


def test_flatpak_permissions_are_exactly_what_the_app_needs() -> None:
    args = _manifest()["finish-args"]
    assert isinstance(args, list)
    assert sorted(args) == sorted(FINISH_ARGS)
    assert len(args) == len(set(args))


def test_flatpak_manifest_builds_on_the_pyside_base_app() -> None:
    manifest = _manifest()
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["runtime"] == "org.kde.Platform"
    assert manifest["sdk"] == "org.kde.Sdk"
    assert manifest["runtime-version"] == manifest["base-version"], "the base app is built for one runtime"
    assert manifest["command"] == "massage-gui"
    text = MANIFEST.read_text(encoding="utf-8")
    for installed in ("/share/applications/", "/share/metainfo/", "/share/icons", "/app/cleanup-BaseApp.sh"):
        assert installed in text
    for url in re.findall(r"url: (\S+)", text):
        assert url.startswith("https://files.pythonhosted.org/"), url
    assert len(re.findall(r"sha256: [0-9a-f]{64}\b", text)) == len(re.findall(r"url: ", text))


def test_flatpak_builder_reads_the_manifest_the_same_way(tmp_path: Path) -> None:
    builder = shutil.which("flatpak-builder")
    if builder is None:
        pytest.skip("flatpak-builder is not installed")
    result = subprocess.run(  # in tmp_path: it makes a .flatpak-builder folder where it runs
        [builder, "--show-manifest", str(MANIFEST)], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    mine = _manifest()
    for key in ("id", "base", "base-version", "runtime", "runtime-version", "sdk", "command", "finish-args"):
        assert parsed[key] == mine[key], key


# -- PyInstaller spec -------------------------------------------------------------------------------------


def test_spec_leaves_out_no_qt_module_the_app_imports() -> None:
    excluded = set(_spec_list("UNUSED_QT"))
    used = _qt_modules_imported_by_the_app()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert used & excluded == set(), "the bundle would lack these: remove them from UNUSED_QT in the spec"
    assert {"QtWebEngineCore", "QtQml", "QtQuick", "QtSql", "QtTest", "QtCharts", "QtPdf"} <= excluded


def test_spec_lists_the_lazily_imported_modules() -> None:
    hidden = set(_spec_hidden_imports())
    lazy = {"QtSvg", "QtMultimedia", "QtTextToSpeech", "QtDBus", "QtNetwork"}
    assert {f"PySide6.{m}" for m in lazy} <= hidden
    assert {"pyqtgraph", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"} <= hidden  # pyqtgraph needs both
    assert "massage_gui/assets" in SPEC.read_text(encoding="utf-8")


# -- entry points ---------------------------------------------------------------------------------------------


def test_console_and_gui_entry_points() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"massage-gui": "massage_gui.cli:main"}
    assert project["gui-scripts"] == {"massage-gui-window": "massage_gui.cli:gui_main"}
    import massage_gui.cli

    assert callable(massage_gui.cli.main)
    assert callable(massage_gui.cli.gui_main)


def test_gui_main_runs_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    import massage_gui.ui.app
    from massage_gui.cli import gui_main

    monkeypatch.setattr(massage_gui.ui.app, "run", lambda: 0)
    assert gui_main() == 0


def test_gui_main_shows_an_error_in_a_message_box(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    import massage_gui.ui.app
    from massage_gui.cli import gui_main

    def fail() -> int:
        raise RuntimeError("no display\nat all")

    shown: list[str] = []
    monkeypatch.setattr(massage_gui.ui.app, "run", fail)
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert gui_main() == 1
    assert capsys.readouterr().err == "massage-gui: error: no display\\nat all\n"
    assert shown == ["massage-gui: error: no display\\nat all"]


@pytest.mark.skipif(sys.platform != "linux", reason="the paths of a Linux desktop")
def test_paths_follow_xdg_on_linux(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from massage_gui.core.paths import AppPaths

    monkeypatch.delenv("MASSAGE_GUI_HOME", raising=False)
    for name in ("CONFIG", "DATA", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    paths = AppPaths.from_environment()
    assert paths.settings_file == tmp_path / "config" / "massage-gui" / "settings.json"
    assert paths.favourites_file == tmp_path / "data" / "massage-gui" / "favourites.json"
    assert paths.history_file == tmp_path / "data" / "massage-gui" / "history.sqlite3"
    assert paths.ui_state_file == tmp_path / "state" / "massage-gui" / "window-state.json"


def test_paths_on_macos(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import platformdirs
    import platformdirs.macos

    from massage_gui.core.paths import AppPaths

    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.macos.MacOS)
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("CONFIG", "DATA", "STATE"):
        monkeypatch.delenv(f"XDG_{name}_HOME", raising=False)
    paths = AppPaths.from_environment({})
    folder = tmp_path / "Library" / "Application Support" / "massage-gui"
    assert (paths.config_dir, paths.data_dir, paths.state_dir) == (folder, folder, folder)


def test_paths_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs
    import platformdirs.windows

    from massage_gui.core.paths import AppPaths

    folders = {"CSIDL_LOCAL_APPDATA": r"C:\Users\me\AppData\Local", "CSIDL_APPDATA": r"C:\Users\me\AppData\Roaming"}
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    paths = AppPaths.from_environment({})
    assert paths.config_dir == paths.data_dir == paths.state_dir  # one folder, not roaming
    assert str(paths.data_dir).startswith(folders["CSIDL_LOCAL_APPDATA"])
    assert paths.data_dir.name == "massage-gui"
