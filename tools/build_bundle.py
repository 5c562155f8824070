"""Builds the one-folder app with PyInstaller, reports its size and runs its self-test.

    python3 tools/build_bundle.py [--venv build/bundle-venv] [--keep-venv]

Makes a clean build venv (the project installed from this checkout as a wheel would be, plus PyInstaller),
runs packaging/massage_gui.spec, prints the size of dist/massage-gui and runs
``dist/massage-gui/massage-gui --self-test``; exits non-zero when any of it fails. Works on Linux, macOS
and Windows (build each on its own platform: PyInstaller does not cross-compile).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "massage_gui.spec"
DIST = ROOT / "dist"
PYINSTALLER = "pyinstaller>=6.10,<7"


def _run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True)


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "bundle-venv", help="the build venv")
    parser.add_argument("--keep-venv", action="store_true", help="reuse the build venv if it exists")
    args = parser.parse_args()

    venv: Path = args.venv
    python = _venv_python(venv)
    if not (args.keep_venv and python.exists()):
        if venv.exists():
            shutil.rmtree(venv)
        _run(sys.executable, "-m", "venv", venv)
        _run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        extra = [] if sys.platform.startswith("linux") else ["pillow"]  # icon conversion to .ico/.icns
        _run(python, "-m", "pip", "install", "--quiet", str(ROOT), PYINSTALLER, *extra)

    started = time.monotonic()
    _run(
        python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", ROOT / "build" / "pyinstaller", SPEC,
    )  # fmt: skip
    print(f"built in {time.monotonic() - started:.0f} s")

    bundle = DIST / "massage-gui"
    exe = bundle / ("massage-gui.exe" if sys.platform == "win32" else "massage-gui")
    size = folder_size(bundle)
    files = sum(1 for p in bundle.rglob("*") if p.is_file())
    print(f"bundle: {bundle} {size / 2**20:.0f} MiB in {files} files")
    if shutil.which("du"):
        subprocess.run(["du", "-sh", str(bundle)], check=False)
    env = dict(os.environ)
    env.pop("MASSAGE_GUI_HOME", None)  # the self-test uses a temporary folder
    result = subprocess.run([str(exe), "--self-test"], env=env, check=False)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
