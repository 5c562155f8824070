"""Layering rules: the core never touches Qt or plotting, and the CLI starts without loading them."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import massage_gui

PACKAGE_DIR = Path(massage_gui.__file__).resolve().parent
CORE_DIR = PACKAGE_DIR / "core"
BANNED = frozenset({"PySide6", "shiboken6", "pyqtgraph"})
HEAVY_FOR_CLI = ("PySide6", "pyqtgraph", "numpy")


def banned_imports(source: str, filename: str = "<string>") -> list[str]:
    """Every import of a banned top-level package in ``source``, as 'line: module'."""
    found: list[str] = []

    def check(module: str | None, lineno: int) -> None:
        if module and module.split(".")[0] in BANNED:
            found.append(f"{filename}:{lineno}: {module}")

    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                check(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                check(node.module, node.lineno)
        elif isinstance(node, ast.Call):
            # importlib.import_module("PySide6...") and __import__("PySide6...") with a literal name
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("import_module", "__import__") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    check(first.value, node.lineno)
    return found


def core_modules() -> list[Path]:
    return sorted(CORE_DIR.rglob("*.py"))


def test_core_modules_exist() -> None:
    names = {p.stem for p in core_modules()}
    assert {"routine", "plan", "sequencer", "frame", "anatomy"} <= names


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_core_module_does_not_import_qt_or_plotting(path: Path) -> None:
    problems = banned_imports(path.read_text(encoding="utf-8"), str(path))
    assert problems == [], "the core must stay free of Qt and pyqtgraph:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "import PySide6.QtCore",
        "import shiboken6 as sb",
        "import os, pyqtgraph",
        "from PySide6 import QtCore",
        "from PySide6.QtWidgets import QWidget",
        "from pyqtgraph.Qt import QtGui",
        "from shiboken6 import isValid",
        "def f():\n    import PySide6.QtGui\n",
        "try:\n    from pyqtgraph import mkPen\nexcept ImportError:\n    pass\n",
        "import importlib\nimportlib.import_module('PySide6.QtCore')",
        "__import__('pyqtgraph')",
    ],
)
def test_checker_catches_every_import_form(source: str) -> None:
    assert len(banned_imports(source)) == 1


@pytest.mark.parametrize(
    "source",
    ["import json", "from pathlib import Path", "import PySide6_helpers", "from mypyqtgraph import x", "x = 'PySide6'"],
)
def test_checker_allows_other_imports(source: str) -> None:
    assert banned_imports(source) == []


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
