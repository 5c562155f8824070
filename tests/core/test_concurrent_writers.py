"""Two programs saving favourites at once lose nothing: parallel `massage-gui import` processes, and the
window's long-lived store saving while imports run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from massage_gui.core.app_files import AppFiles
from massage_gui.core.favourites import FAVOURITES_KIND, Favourites
from massage_gui.core.paths import AppPaths
from massage_gui.core.routine import Routine, Step
from massage_gui.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
PAIRS = 50
PAIRS_AT_ONCE = 5
IMPORTS_WHILE_SAVING = 40
IMPORTS_AT_ONCE = 3
WINDOW_SAVE_EVERY_S = 0.01  # far more often than the window does (it saves a second after a change)


def _routine_file(folder: Path, name: str) -> Path:
    path = folder / f"{name.lower().replace(' ', '-')}.json"
    data = {
        "schema": "massage-gui/routine",
        "version": 1,
        "name": name,
        "steps": [{"area": "breathing", "stroke": "breath", "reps": 5}],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _import(home: Path, routine_file: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "MASSAGE_GUI_HOME": str(home)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-m", "massage_gui", "import", str(routine_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _finish(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=120)
    assert (proc.returncode, err) == (0, ""), err
    return out.strip()


def _saved_ids(home: Path) -> set[str]:
    loaded = AppFiles(AppPaths.under(home)).favourites().load(repair=False)
    assert loaded.notice == ""
    return set(loaded.value.ids())


@pytest.mark.slow
def test_parallel_imports_lose_no_favourite(tmp_path: Path) -> None:
    files = tmp_path / "routines"
    files.mkdir()
    lost: list[str] = []
    started = time.monotonic()
    for first in range(0, PAIRS, PAIRS_AT_ONCE):
        batch = []
        for pair in range(first, min(first + PAIRS_AT_ONCE, PAIRS)):
            home = tmp_path / f"home-{pair}"
            a, b = _routine_file(files, f"Pair {pair} A"), _routine_file(files, f"Pair {pair} B")
            batch.append((home, _import(home, a), _import(home, b)))
        for home, proc_a, proc_b in batch:
            printed = {_finish(proc_a), _finish(proc_b)}
            missing = printed - _saved_ids(home)
            lost.extend(f"{home.name}: {fav_id}" for fav_id in sorted(missing))
    elapsed = time.monotonic() - started
    print(f"\nparallel imports: {PAIRS} pairs, {len(lost)} favourites lost, {elapsed:.1f} s")
    assert lost == [], f"{len(lost)} of {2 * PAIRS} imports lost: {lost}"


@pytest.mark.slow
def test_the_window_saving_while_imports_run_loses_nothing(tmp_path: Path) -> None:
    """The window keeps one Store for its whole run and saves each change (merging what others wrote)."""
    home = tmp_path / "home"
    files = tmp_path / "routines"
    files.mkdir()
    store = AppFiles(AppPaths.under(home)).favourites()
    store.load()
    window_ids: list[str] = []
    printed: list[str] = []
    pending = [_routine_file(files, f"Imported {n}") for n in range(IMPORTS_WHILE_SAVING)]
    running: list[subprocess.Popen[str]] = []
    n = 0
    while pending or running:
        while pending and len(running) < IMPORTS_AT_ONCE:
            running.append(_import(home, pending.pop()))
        time.sleep(WINDOW_SAVE_EVERY_S)
        current = store.value if store.value is not None else Favourites()
        favourites, fav_id = current.add(Routine(f"Window {n}", (Step("breathing", "breath", 3),)))
        n += 1
        assert store.save(favourites)
        window_ids.append(fav_id)
        for proc in [p for p in running if p.poll() is not None]:
            running.remove(proc)
            printed.append(_finish(proc))
    saved = _saved_ids(home)
    lost = sorted(set(printed + window_ids) - saved)
    print(f"\nwindow saves {len(window_ids)} times while {len(printed)} imports run: {len(lost)} lost")
    assert len(printed) == IMPORTS_WHILE_SAVING
    assert lost == [], f"{len(lost)} of {len(printed) + len(window_ids)} lost: {lost}"


SAME_FILE_IMPORTS = 8


@pytest.mark.slow
def test_parallel_imports_of_one_file_each_print_an_id_that_was_saved(tmp_path: Path) -> None:
    """The same file imported N times at once gives N favourites, each under the id its import printed
    (as N imports one after the other do)."""
    home = tmp_path / "home"
    files = tmp_path / "routines"
    files.mkdir()
    source = _routine_file(files, "Morning face")
    running = [_import(home, source) for _ in range(SAME_FILE_IMPORTS)]
    printed = [_finish(proc) for proc in running]
    assert len(set(printed)) == SAME_FILE_IMPORTS, printed
    assert _saved_ids(home) == set(printed)


def test_threads_adding_to_one_store_at_once_each_keep_the_id_they_were_given(tmp_path: Path) -> None:
    """Every thread reads the file before any saves (the worst interleaving), then all save at once."""
    count = 12
    ready = threading.Barrier(count)
    results: dict[int, str] = {}
    errors: list[BaseException] = []
    path = tmp_path / "favourites.json"

    def add(n: int) -> None:
        try:
            store = Store(path, FAVOURITES_KIND)
            routine = Routine("Same", (Step("breathing", "breath", n + 1),))
            favourites, fav_id = store.load(repair=False).value.add(routine)  # as import reads it
            ready.wait()
            assert store.save(favourites)
            assert store.value is not None
            results[n] = store.value.id_after_merge(fav_id)
        except BaseException as exc:  # reported below, from the test's own thread
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    saved = Store(path, FAVOURITES_KIND).load(repair=False).value
    assert len(saved.items) == count
    assert {saved.get(fav_id).routine.steps[0].reps for fav_id in results.values()} == set(range(1, count + 1))
    assert sorted(results.values()) == sorted(saved.ids())
