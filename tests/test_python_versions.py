"""The Pythons the package admits, 3.10 to 3.14, said alike in requires-python, the classifiers and the README;
and the PySide6 pin that keeps Python 3.11 off PySide6 6.12."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover (Python 3.10)
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SUPPORTED = ["3.10", "3.11", "3.12", "3.13", "3.14"]


def _project() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]  # type: ignore[no-any-return]


def test_requires_python_admits_the_supported_versions_and_no_other() -> None:
    spec = SpecifierSet(_project()["requires-python"])
    assert [v for v in SUPPORTED if spec.contains(f"{v}.0")] == SUPPORTED
    assert not spec.contains("3.9.0")
    assert not spec.contains("3.15.0")


def test_the_classifiers_name_the_same_versions() -> None:
    versions = [
        c.rsplit(" :: ", 1)[1]
        for c in _project()["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    assert versions == SUPPORTED


def test_the_readme_names_the_same_versions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    said = re.findall(r"Python (3\.\d+) to (3\.\d+)", readme)
    assert said, "the README says which Pythons it needs"
    assert set(said) == {(SUPPORTED[0], SUPPORTED[-1])}


def test_python_3_11_stays_below_pyside6_6_12() -> None:
    """PySide6 6.12.0 drops a reference to None on every void call; Python 3.11 then aborts."""
    for name in ("PySide6-Essentials", "PySide6-Addons"):
        pins = [Requirement(r) for r in _project()["dependencies"] if Requirement(r).name == name]
        for python in ("3.10", "3.11"):
            (chosen,) = [r for r in pins if r.marker is None or r.marker.evaluate({"python_version": python})]
            assert not chosen.specifier.contains("6.12.0"), (name, python)
        for python in ("3.12", "3.13", "3.14"):
            (chosen,) = [r for r in pins if r.marker is None or r.marker.evaluate({"python_version": python})]
            assert chosen.specifier.contains("6.12.0"), (name, python)
