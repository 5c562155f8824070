"""``diary``: the swelling diary (ratings and tape measurements), newest first, as lines or JSON."""

from __future__ import annotations

import argparse

from massage_gui.cli.context import Context, print_json, warn
from massage_gui.core.paths import check_folder
from massage_gui.core.plain_text import escaped

# Short names of the measuring points for the lines (core/diary.py explains each point).
_SHORT = {"neck": "neck", "ear_to_ear": "ear-to-ear", "mouth_left": "mouth L", "mouth_right": "mouth R"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("diary", help="list your swelling diary (ratings and tape measurements), newest first")
    p.add_argument("--json", action="store_true", help="a JSON list, one object per entry")
    p.set_defaults(run=_diary)


def _diary(args: argparse.Namespace, ctx: Context) -> None:
    from massage_gui.core.diary import POINT_KEYS
    from massage_gui.core.history import HistoryStore

    check_folder(ctx.files.paths.data_dir)
    store, notice = HistoryStore.open_read_only(ctx.files.paths.history_file)  # never creates or moves it
    warn(notice)
    try:
        entries = store.diary_entries()
    finally:
        store.close()
    if args.json:
        print_json([entry.to_json() for entry in entries])
        return
    if not entries:
        print("No diary entries yet: note how the swelling feels after a session, or from the History window.")
    for e in entries:
        cms = [f"{_SHORT[key]} {value:.1f} cm" for key in POINT_KEYS if (value := e.measurement(key)) is not None]
        parts = [f"{e.noted:%Y-%m-%d %H:%M %z}", f"swelling {e.swelling:>2}/10", f"tightness {e.tightness:>2}/10"]
        parts.append(", ".join(cms) if cms else "no measurements")
        if e.note:
            parts.append(escaped(e.note))
        print("  ".join(parts))
