"""Text from files and users shown exactly as written (ui/plain_text.py)."""

from __future__ import annotations

import html

import pytest

from massage_gui.ui.plain_text import as_written


@pytest.mark.parametrize(
    "text", ["<img src=/dev/zero>", "Tom & Jerry's <b>bold</b>", '"quoted" > &amp;', "a\nb  c", "&lt;"]
)
def test_as_written_escapes_as_the_html_module_does(text: str) -> None:
    assert as_written(text) == f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>'


def test_as_written_leaves_an_empty_text_empty() -> None:
    assert as_written("") == ""
