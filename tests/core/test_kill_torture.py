"""Settings and favourites survive a kill at any moment. A helper process saves both files in a
tight loop and is SIGKILLed at random moments, at least 200 times; after every kill each file (and its
backup) must load without a notice and hold one of the values the writer writes."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from massage_gui.core.errors import DataError
from massage_gui.core.favourites import FAVOURITES_KIND
from massage_gui.core.paths import AppPaths
from massage_gui.core.settings_store import SETTINGS_KIND
from massage_gui.core.store import STALE_TEMP_S, DocumentKind, Store
from tests.core.torture_writer import FAVOURITES_VALUES, SETTINGS_VALUES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")

WRITER = Path(__file__).with_name("torture_writer.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = 200
SEED = 5_2024
MAX_DELAY_S = 0.030


def _temp_pattern(name: str) -> re.Pattern[str]:
    """Temporary files atomic_write leaves if killed between mkstemp and replace (for NAME and NAME.bak)."""
    return re.compile(rf"^\.{re.escape(name)}\.(bak\.)?[a-z0-9_]{{8}}\.tmp$")


FILES: list[tuple[str, DocumentKind[Any], tuple[Any, ...]]] = [
    ("settings_file", SETTINGS_KIND, SETTINGS_VALUES),
    ("favourites_file", FAVOURITES_KIND, FAVOURITES_VALUES),
]


class Tally:
    def __init__(self) -> None:
        self.kills = 0
        self.files_checked = 0
        self.failures: list[str] = []
        self.kills_leaving_temp_files = 0
        self.most_temp_files = 0
        self.contents_seen: set[bytes] = set()

    def fail(self, message: str) -> None:
        self.failures.append(f"kill {self.kills}: {message}")


def check_folder(paths: AppPaths, tally: Tally) -> list[Path]:
    """Check every file the writer may have left; return the temporary files found."""
    temps: list[Path] = []
    for entry in paths.config_dir.parent.iterdir():
        if entry.name not in (paths.config_dir.name, paths.data_dir.name):
            tally.fail(f"unexpected {entry.name} in the home folder")
    for attr, kind, values in FILES:
        path: Path = getattr(paths, attr)
        if not path.parent.exists():
            continue
        pattern = _temp_pattern(path.name)
        for entry in path.parent.iterdir():
            if entry.name in (path.name, path.name + ".bak", path.name + ".lock"):  # .lock: saves take turns on it
                continue
            if pattern.match(entry.name):
                temps.append(entry)
                age = time.time() - entry.stat().st_mtime
                if age > STALE_TEMP_S + 10:  # the writer saves many times a second: the cleanup ran long ago
                    tally.fail(f"{entry.name} is {age:.1f} s old and was never cleaned")
            else:
                tally.fail(f"unexpected file {entry.name}")
        for candidate in (path, path.with_name(path.name + ".bak")):
            if not candidate.exists():
                continue
            tally.files_checked += 1
            raw = candidate.read_bytes()
            tally.contents_seen.add(raw)
            try:
                value, version, problems = kind.decode(raw, candidate.name)
            except DataError as exc:
                tally.fail(f"{candidate.name} ({len(raw)} bytes) does not load: {exc}")
                continue
            if version != kind.version or problems or value not in values:
                tally.fail(f"{candidate.name} loads to something the writer never wrote: {value!r}")
        if path.exists():
            loaded = Store(path, kind).load(repair=False)
            if loaded.notice or loaded.value not in values:
                tally.fail(f"{path.name}: Store.load gave {loaded.notice!r}")
    return temps


def run_writer_once(home: Path, delay_s: float, tally: Tally) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    with subprocess.Popen(
        [sys.executable, str(WRITER), str(home)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if line == "ready\n":
            time.sleep(delay_s)
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate()
    tally.kills += 1
    if line != "ready\n" or proc.returncode != -signal.SIGKILL:
        tally.fail(f"writer said {line!r} and ended with {proc.returncode}: {err[-2000:]}")


def test_files_survive_being_killed_mid_save(tmp_path: Path) -> None:
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    rng = random.Random(SEED)
    tally = Tally()
    started = time.monotonic()

    while tally.kills < KILLS:
        run_writer_once(home, rng.uniform(0, MAX_DELAY_S), tally)
        temps = check_folder(paths, tally)
        tally.kills_leaving_temp_files += bool(temps)
        tally.most_temp_files = max(tally.most_temp_files, len(temps))

    # every temporary file a kill left is removed by the next save once it is stale
    for path in check_folder(paths, tally):
        then = time.time() - STALE_TEMP_S - 1
        os.utime(path, (then, then))
    for attr, kind, _ in FILES:
        store = Store(getattr(paths, attr), kind)
        store.save(store.load().value)
    left = check_folder(paths, tally)
    elapsed = time.monotonic() - started

    print(
        f"\nkill torture: {tally.kills} kills, {tally.files_checked} files checked, {len(tally.failures)} failures, "
        f"{tally.kills_leaving_temp_files} kills left a temp file (at most {tally.most_temp_files} at once), "
        f"{len(tally.contents_seen)} distinct file contents, {elapsed:.1f} s"
    )
    assert tally.failures == []
    assert left == []
    assert tally.kills >= KILLS
    # the writer got going: both values of both files (and their backups) were seen on disk
    assert len(tally.contents_seen) >= 4
    # and kills landed mid-save, between creating the temporary file and replacing the target
    assert tally.kills_leaving_temp_files > 0
