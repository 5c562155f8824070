"""Atomic writes: old or new content, never a mix; failures leave the old file intact."""

from __future__ import annotations

import errno
import os
import socket
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from massage_gui.core import atomic
from massage_gui.core.atomic import atomic_write_bytes, atomic_write_text
from massage_gui.core.errors import DataError

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")

OLD = b'{"old": true}\n'
NEW = b'{"new": true, "longer": "than the old content"}\n'


class ModuleWith:
    """Stands in for a module inside massage_gui.core.atomic only, with some attributes replaced."""

    def __init__(self, module: ModuleType, **overrides: Any) -> None:
        self.__dict__.update(overrides)
        self._module = module

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


def OsWith(**overrides: Any) -> ModuleWith:  # noqa: N802 - reads like the class it builds
    return ModuleWith(os, **overrides)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for one test, restoring it afterwards."""
    saved = os.umask(0o022)
    os.umask(saved)

    def set_umask(value: int) -> None:
        os.umask(value)

    yield set_umask
    os.umask(saved)


def test_write_then_read_back(tmp_path: Path) -> None:
    target = tmp_path / "file.json"
    atomic_write_bytes(target, OLD)
    assert target.read_bytes() == OLD
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW
    atomic_write_bytes(target, b"")
    assert target.read_bytes() == b""
    assert listing(tmp_path) == ["file.json"]


def test_text_is_written_as_utf8(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    atomic_write_text(target, "Gesichtsmassage, ça va, 顔\n")
    assert target.read_bytes() == "Gesichtsmassage, ça va, 顔\n".encode()


def test_the_file_and_its_folder_are_fsynced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(stat.S_IFMT(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(atomic, "os", OsWith(fsync=fsync))
    atomic_write_bytes(tmp_path / "file.json", NEW)
    expected = [stat.S_IFREG] if os.name == "nt" else [stat.S_IFREG, stat.S_IFDIR]
    assert synced == expected


@posix_only
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o604, 0o664])
def test_a_rewrite_keeps_the_permission_bits(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "settings.json"
    atomic_write_bytes(target, OLD)
    target.chmod(mode)
    atomic_write_bytes(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_bytes() == NEW


@posix_only
@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077, 0o002])
def test_a_new_file_gets_0o666_less_the_umask(tmp_path: Path, umask: Callable[[int], None], mask: int) -> None:
    umask(mask)
    target = tmp_path / "settings.json"
    atomic_write_bytes(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask  # not mkstemp's private 0o600


def test_a_failed_replace_leaves_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(OLD)

    def failing_replace(src: str, dst: Any) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic, "os", OsWith(replace=failing_replace))
    with pytest.raises(DataError) as info:
        atomic_write_bytes(target, NEW)
    assert str(target) in str(info.value)
    assert "Input/output error" in str(info.value)
    assert target.read_bytes() == OLD
    assert listing(tmp_path) == ["settings.json"]


class FlakyReplace:
    """os.replace that raises PermissionError ``failures`` times (a reader holding the file on Windows)."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    def __call__(self, src: str, dst: Any) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise PermissionError(errno.EACCES, "Access is denied")
        os.replace(src, dst)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(atomic, "time", ModuleWith(time, sleep=slept.append))
    return slept


def test_windows_retries_the_replace_while_the_file_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(OLD)
    flaky = FlakyReplace(failures=2)
    monkeypatch.setattr(atomic, "os", OsWith(name="nt", replace=flaky))
    atomic_write_bytes(target, NEW)
    assert flaky.calls == 3
    assert target.read_bytes() == NEW
    assert len(sleeps) == 2
    assert listing(tmp_path) == ["settings.json"]


def test_windows_gives_up_after_five_attempts_within_300_ms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(OLD)
    flaky = FlakyReplace(failures=5)
    monkeypatch.setattr(atomic, "os", OsWith(name="nt", replace=flaky))
    with pytest.raises(DataError, match=r"settings\.json: cannot write"):
        atomic_write_bytes(target, NEW)
    assert flaky.calls == 5
    assert sum(sleeps) <= 0.3
    assert target.read_bytes() == OLD
    assert listing(tmp_path) == ["settings.json"]


