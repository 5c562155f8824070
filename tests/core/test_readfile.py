"""Every file the app reads is opened as a regular file only, with a size cap: a FIFO, a device or a folder
in place of a routine, settings or favourites file is refused at once, never waited on or read forever."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from massage_gui.core.app_files import AppFiles
from massage_gui.core.errors import DataError, RoutineError
from massage_gui.core.favourites import FAVOURITES_KIND
from massage_gui.core.paths import AppPaths
from massage_gui.core.readfile import read_regular_file
from massage_gui.core.routine import load_routine_file
from massage_gui.core.settings import Settings
from massage_gui.core.settings_store import SETTINGS_KIND
from massage_gui.core.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and device files are POSIX")

PROMPT_S = 2.0
RESCUE_AFTER_S = 5.0


@contextlib.contextmanager
def fifo_with_rescue(path: Path) -> Iterator[Path]:
    """A FIFO at ``path``. Should a reader block in open() (the bug), a helper thread opens the other end
    after a few seconds, so that the test fails instead of hanging."""
    os.mkfifo(path)
    done = threading.Event()

    def rescue() -> None:
        if done.wait(RESCUE_AFTER_S):
            return
        while not done.is_set():
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # succeeds only while a reader waits
            except OSError:
                time.sleep(0.05)
                continue
            os.close(fd)

    helper = threading.Thread(target=rescue, daemon=True)
    helper.start()
    try:
        yield path
    finally:
        done.set()
        helper.join()


def _refused_promptly(call: Callable[[], Any], match: str) -> str:
    started = time.monotonic()
    with pytest.raises(DataError, match=match) as info:
        call()
    assert time.monotonic() - started < PROMPT_S
    assert "\n" not in str(info.value)
    return str(info.value)


def test_a_fifo_routine_file_is_refused_at_once(tmp_path: Path) -> None:
    with fifo_with_rescue(tmp_path / "routine.json") as fifo:
        message = _refused_promptly(lambda: load_routine_file(fifo), "FIFO")
    assert message == f"{fifo}: is a FIFO, not a regular file; not reading it"
    with pytest.raises(RoutineError):
        load_routine_file(fifo)


def test_a_device_routine_file_is_refused(tmp_path: Path) -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero")
    assert _refused_promptly(lambda: load_routine_file(zero), "device") == (
        f"{zero}: is a device, not a regular file; not reading it"
    )


def test_a_folder_as_routine_file_is_refused(tmp_path: Path) -> None:
    _refused_promptly(lambda: load_routine_file(tmp_path), "folder")


@pytest.mark.parametrize("attr", ["settings_file", "favourites_file", "ui_state_file"])
def test_a_fifo_in_place_of_a_stored_file_is_moved_aside_at_once(tmp_path: Path, attr: str) -> None:
    files = AppFiles(AppPaths.under(tmp_path / "home"))
    files.paths.create_folders()
    path: Path = getattr(files.paths, attr)
    store = {"settings_file": files.settings, "favourites_file": files.favourites, "ui_state_file": files.window_state}
    with fifo_with_rescue(path):
        started = time.monotonic()
        loaded = store[attr]().load(repair=False)
        assert time.monotonic() - started < PROMPT_S
        assert "is a FIFO, not a regular file" in loaded.notice
        assert stat.S_ISFIFO(os.lstat(path).st_mode), "a read-only load leaves it alone"
        loaded = store[attr]().load()
        assert time.monotonic() - started < PROMPT_S
    assert "moved to" in loaded.notice
    assert not path.exists()
    moved = list(path.parent.glob(f"{path.name}.bad-*"))
    assert len(moved) == 1
    assert stat.S_ISFIFO(os.lstat(moved[0]).st_mode), "kept, not deleted"


def test_save_over_a_fifo_refuses_at_once(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = Store(path, SETTINGS_KIND)
    store.load()
    with fifo_with_rescue(path):
        _refused_promptly(lambda: store.save(Settings(pace_s=3.0)), "FIFO")
        assert stat.S_ISFIFO(os.lstat(path).st_mode)


def test_a_huge_stored_file_is_not_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "favourites.json"
    path.write_bytes(b" " * (1 << 20))
    monkeypatch.setattr("massage_gui.core.store.MAX_FILE_BYTES", 1000)
    loaded = Store(path, FAVOURITES_KIND).load(repair=False)
    assert "larger than the 1000 bytes allowed" in loaded.notice


def test_read_regular_file_reads_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_regular_file(path, 100) == b"x" * 100
    with pytest.raises(DataError, match=r"larger than the 99 bytes allowed"):
        read_regular_file(path, 99)
    with pytest.raises(DataError, match=r"cannot read \(No such file"):
        read_regular_file(tmp_path / "missing", 10)


def test_a_small_file_is_read_without_a_buffer_the_size_of_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each read asked for the whole limit: Python allocates the 4 MiB asked for before reading a settings file of
    a few hundred bytes, and glibc then keeps larger blocks in its heap. A file larger than a chunk still reads
    whole, and one over the limit is still refused."""
    asked: list[int] = []
    real_read = os.read

    def read(fd: int, count: int) -> bytes:
        asked.append(count)
        return real_read(fd, count)

    monkeypatch.setattr("massage_gui.core.readfile.os.read", read)
    path = tmp_path / "settings.json"
    path.write_bytes(b"{}")
    assert read_regular_file(path, 4 * 1024 * 1024) == b"{}"
    assert max(asked) <= 64 * 1024
    path.write_bytes(bytes(range(256)) * 1000)  # 256,000 bytes: several chunks
    assert read_regular_file(path, 256_000) == bytes(range(256)) * 1000
    with pytest.raises(DataError, match=r"larger than the 255999 bytes allowed"):
        read_regular_file(path, 255_999)


@pytest.mark.parametrize("command", [["check"], ["import"], ["plan"]])
def test_the_command_line_refuses_a_fifo_at_once(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "routine.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "massage_gui", *command, str(fifo)],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"massage-gui {command[0]} waited on the FIFO for 20 s")
    assert time.monotonic() - started < 15
    assert result.returncode == 2
    assert result.stderr == f"massage-gui: error: {fifo}: is a FIFO, not a regular file; not reading it\n"
    assert result.stdout == ""
