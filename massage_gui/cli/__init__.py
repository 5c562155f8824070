"""The ``massage-gui`` command: opens the window, or prints routines, plans and frames (docs/cli.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from massage_gui import __version__
from massage_gui.cli.parsing import LONGEST_PATH, PROG, SLASHES, Parser, UsageError, quoted
from massage_gui.core.errors import MassageError
from massage_gui.core.plain_text import escaped
from massage_gui.core.quoting import MAX_SHOWN, shortened

if TYPE_CHECKING:
    from massage_gui.cli.output import GuardedOutput


def command_modules() -> tuple[ModuleType, ...]:
    """The modules that add the subcommands, in the order ``--help`` lists them (imported only for a command:
    the window starts without them)."""
    from massage_gui.cli import app_commands, diary_command, handout_command, routine_commands

    return (routine_commands, app_commands, diary_command, handout_command)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG, description="Guided facial and neck lymphatic self-massage. With no command, opens the window."
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check that this installation works (headless, silent) and exit"
    )
    parser.add_argument(
        "--tray", action="store_true", help="with reminders on, start in the system tray, the window hidden"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in command_modules():
        module.register(sub)
    return parser


@dataclass(frozen=True)
class _Window:
    """No command: the window opens (once standard output is the plain stream again)."""

    tray: bool


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    tray = False
    if argv:  # most starts have none: the window, with no parser to build and no command to import
        from massage_gui.cli.output import printing

        result = printing(lambda output: _command(argv, output))
        if not isinstance(result, _Window):
            return result
        tray = result.tray
    try:
        from massage_gui.ui.app import run

        return run(tray=tray)
    except (UsageError, MassageError) as exc:
        return _error(exc, argv)


def _error(exc: Exception, argv: list[str]) -> int:
    print(f"{PROG}: error: {escaped(_shorter(str(exc), argv))}", file=sys.stderr)
    return 2


def _shorter(message: str, argv: list[str]) -> str:
    """``message`` with each long argument it quotes shortened: argparse ("invalid choice: '...'") and the
    core ("unknown routine '...'") quote what they were given whole. A file name (one with a slash) is said
    whole, unless it is longer than any the system opens."""
    for arg in argv:
        for text in (arg, arg.partition("=")[2]):
            if len(text) > MAX_SHOWN and not any(sep in text for sep in SLASHES):
                message = message.replace(repr(text), quoted(text))
            if len(text) > LONGEST_PATH:
                message = message.replace(text, shortened(text))
    return message


def _command(argv: list[str], output: GuardedOutput) -> int | _Window:
    from massage_gui.cli.output import JSON_ESCAPES

    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "json", False):
            output.escapes = JSON_ESCAPES
        if args.self_test:
            if args.command is not None:
                raise UsageError("--self-test takes no command")
            from massage_gui.ui.self_test import run_self_test

            return run_self_test()
        if args.tray and args.command is not None:
            raise UsageError("--tray takes no command")
        if args.command is None:
            return _Window(tray=args.tray)
        from massage_gui.cli.context import Context

        args.run(args, Context())
    except (UsageError, MassageError) as exc:
        return _error(exc, argv)
    except OSError as exc:  # one the core let through (a routine name too long to be a file's: ENAMETOOLONG)
        where = f"{shortened(str(exc.filename))}: " if exc.filename else ""
        return _error(MassageError(f"{where}{exc.strerror or exc}"), argv)
    return 0


def gui_main() -> int:
    """The windowed entry point (``massage-gui-window``, a gui-script: no console window on Windows).

    Opens the window. There may be no console to read, so an error is also shown in a message box."""
    try:
        from massage_gui.ui.app import run

        return run()
    except Exception as exc:  # nothing may vanish silently in a windowed app
        message = f"{PROG}: error: {escaped(str(exc) or type(exc).__name__)}"
        print(message, file=sys.stderr)  # does nothing under pythonw, where sys.stderr is None
        try:
            from PySide6.QtWidgets import QMessageBox

            from massage_gui.ui.app import create_application

            create_application()
            QMessageBox.critical(None, "massage-gui", message)
        except Exception:  # no Qt at all: the printed line is all there is
            pass
        return 1