def test_five_attempts_are_enough_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    target = tmp_path / "settings.json"
    flaky = FlakyReplace(failures=4)
    monkeypatch.setattr(atomic, "os", OsWith(name="nt", replace=flaky))
    atomic_write_bytes(target, NEW)
    assert flaky.calls == 5
    assert target.read_bytes() == NEW


@pytest.mark.skipif(os.name == "nt", reason="the retry is for Windows only")
def test_other_systems_do_not_retry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(OLD)
    flaky = FlakyReplace(failures=1)
    monkeypatch.setattr(atomic, "os", OsWith(replace=flaky))
    with pytest.raises(DataError):
        atomic_write_bytes(target, NEW)
    assert flaky.calls == 1
    assert sleeps == []
    assert target.read_bytes() == OLD


def test_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c" / "settings.json"
    with pytest.raises(DataError) as info:
        atomic_write_bytes(target, NEW)
    assert str(info.value) == f"{target}: the folder {tmp_path / 'a' / 'b' / 'c'} does not exist"
    assert listing(tmp_path) == []


def test_a_file_where_the_folder_should_be_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "config").write_bytes(OLD)
    with pytest.raises(DataError, match=r"config: is a file, not a folder$"):
        atomic_write_bytes(tmp_path / "config" / "settings.json", NEW)
    assert (tmp_path / "config").read_bytes() == OLD


def _special_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """A FIFO, a device (like /dev/full), a socket and a folder, made inside ``folder``."""
    fifo = folder / "fifo"
    os.mkfifo(fifo)
    yield "a FIFO", fifo
    device = folder / "full"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except (PermissionError, AttributeError):  # mknod needs root (or is missing)
        pass
    else:
        yield "a device", device
    sock_path = folder / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    sock.close()
    yield "a socket", sock_path
    subfolder = folder / "folder"
    subfolder.mkdir()
    yield "a folder", subfolder


@posix_only
def test_a_special_file_is_never_replaced(tmp_path: Path) -> None:
    seen = []
    for kind, path in _special_files(tmp_path):
        before = os.lstat(path)
        with pytest.raises(DataError) as info:
            atomic_write_bytes(path, NEW)
        assert str(info.value) == f"{path}: is {kind}, not a regular file; not replacing it"
        after = os.lstat(path)
        assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (before.st_ino, stat.S_IFMT(before.st_mode))
        seen.append(kind)
    assert [name for name in listing(tmp_path) if name.endswith(".tmp")] == []
    assert {"a FIFO", "a socket", "a folder"} <= set(seen)


@posix_only
def test_a_link_to_a_special_file_is_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    with pytest.raises(DataError, match="is a FIFO, not a regular file"):
        atomic_write_bytes(link, NEW)
    assert link.is_symlink()


@posix_only
def test_a_read_only_folder_is_a_data_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write into a read-only folder (see the disk-full tests)")
    folder = tmp_path / "config"
    folder.mkdir()
    target = folder / "settings.json"
    target.write_bytes(OLD)
    folder.chmod(0o500)
    try:
        with pytest.raises(DataError) as info:
            atomic_write_bytes(target, NEW)
    finally:
        folder.chmod(0o700)
    assert str(target) in str(info.value)
    assert target.read_bytes() == OLD
    assert listing(folder) == ["settings.json"]


def test_disk_full_when_creating_the_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(OLD)

    def full(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tempfile, "mkstemp", full)
    with pytest.raises(DataError) as info:
        atomic_write_bytes(target, NEW)
    assert str(target) in str(info.value)
    assert os.strerror(errno.ENOSPC) in str(info.value)
    assert target.read_bytes() == OLD
    assert listing(tmp_path) == ["settings.json"]


@pytest.mark.parametrize("failing", ["fsync", "fchmod"])
def test_disk_full_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    if failing == "fchmod" and os.name == "nt":
        pytest.skip("no fchmod on Windows")
    target = tmp_path / "settings.json"
    target.write_bytes(OLD)

    def full(*args: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "os", OsWith(**{failing: full}))
    with pytest.raises(DataError, match=r"settings\.json: cannot write") as info:
        atomic_write_bytes(target, NEW * 1000)
    assert os.strerror(errno.ENOSPC) in str(info.value)
    assert target.read_bytes() == OLD
    assert listing(tmp_path) == ["settings.json"]
