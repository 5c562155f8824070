"""Control characters in text from files (core/plain_text.py)."""

from __future__ import annotations

import sys
import unicodedata

from massage_gui.core.plain_text import BIDI_CONTROLS, is_control


def test_is_control_matches_the_unicode_categories_for_every_code_point() -> None:
    """Controls are the characters of the categories Cc (C0, DEL, C1), Zl and Zp, and the bidi embeddings,
    overrides and isolates: the same answer as the Unicode database gives, for every code point."""
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        expected = unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch in BIDI_CONTROLS
        assert is_control(ch) == expected, f"U+{code:04X}"
