"""A file that is not valid JSON: Python's words, said with where once ("starting at line 1", not "at at")."""

from __future__ import annotations

from pathlib import Path

import pytest

from massage_gui.cli import main
from massage_gui.core.errors import DataError
from massage_gui.core.paths import AppPaths
from massage_gui.core.strictjson import loads_strict

ERROR = "massage-gui: error: "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"schema": "massage-gui/routine", "version": 1, "n', "Unterminated string starting at line 1 column 49"),
        ('{"a": "x\ny"}', "Invalid control character at line 1 column 9"),
        ("", "Expecting value at line 1 column 1"),
        ('{"a": 1} x', "Extra data at line 1 column 10"),
    ],
)
def test_json_errors_say_where_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr() == ("", f"{ERROR}{path}: file is not valid JSON: {expected}\n")
    with pytest.raises(DataError, match=r"^settings\.json is not valid JSON: ") as caught:
        loads_strict(text.encode(), max_bytes=1000, what="settings.json")
    assert str(caught.value) == f"settings.json is not valid JSON: {expected}"


def test_a_truncated_settings_file_warns_once_with_where(capsys: pytest.CaptureFixture[str]) -> None:
    settings = AppPaths.from_environment().settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"schema": "massage-gui/settings", "pace', encoding="utf-8")
    assert main(["routines"]) == 0
    err = capsys.readouterr().err
    assert " at at " not in err
    assert "is not valid JSON: Unterminated string starting at line 1 column 36" in err, err
