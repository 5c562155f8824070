"""``screenshot``, ``paths`` and ``history``: the window drawn to a file, where things live, what was done."""

from __future__ import annotations

import argparse
from pathlib import Path

from massage_gui.cli.context import Context, print_json, warn
from massage_gui.cli.parsing import UsageError, add_skip_flags, check_at, number, quoted, settings_for, size
from massage_gui.core.atomic import check_target
from massage_gui.core.formatting import clock
from massage_gui.core.library import resolve_routine
from massage_gui.core.paths import check_folder
from massage_gui.core.plain_text import escaped
from massage_gui.core.plan import build_plan
from massage_gui.core.settings import Settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("screenshot", help="render the main window at a moment of a routine to a PNG")
    p.add_argument("out", metavar="OUT.png")
    p.add_argument("--routine", metavar="ID", help="a routine id or file (default: the last one used)")
    p.add_argument("--at", type=number("at", 0.0), metavar="SECONDS", help="session time (default: before the start)")
    p.add_argument("--size", type=size, default=(1280, 800), metavar="WxH", help="window size (default 1280x800)")
    p.add_argument("--theme", choices=("light", "dark", "high_contrast"), help="colour scheme (default: your setting)")
    p.add_argument("--mirror", action=argparse.BooleanOptionalAction, default=None, help="mirror view (default on)")
    p.add_argument("--paused", action="store_true", help="show the session paused at that moment")
    p.add_argument("--language", choices=("en", "de"), help="the window's language (default: your setting)")
    add_skip_flags(p)
    p.set_defaults(run=_screenshot)

    p = sub.add_parser("paths", help="show where settings, favourites and history live")
    p.set_defaults(run=_paths)

    p = sub.add_parser("history", help="list the sessions you did, newest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_history)


def _screenshot(args: argparse.Namespace, ctx: Context) -> None:
    from massage_gui.ui.screenshot import render_screenshot

    if not args.out.lower().endswith(".png"):
        raise UsageError(f"{args.out}: the screenshot file name must end in .png")
    if args.paused and args.at is None:
        raise UsageError("--paused needs --at")
    settings = settings_for(args, ctx.settings)
    routine = args.routine or _last_routine(settings, ctx)
    check_target(Path(args.out))  # before the rendering, which takes a while
    if args.at is not None:
        entry = resolve_routine(routine, ctx.favourites.routines())
        check_at(args.at, build_plan(entry.routine, settings, entry.id).total_s)
    render_screenshot(Path(args.out), settings, routine, args.at, args.size, paused=args.paused,
                      saved=ctx.favourites.routines())  # fmt: skip
    print(args.out)


def _last_routine(settings: Settings, ctx: Context) -> str:
    """The routine the window opens with: the last one used, or the first when that one is gone (a deleted
    favourite, a routine opened from a file)."""
    library = ctx.library()
    if library.entry(settings.last_routine) is not None:
        return settings.last_routine
    first = library.entries()[0]
    warn(
        f"the routine last used, {quoted(settings.last_routine)}, is no longer there: "
        f"showing the first, {quoted(first.id)} ({first.routine.name}), as the window does"
    )
    return first.id


def _paths(args: argparse.Namespace, ctx: Context) -> None:
    paths = ctx.files.paths
    print(f"settings:   {paths.settings_file}")
    print(f"favourites: {paths.favourites_file}")
    print(f"history:    {paths.history_file}")
    print(f"window:     {paths.ui_state_file}")


def _result(finished: bool, reached_end: bool, ended: bool) -> str:
    if finished:
        return "finished"
    if reached_end:
        return "partly done"
    return "stopped early" if ended else "not ended"


def _history(args: argparse.Namespace, ctx: Context) -> None:
    from massage_gui.core.history import HistoryStore

    check_folder(ctx.files.paths.data_dir)
    store, notice = HistoryStore.open_read_only(ctx.files.paths.history_file)  # never creates or moves it
    warn(notice)
    try:
        records = store.sessions()
    finally:
        store.close()
    if args.json:
        print_json([record.to_json() for record in records])
        return
    if not records:
        print("No sessions yet: do a routine, or part of one, and it is listed here.")
    for r in records:
        result = _result(r.finished, r.reached_end, bool(r.ended_utc))
        steps = f"{r.steps_completed} step{'s' if r.steps_completed != 1 else ''}"
        steps += f", {r.steps_skipped} skipped" if r.steps_skipped else ""
        length = f"{clock(r.massaged_s)} of {clock(r.planned_s)}"
        name = escaped(f"{r.routine_name} [{r.routine_id}]")
        print(f"{r.started:%Y-%m-%d %H:%M %z}  {length:>13}  {result:<13}  {steps:<20}  {name}")
