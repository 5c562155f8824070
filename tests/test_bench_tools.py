"""The benchmark's own reading of /proc (tools/bench_ui.py): what it counts must be what the process spent."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import tools_module

BURNER = """
import sys, threading, time
def burn():
    start = time.thread_time()
    while time.thread_time() - start < 0.3:
        pass
print("ready", flush=True)
sys.stdin.readline()
worker = threading.Thread(target=burn)
worker.start()
worker.join()
print("done", flush=True)
sys.stdin.readline()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's /proc and CPU clocks")
def test_the_cpu_time_of_a_thread_that_has_ended_is_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bug: the CPU time was summed over the threads alive when it was read, so a thread that started and ended
    between two readings (a cue's sound, each on a thread of its own) was never counted."""
    monkeypatch.syspath_prepend(str(Path(__file__).parents[1] / "tools"))  # its sibling modules, as when run
    bench = tools_module("bench_ui")
    with subprocess.Popen(
        [sys.executable, "-c", BURNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdin is not None
        assert child.stdout is not None
        try:
            assert child.stdout.readline().strip() == "ready"
            before = bench._cpu_s(child.pid)
            child.stdin.write("\n")
            child.stdin.flush()
            assert child.stdout.readline().strip() == "done"
            time.sleep(0.05)
            spent = bench._cpu_s(child.pid) - before
        finally:
            child.kill()
    assert 0.3 <= spent < 0.6, spent
