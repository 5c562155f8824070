"""The ``massage-gui`` command: opens the window, or prints routines, plans and frames (see the contract)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from massage_gui import __version__
from massage_gui.core.anatomy import AREA_IDS, default_anatomy
from massage_gui.core.app_files import AppFiles
from massage_gui.core.atomic import atomic_write_text, check_target
from massage_gui.core.errors import MassageError, PlanError
from massage_gui.core.favourites import Favourites
from massage_gui.core.frame import frame_at
from massage_gui.core.library import RoutineEntry, builtin_ids, builtin_routines, resolve_routine
from massage_gui.core.paths import AppPaths, check_folder
from massage_gui.core.plain_text import escaped
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.routine import load_routine_file, routine_to_json
from massage_gui.core.settings import TREATED_SIDES, Settings, settings_field
from massage_gui.core.skips import normalised, parse_skip

PROG = "massage-gui"
AT_MARGIN_S = 3600.0  # --at may go this far past the routine's end (it shows "finished" there)


class _Context:
    """What the commands read: saved settings and favourites, loaded on first use and never repaired
    (the command line only reads them; the app fixes damaged files when it starts)."""

    def __init__(self) -> None:
        self.files = AppFiles(AppPaths.from_environment())
        self._settings: Settings | None = None
        self._favourites: Favourites | None = None

    @staticmethod
    def _warn(notice: str) -> None:
        if notice:
            print(f"{PROG}: warning: {_one_line(notice)}", file=sys.stderr)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            check_folder(self.files.paths.config_dir)
            loaded = self.files.settings().load(repair=False)
            self._warn(loaded.notice)
            self._settings = loaded.value
        return self._settings

    @property
    def favourites(self) -> Favourites:
        if self._favourites is None:
            check_folder(self.files.paths.data_dir)
            loaded = self.files.favourites().load(repair=False)
            self._warn(loaded.notice)
            self._favourites = loaded.value
        return self._favourites


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _clock(seconds: float) -> str:
    seconds = max(0, math.ceil(seconds - 1e-9))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _number(name: str, low: float | None = None, high: float | None = None):  # type: ignore[no-untyped-def]
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
        if low is not None and high is not None and not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a number from {low:g} to {high:g}, got {text}")
        if low is not None and value < low:
            raise argparse.ArgumentTypeError(f"expected a number of at least {low:g}, got {text}")
        return value

    parse.__name__ = name
    return parse


def _area(text: str) -> str:
    if text not in AREA_IDS:
        raise argparse.ArgumentTypeError(f"unknown area {text!r} (expected one of {', '.join(AREA_IDS)})")
    return text


def _skip(text: str) -> str:
    try:
        parse_skip(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown area {text!r} (expected an area such as cheeks, or one side of it: cheeks:left, cheeks:right; "
            f"areas: {', '.join(AREA_IDS)})"
        ) from None
    return text


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x800, got {text!r}") from None
    if not (800 <= width <= 7680 and 600 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"expected a size from 800x600 to 7680x4320, got {text}")
    return width, height


def _add_session_flags(parser: argparse.ArgumentParser) -> None:
    pace = settings_field("pace_s").metadata
    parser.add_argument(
        "--pace", type=_number("pace", pace["min"], pace["max"]), metavar="S", help="seconds per stroke"
    )
    parser.add_argument(
        "--skip", type=_skip, action="append", default=[], metavar="AREA[:SIDE]", help="leave out an area, or one side"
    )
    parser.add_argument("--focus", type=_area, action="append", default=[], metavar="AREA", help="1.5x the reps")
    _add_treated_flag(parser)


def _add_treated_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--treated",
        choices=TREATED_SIDES,
        metavar="SIDE",
        help="the side whose neck lymph nodes were removed or irradiated: none, left, right or both",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG, description="Guided facial and neck lymphatic self-massage. With no command, opens the window."
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check that this installation works (headless, silent) and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("routines", help="list the routines and their length at the current settings")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("plan", help="print the timeline of a routine")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a routine file")
    _add_session_flags(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("frame", help="print what the diagram shows at one moment")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a routine file")
    p.add_argument("--at", type=_number("at", 0.0), required=True, metavar="SECONDS", help="session time")
    _add_session_flags(p)
    p.add_argument("--mirror", action=argparse.BooleanOptionalAction, default=None, help="mirror view (default on)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("check", help="validate a routine file")
    p.add_argument("file", metavar="FILE")

    p = sub.add_parser("screenshot", help="render the main window at a moment of a routine to a PNG")
    p.add_argument("out", metavar="OUT.png")
    p.add_argument("--routine", metavar="ID", help="a routine id or file (default: the last one used)")
    p.add_argument("--at", type=_number("at", 0.0), metavar="SECONDS", help="session time (default: before the start)")
    p.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH", help="window size (default 1280x800)")
    p.add_argument("--theme", choices=("light", "dark"), help="colour scheme (default: your setting)")
    p.add_argument("--mirror", action=argparse.BooleanOptionalAction, default=None, help="mirror view (default on)")
    p.add_argument("--paused", action="store_true", help="show the session paused at that moment")
    p.add_argument("--language", choices=("en", "de"), help="the window's language (default: your setting)")
    p.add_argument(
        "--skip", type=_skip, action="append", default=[], metavar="AREA[:SIDE]", help="leave out an area, or one side"
    )
    _add_treated_flag(p)

    p = sub.add_parser("import", help="validate a routine file and save it as a favourite; prints its id")
    p.add_argument("file", metavar="FILE")

    p = sub.add_parser("export", help="write a routine (built-in or saved) as a routine file")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id")
    p.add_argument("file", metavar="FILE")

    sub.add_parser("paths", help="show where settings, favourites and history live")

    p = sub.add_parser("history", help="list the sessions you did, newest first")
    p.add_argument("--json", action="store_true")
    return parser


def _settings_for(args: argparse.Namespace, base: Settings) -> Settings:
    changes: dict[str, Any] = {}
    if getattr(args, "pace", None) is not None:
        changes["pace_s"] = args.pace
    if getattr(args, "skip", None):
        changes["skipped_areas"] = normalised(args.skip)
    if getattr(args, "treated", None) is not None:
        changes["treated_side"] = args.treated
    if getattr(args, "focus", None):
        changes["focus_areas"] = frozenset(args.focus)
    if getattr(args, "mirror", None) is not None:
        changes["mirror"] = args.mirror
    return dataclasses.replace(base, **changes).validated()


def _check_at(at: float, total_s: float) -> None:
    limit = total_s + AT_MARGIN_S
    if at > limit:
        raise UsageError(
            f"--at {at:g}: expected at most {limit:g} seconds "
            f"(the routine ends at {total_s:g}; one hour past the end is the limit)"
        )


def _plan_for(args: argparse.Namespace, ctx: _Context) -> Plan:
    entry = resolve_routine(args.routine, ctx.favourites.routines())
    return build_plan(entry.routine, _settings_for(args, ctx.settings), entry.id)


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _cmd_routines(args: argparse.Namespace, ctx: _Context) -> None:
    rows = []
    saved = [RoutineEntry(f.id, "saved", f.routine) for f in ctx.favourites.items]
    for entry in [*builtin_routines(), *saved]:
        try:
            total: float | None = build_plan(entry.routine, ctx.settings, entry.id).total_s
        except PlanError:  # every area of it is skipped in the settings
            total = None
        rows.append({"id": entry.id, "name": entry.routine.name, "source": entry.source, "duration_s": total})
    if args.json:
        _print_json(rows)
        return
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        length = "skipped" if r["duration_s"] is None else _clock(r["duration_s"])
        print(f"{r['id']:<{width}}  {length:>7}  {r['source']:<7}  {escaped(r['name'])}")


def _cmd_plan(args: argparse.Namespace, ctx: _Context) -> None:
    plan = _plan_for(args, ctx)
    if args.json:
        _print_json(plan.to_json())
        return
    anatomy = default_anatomy()
    s = plan.settings
    title = escaped(f"{plan.routine.name} [{plan.routine_id}]")
    print(f"{title}: {_clock(plan.total_s)} in {len(plan.steps)} steps")
    print(
        f"pace {s.pace_s:g} s/stroke, breath {s.breath_s:g} s, lead-in {s.lead_in_s:g} s, "
        f"transitions {s.transition_s:g} s"
    )
    for skipped in sorted(s.skipped_areas):
        area, side = parse_skip(skipped)
        print(f"skipped: {anatomy.areas[area].label}" + (f" ({side} side)" if side else ""))
    if s.treated_side != "none":
        print(f"treated: {s.treated_side}")
    for focus in sorted(s.focus_areas):
        print(f"focus: {anatomy.areas[focus].label}")
    print(f"{'#':>3}  {'start':>5}  {'length':>6}  {'area':<22}{'stroke':<9}{'toward':<22}{'side':<7}reps")
    for step in plan.steps:
        toward = anatomy.nodes[step.toward].label if step.toward else "-"
        if step.route == "across":
            toward = f"{toward}, other side"
        print(
            f"{step.index + 1:>3}  {_clock(step.start_s):>5}  {_clock(step.duration_s):>6}  "
            f"{anatomy.areas[step.area].label:<22}{step.stroke:<9}{toward:<21} {step.side:<7}{step.reps}"
        )
    for warning in plan.warnings:
        print(f"warning: {escaped(warning)}")


def _cmd_frame(args: argparse.Namespace, ctx: _Context) -> None:
    plan = _plan_for(args, ctx)
    _check_at(args.at, plan.total_s)
    frame = frame_at(plan, args.at, mirror=plan.settings.mirror)
    if args.json:
        _print_json(frame.to_json())
        return
    anatomy = default_anatomy()
    print(f"t {frame.t:g} s of {plan.total_s:g} s: {frame.state.replace('_', '-')}")
    if frame.step is not None:
        step = frame.step
        print(f"step {step.index + 1} of {len(plan.steps)}: {anatomy.areas[step.area].label}, {step.stroke}")
        if frame.rep is not None and frame.phase is not None:
            print(f"rep {frame.rep} of {step.reps}, phase {frame.phase:.2f}")
    print(f"{frame.step_remaining_s:.1f} s left in this part, {frame.total_remaining_s:.1f} s in all")
    for a in frame.arrows:
        print(f"arrow ({a.side}): x {a.x:.3f} y {a.y:.3f} angle {a.angle_deg:.0f} deg opacity {a.opacity:.2f}")
    for t in frame.targets:
        print(f"target {t.node} ({t.side}): x {t.x:.3f} y {t.y:.3f}")


def _cmd_check(args: argparse.Namespace, ctx: _Context) -> None:
    routine = load_routine_file(Path(args.file))
    plan = build_plan(routine, Settings())
    print(f"{args.file}: ok, {routine.name!r}, {len(routine.steps)} steps, {_clock(plan.total_s)} at the default pace")
    for warning in plan.warnings:
        print(f"warning: {warning}")


def _cmd_screenshot(args: argparse.Namespace, ctx: _Context) -> None:
    from massage_gui.ui.screenshot import render_screenshot

    settings = ctx.settings
    if not args.out.lower().endswith(".png"):
        raise UsageError(f"{args.out}: the screenshot file name must end in .png")
    changes: dict[str, Any] = {}
    if args.theme:
        changes["theme"] = args.theme
    if args.mirror is not None:
        changes["mirror"] = args.mirror
    if args.language:
        changes["language"] = args.language
    if args.skip:
        changes["skipped_areas"] = normalised(args.skip)
    if args.treated is not None:
        changes["treated_side"] = args.treated
    settings = dataclasses.replace(settings, **changes)
    routine = args.routine or settings.last_routine
    if args.paused and args.at is None:
        raise UsageError("--paused needs --at")
    check_target(Path(args.out))  # before the rendering, which takes a while
    if args.at is not None:
        entry = resolve_routine(routine, ctx.favourites.routines())
        _check_at(args.at, build_plan(entry.routine, settings, entry.id).total_s)
    render_screenshot(Path(args.out), settings, routine, args.at, args.size, paused=args.paused,
                      saved=ctx.favourites.routines())  # fmt: skip
    print(args.out)


def _cmd_import(args: argparse.Namespace, ctx: _Context) -> None:
    routine = load_routine_file(Path(args.file))
    store = ctx.files.favourites()
    loaded = store.load()
    ctx._warn(loaded.notice)
    if not store.writable:
        raise MassageError(f"{store.path} was written by a newer version of massage-gui: not changing it")
    favourites, fav_id = loaded.value.add(routine, frozenset(builtin_ids()))
    store.save(favourites)
    print(fav_id)


def _cmd_export(args: argparse.Namespace, ctx: _Context) -> None:
    entry = resolve_routine(args.routine, ctx.favourites.routines())
    out = Path(args.file)
    if out.is_dir():
        raise UsageError(f"{out}: is a folder; give a file name such as {out / (entry.id + '.json')}")
    check_target(out)
    atomic_write_text(out, routine_to_json(entry.routine))
    print(out)


def _cmd_paths(args: argparse.Namespace, ctx: _Context) -> None:
    paths = ctx.files.paths
    print(f"settings:   {paths.settings_file}")
    print(f"favourites: {paths.favourites_file}")
    print(f"history:    {paths.history_file}")
    print(f"window:     {paths.ui_state_file}")


def _cmd_history(args: argparse.Namespace, ctx: _Context) -> None:
    from massage_gui.core.history import HistoryStore

    check_folder(ctx.files.paths.data_dir)
    store, notice = HistoryStore.open_read_only(ctx.files.paths.history_file)  # never creates or moves it
    ctx._warn(notice)
    try:
        records = store.sessions()
    finally:
        store.close()
    if args.json:
        _print_json([record.to_json() for record in records])
        return
    if not records:
        print("No sessions yet: do a routine, or part of one, and it is listed here.")
    for r in records:
        result = (
            "finished"
            if r.finished
            else "partly done"
            if r.reached_end
            else "stopped early"
            if r.ended_utc
            else "not ended"
        )
        steps = f"{r.steps_completed} step{'s' if r.steps_completed != 1 else ''}"
        steps += f", {r.steps_skipped} skipped" if r.steps_skipped else ""
        length = f"{_clock(r.massaged_s)} of {_clock(r.planned_s)}"
        name = escaped(f"{r.routine_name} [{r.routine_id}]")
        print(f"{r.started:%Y-%m-%d %H:%M %z}  {length:>13}  {result:<13}  {steps:<20}  {name}")


COMMANDS = {
    "routines": _cmd_routines,
    "plan": _cmd_plan,
    "frame": _cmd_frame,
    "check": _cmd_check,
    "paths": _cmd_paths,
    "screenshot": _cmd_screenshot,
    "import": _cmd_import,
    "export": _cmd_export,
    "history": _cmd_history,
}


def _one_line(text: str) -> str:
    """A message on one line and as plain text, whatever a file name or file holds: line breaks, escape
    sequences and the other control characters are shown escaped."""
    return escaped(text)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
        if args.self_test:
            if args.command is not None:
                raise UsageError("--self-test takes no command")
            from massage_gui.ui.self_test import run_self_test

            return run_self_test()
        if args.command is None:
            from massage_gui.ui.app import run

            return run()
        COMMANDS[args.command](args, _Context())
    except (UsageError, MassageError) as exc:
        print(f"{PROG}: error: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return 0


def gui_main() -> int:
    """The windowed entry point (``massage-gui-window``, a gui-script: no console window on Windows).

    Opens the window. There may be no console to read, so an error is also shown in a message box."""
    try:
        from massage_gui.ui.app import run

        return run()
    except Exception as exc:  # nothing may vanish silently in a windowed app
        message = f"{PROG}: error: {_one_line(str(exc) or type(exc).__name__)}"
        print(message, file=sys.stderr)  # does nothing under pythonw, where sys.stderr is None
        try:
            from PySide6.QtWidgets import QMessageBox

            from massage_gui.ui.app import create_application

            create_application()
            QMessageBox.critical(None, "massage-gui", message)
        except Exception:  # no Qt at all: the printed line is all there is
            pass
        return 1
