"""Layering rules: import-linter's contracts (pyproject.toml) hold, and the CLI starts without loading Qt."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY_FOR_CLI = ("PySide6", "pyqtgraph", "numpy")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).with_name("lint-imports")
    command = [str(tool)] if tool.exists() else [shutil.which("lint-imports") or "lint-imports"]
    return subprocess.run([*command, "--no-cache"], cwd=root, capture_output=True, text=True, timeout=120, check=False)


def test_the_import_contracts_are_kept() -> None:
    """The core imports neither Qt, pyqtgraph, the UI nor the command line; the UI never the command line."""
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("core/words.py", "from PySide6.QtCore import QObject"),
        ("core/plan.py", "import pyqtgraph"),
        ("core/frame.py", "from massage_gui.ui import theme"),
        ("ui/theme.py", "from massage_gui import cli"),
    ],
)
def test_the_contracts_catch_a_forbidden_import(tmp_path: Path, module: str, line: str) -> None:
    """The same check on a copy of the package with one forbidden import added must fail."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "massage_gui", copy / "massage_gui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    target = copy / "massage_gui" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    done = lint_imports(copy)
    assert done.returncode != 0
    assert "BROKEN" in done.stdout


def heavy_modules_after(statement: str) -> list[str]:
    """Run ``statement`` in a fresh interpreter and list the heavy modules it left loaded."""
    code = (
        f"import json, sys\n{statement}\nprint(json.dumps([m for m in {list(HEAVY_FOR_CLI)!r} if m in sys.modules]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_cli_import_stays_light() -> None:
    assert heavy_modules_after("import massage_gui.cli") == [], "importing the CLI must not load Qt, pyqtgraph or numpy"


def test_heavy_module_probe_sees_numpy() -> None:
    assert heavy_modules_after("import massage_gui.cli\nimport numpy") == ["numpy"]
