"""``handout``: a routine as a printable PDF sheet (Qt is loaded only when the command runs)."""

from __future__ import annotations

import argparse
from pathlib import Path

from massage_gui.cli.context import Context
from massage_gui.cli.parsing import UsageError, add_skip_flags, number, settings_for
from massage_gui.core.atomic import check_target
from massage_gui.core.library import resolve_routine
from massage_gui.core.plan import build_plan
from massage_gui.core.settings import settings_field

PAPERS = ("a4", "letter")  # as massage_gui/ui/handout/layout.py names them


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("handout", help="write a routine as a printable PDF handout, a drawing for each step")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a routine file")
    p.add_argument("out", metavar="OUT.pdf")
    pace = settings_field("pace_s").metadata
    p.add_argument("--pace", type=number("pace", pace["min"], pace["max"]), metavar="S", help="seconds per stroke")
    add_skip_flags(p)
    p.add_argument("--paper", choices=PAPERS, help="paper size (default: the usual one where you live)")
    p.add_argument("--language", choices=("en", "de"), help="the handout's language (default: your setting)")
    p.set_defaults(run=_handout)


def _handout(args: argparse.Namespace, ctx: Context) -> None:
    if not args.out.lower().endswith(".pdf"):
        raise UsageError(f"{args.out}: the handout file name must end in .pdf")
    settings = settings_for(args, ctx.settings)
    saved = ctx.favourites.routines()
    entry = resolve_routine(args.routine, saved)
    build_plan(entry.routine, settings, entry.id)  # an empty plan fails before anything is drawn
    check_target(Path(args.out))  # before the drawing, which takes a moment

    from massage_gui.ui.handout import make_handout

    make_handout(Path(args.out), settings, args.routine, args.paper, saved=saved)
    print(args.out)
