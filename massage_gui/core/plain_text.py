"""Control characters in text from files: found (to refuse them), removed (to repair old data) or escaped (to
print file text on a terminal as plain text, one row per item)."""

from __future__ import annotations

# Embeddings, overrides and isolates reorder the text that follows them, even past the end of the name they
# were in ("Trojan source"). The marks U+200E, U+200F and U+061C only set the direction of one spot and are
# needed to write mixed right-to-left text: they stay, as do joiners (U+200D builds emoji sequences).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BREAKS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")


# The Unicode categories Cc (C0 controls, DEL, C1 controls), Zl and Zp: fixed sets (Unicode keeps them so), so
# they need no look-up in the Unicode database, which would load it (0.2 MiB) with the window.
CONTROLS = frozenset([*map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0)), "\u2028", "\u2029"]) | BIDI_CONTROLS


def is_control(ch: str) -> bool:
    """C0 and C1 controls (NUL, ESC, CSI, line breaks...), DEL, the line and paragraph separators and the
    bidi embeddings, overrides and isolates."""
    return ch in CONTROLS


def control_problem(text: str, *, line_breaks: bool = False) -> str | None:
    """'control character U+001B not allowed' for the first one in ``text``, or None. ``line_breaks``
    allows the plain line break U+000A."""
    for ch in text:
        if is_control(ch) and not (line_breaks and ch == "\n"):
            return f"control character U+{ord(ch):04X} not allowed"
    return None


def without_controls(text: str, *, line_breaks: bool = False) -> str:
    """``text`` with its control characters taken out: those that break or space text become a space."""
    return "".join(
        ch if not is_control(ch) or (line_breaks and ch == "\n") else " " if ch in _BREAKS else "" for ch in text
    )


def escaped(text: str) -> str:
    """``text`` for a terminal: each control character written as its escape (``\\x1b``, ``\\n``,
    ``\\u202e``), everything else as it is."""
    if not any(is_control(ch) for ch in text):
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii") if is_control(ch) else ch for ch in text)
