"""Standard output for the commands: a write that fails (a full disk, a closed pipe) or a character the
terminal's encoding cannot show never ends in a traceback."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO, TypeVar, cast

from massage_gui.cli.parsing import PROG

JSON_ESCAPES = "massage-gui-json"  # the codec error handler registered below
TEXT_ESCAPES = "backslashreplace"  # as Python writes such characters on standard error
T = TypeVar("T")


def _json_escapes(error: UnicodeError) -> tuple[str, int]:
    """Each character the encoding lacks as a JSON escape (``\\u00e9``; a surrogate pair past U+FFFF): JSON
    output keeps every such character inside its strings, so it stays valid JSON holding the same text."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escapes = []
    for ch in error.object[error.start : error.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            escapes.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escapes.append(f"\\u{code:04x}")
    return "".join(escapes), error.end


codecs.register_error(JSON_ESCAPES, _json_escapes)


class OutputError(Exception):
    """Writing to standard output failed (not an OSError: argparse's help would swallow that)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class GuardedOutput:
    """Stands in for ``sys.stdout`` while a command runs: a failed write raises OutputError, and text the
    stream's encoding cannot hold is written with ``escapes`` (TEXT_ESCAPES or JSON_ESCAPES) in its place."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.escapes = TEXT_ESCAPES

    def write(self, text: str) -> int:
        try:
            try:
                return self.stream.write(text)
            except UnicodeEncodeError:  # raised before anything is written: the text is encoded whole first
                encoding = self.stream.encoding
                return self.stream.write(text.encode(encoding, self.escapes).decode(encoding))
        except OSError as exc:
            raise OutputError(exc) from exc

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as exc:
            raise OutputError(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _discard_the_rest(stream: TextIO) -> None:
    """Point the stream's file at the null device, so that what is still buffered in it goes nowhere when
    Python flushes it on exit (else that flush fails again, with a message of its own and status 120)."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):  # not a file (a test's capture): nothing is flushed on exit
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def printing(command: Callable[[GuardedOutput], T]) -> T | int:
    """What ``command(output)`` returns (its exit status), run with ``sys.stdout`` guarded and flushed at the
    end. When writing fails: a closed pipe (the reader has all it wanted) ends the command quietly with
    status 0; anything else (a full disk) with one line on standard error and status 2."""
    stream = sys.stdout
    output = GuardedOutput(stream)
    sys.stdout = cast(TextIO, output)
    try:
        try:
            result = command(output)
        except SystemExit:  # --help and --version print, then exit
            output.flush()
            raise
        output.flush()
        return result
    except OutputError as failed:
        _discard_the_rest(stream)
        if isinstance(failed.error, BrokenPipeError):
            return 0
        reason = failed.error.strerror or failed.error
        print(f"{PROG}: error: standard output: cannot write ({reason})", file=sys.stderr)
        return 2
    finally:
        sys.stdout = stream
