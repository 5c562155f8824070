"""``routines``, ``plan``, ``frame``, ``check``, ``import`` and ``export``: routines and their timelines."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from massage_gui.cli.context import Context, print_json, warn
from massage_gui.cli.parsing import UsageError, add_session_flags, check_at, number, settings_for
from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.app_state import AppState
from massage_gui.core.atomic import check_target
from massage_gui.core.errors import MassageError, PlanError
from massage_gui.core.formatting import clock
from massage_gui.core.frame import frame_at
from massage_gui.core.library import RoutineEntry, resolve_routine
from massage_gui.core.plain_text import escaped
from massage_gui.core.plan import Plan, build_plan
from massage_gui.core.routine import load_routine_file
from massage_gui.core.routine_library import RoutineLibrary
from massage_gui.core.settings import Settings
from massage_gui.core.skips import parse_skip


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("routines", help="list the routines and their length at the current settings")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_routines)

    p = sub.add_parser("plan", help="print the timeline of a routine")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a routine file")
    add_session_flags(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_plan)

    p = sub.add_parser("frame", help="print what the diagram shows at one moment")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a routine file")
    p.add_argument("--at", type=number("at", 0.0), required=True, metavar="SECONDS", help="session time")
    add_session_flags(p)
    p.add_argument("--mirror", action=argparse.BooleanOptionalAction, default=None, help="mirror view (default on)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_frame)

    p = sub.add_parser("check", help="validate a routine file")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(run=_check)

    p = sub.add_parser("import", help="validate a routine file and save it as a favourite; prints its id")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(run=_import)

    p = sub.add_parser("export", help="write a routine (built-in or saved) as a routine file")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(run=_export)


def state_for(args: argparse.Namespace, ctx: Context) -> AppState:
    """The app's state with ``args.routine`` chosen at the saved settings and the command's flags, as the
    window would hold it. PlanError when every step is skipped (the window would show it whole)."""
    entry = resolve_routine(args.routine, ctx.favourites.routines())
    settings = dataclasses.replace(settings_for(args, ctx.settings), last_routine=entry.id)
    build_plan(entry.routine, settings, entry.id)  # says so when nothing is left to do
    library = RoutineLibrary(ctx.favourites, extra=[entry] if entry.source == "file" else [])
    return AppState(settings, library)


def plan_for(args: argparse.Namespace, ctx: Context) -> Plan:
    """The plan of ``args.routine`` at the saved settings with the command's flags applied."""
    return state_for(args, ctx).plan


def _routines(args: argparse.Namespace, ctx: Context) -> None:
    listed: list[tuple[RoutineEntry, float | None]] = []
    for entry in ctx.library().entries():
        try:
            listed.append((entry, build_plan(entry.routine, ctx.settings, entry.id).total_s))
        except PlanError:  # every area of it is skipped in the settings
            listed.append((entry, None))
    if args.json:
        print_json([{"id": e.id, "name": e.routine.name, "source": e.source, "duration_s": t} for e, t in listed])
        return
    width = max(len(e.id) for e, _ in listed)
    for entry, total in listed:
        length = "skipped" if total is None else clock(total)
        print(f"{entry.id:<{width}}  {length:>7}  {entry.source:<7}  {escaped(entry.routine.name)}")


def _plan(args: argparse.Namespace, ctx: Context) -> None:
    plan = plan_for(args, ctx)
    if args.json:
        print_json(plan.to_json())
        return
    anatomy = default_anatomy()
    s = plan.settings
    title = escaped(f"{plan.routine.name} [{plan.routine_id}]")
    print(f"{title}: {clock(plan.total_s)} in {len(plan.steps)} steps")
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
    towards = []
    for step in plan.steps:
        toward = anatomy.nodes[step.toward].label if step.toward else "-"
        towards.append(f"{toward}, other side" if step.route == "across" else toward)
    width = max(21, *(len(t) for t in towards))  # the across steps' words are longer than the rest
    print(f"{'#':>3}  {'start':>5}  {'length':>6}  {'area':<22}{'stroke':<9}{'toward':<{width + 1}}{'side':<7}reps")
    for step, toward in zip(plan.steps, towards, strict=True):
        print(
            f"{step.index + 1:>3}  {clock(step.start_s):>5}  {clock(step.duration_s):>6}  "
            f"{anatomy.areas[step.area].label:<22}{step.stroke:<9}{toward:<{width}} {step.side:<7}{step.reps}"
        )
    for warning in plan.warnings:
        print(f"warning: {escaped(warning)}")


def _frame(args: argparse.Namespace, ctx: Context) -> None:
    plan = plan_for(args, ctx)
    check_at(args.at, plan.total_s)
    frame = frame_at(plan, args.at, mirror=plan.settings.mirror)  # what the sequencer gives the window
    if args.json:
        print_json(frame.to_json())
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


def _check(args: argparse.Namespace, ctx: Context) -> None:
    routine = load_routine_file(Path(args.file))
    plan = build_plan(routine, Settings())
    print(f"{args.file}: ok, {routine.name!r}, {len(routine.steps)} steps, {clock(plan.total_s)} at the default pace")
    for warning in plan.warnings:
        print(f"warning: {warning}")


def _import(args: argparse.Namespace, ctx: Context) -> None:
    store = ctx.files.favourites()
    routine = load_routine_file(Path(args.file))  # before the favourites: a bad file changes nothing
    loaded = store.load(repair=False)  # the app repairs a damaged file, never the command line
    if not store.writable:
        raise MassageError(f"{store.unwritable}. Nothing was imported.")
    warn(loaded.notice)
    library = RoutineLibrary(loaded.value)
    fav_id = library.save_as(routine)
    if not store.save(library.favourites):  # a newer version wrote it since
        raise MassageError(f"{store.unwritable}. Nothing was imported.")
    saved = store.value if store.value is not None else library.favourites
    print(saved.id_after_merge(fav_id))  # another program may have saved one under that id meanwhile


def _export(args: argparse.Namespace, ctx: Context) -> None:
    entry = resolve_routine(args.routine, ctx.favourites.routines())
    out = Path(args.file)
    if out.is_dir():
        raise UsageError(f"{out}: is a folder; give a file name such as {out / (entry.id + '.json')}")
    check_target(out)
    RoutineLibrary.export(entry.routine, out)
    print(out)
