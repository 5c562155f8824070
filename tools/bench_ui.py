"""Side-by-side UI benchmark: the app as a user runs it against a bare PySide6 window, in one X server.

Run: python tools/bench_ui.py  (needs Xvfb and xdotool; pulseaudio and speech-dispatcher for the figures
with sound and voice). Prints ratios measured in this run; asserts nothing. The app and the bare baseline
(tools/bare_window.py) run in turns, A B A B, each in its own process; CPU is read from Linux's CPU clock of
each process (all its threads, ended ones too), wake-ups from /proc.
While strokes play, the two stay open and take turns of a few seconds within each round (see SLICES).

What it measures:
- CPU (share of one core) while a routine animates: the app started as `massage-gui` and started with Space,
  against the bare window animating one small arrow at 60 frames a second; the app's main thread's context
  switches a second; and, in the same app runs, CPU and wake-ups while paused and while idle.
- process start to the first painted frame and peak memory (VmHWM) then: the app against the bare window.
- the face view's paint time per frame (median, p95) at 1280x800 and 1920x1080 (offscreen, in process, the
  GUI thread's CPU time).
- memory after a whole routine (sound and voice on), against the first frame.

Options: --rounds N (default 3), --seconds S (each CPU measurement), --skip-routine (leave out the
whole-routine run, which takes the routine's length: 3 min 37 s), --only-routine (only that run).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench_probe import ANIMATE_ROUTINE, mib, status
from sound_sandbox import pulse_null_sink, speech_dispatcher

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).with_name("bench_probe.py")
TICKS = os.sysconf("SC_CLK_TCK")
WHOLE_ROUTINE = "neck"
# The app and the bare window take turns this many times in each part of a round, each turn measured after
# SETTLE_S: turns far apart (a whole round each, before) measured the machine's drift as much as the two. The
# same bare window's CPU ranged from 1.25 to 2.08 % of a core from round to round, and the rounds' ratios from
# 1.0 to 2.2; in turns of 2 s, the ratios of four rounds ranged from 1.58 to 1.70.
SLICES = 3
SETTLE_S = 0.5


# -- reading /proc -------------------------------------------------------------------------------------


def _cpu_s(pid: int) -> float:
    """The CPU time of the process, in seconds: all its threads', those still running and those that have
    ended (a cue's sound may play on a thread of its own), to the nanosecond from Linux's CPU clock of the
    process (clock_getcpuclockid(3)); else from /proc/PID/stat, in ticks of 10 ms, which over a turn of 2 s
    at 1.5 % of a core (30 ms) are a third of the figure either way. (Summing /proc/PID/task/TID/sched, as
    before, left out every thread that ended between two readings.)"""
    with contextlib.suppress(OSError, OverflowError):
        return time.clock_gettime(_process_cpu_clock(pid))
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14 and 15 of proc(5))


def _process_cpu_clock(pid: int) -> int:
    """The id of Linux's CPU clock of another process, as glibc's clock_getcpuclockid makes it: the pid,
    inverted, above a 3-bit kind, here CPUCLOCK_SCHED (the scheduler's count, all threads of the process)."""
    return ((~pid) << 3) | 2


def _switches(pid: int) -> tuple[int, int]:
    """Context switches of the main thread, and of all threads (each wake-up from a wait is one): the threads
    running as they are read, so a thread that ends between two readings is not counted (Linux keeps no total
    of the process's switches)."""
    main = total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(FileNotFoundError):
            s = status(str(task / "status"))
            n = int(s["voluntary_ctxt_switches"]) + int(s["nonvoluntary_ctxt_switches"])
            total += n
            if task.name == str(pid):
                main = n
    return main, total


def measure(pid: int, seconds: float) -> dict[str, float]:
    """CPU share of one core (%), and context switches a second of the main thread and of all threads."""
    cpu0, (main0, all0), t0 = _cpu_s(pid), _switches(pid), time.monotonic()
    time.sleep(seconds)
    cpu1, (main1, all1), t1 = _cpu_s(pid), _switches(pid), time.monotonic()
    wall = t1 - t0
    return {"cpu": 100 * (cpu1 - cpu0) / wall, "main_wakes": (main1 - main0) / wall, "all_wakes": (all1 - all0) / wall}


def _merge(parts: list[dict[str, float]], seconds: list[float]) -> dict[str, float]:
    total = sum(seconds)
    return {key: sum(p[key] * s for p, s in zip(parts, seconds, strict=True)) / total for key in parts[0]}


# -- the parent side -----------------------------------------------------------------------------------


class Child:
    """A probe process under the benchmark's X server, its JSON lines read as they come."""

    def __init__(self, kind: str, env: dict[str, str], *, animate: bool = False, quit_first: bool = False) -> None:
        cmd = [sys.executable, str(PROBE), kind]
        cmd += ["--animate"] if animate else []
        cmd += ["--quit-after-first-frame"] if quit_first else []
        self.lines: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self.spawned = time.monotonic()
        self.proc = subprocess.Popen(
            cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("{"):
                with self._cond:
                    self.lines.append(json.loads(line))
                    self._cond.notify_all()

    def wait_for(self, event: str, timeout: float, **match: Any) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for line in self.lines:
                    if line["event"] == event and all(line.get(k) == v for k, v in match.items()):
                        return line
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise RuntimeError(f"{event} {match or ''} did not come (exit status {self.proc.poll()})")
                self._cond.wait(min(left, 0.2))

    @property
    def pid(self) -> int:
        return self.proc.pid

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # the app quits as on logout
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _xdotool(env: dict[str, str], *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, check=True).stdout


def press(env: dict[str, str], pid: int, key: str) -> None:
    """A real key press (XTEST) in the app's window, as a user would type it."""
    windows = _xdotool(env, "search", "--onlyvisible", "--pid", str(pid)).split()
    _xdotool(env, "windowfocus", "--sync", windows[0])
    _xdotool(env, "key", key)


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """An X server of the benchmark's own, on a free display."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,), stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with os.fdopen(read) as f:
        display = ":" + f.readline().strip()
    try:
        yield display
    finally:
        server.terminate()
        server.wait(10)


@contextlib.contextmanager
def sound(folder: Path, env: dict[str, str]) -> Iterator[tuple[dict[str, str], str]]:
    """A PulseAudio of the benchmark's own with a null sink, and speech-dispatcher speaking into it, where
    installed; yields the environment for the app and a line saying what there is."""
    if shutil.which("pulseaudio") is None or shutil.which("pactl") is None:
        yield env, "no sound (pulseaudio is not installed)"
        return
    with contextlib.ExitStack() as stack:
        env = stack.enter_context(pulse_null_sink(folder, env, "bench"))
        binary = shutil.which("speech-dispatcher")
        if binary is None:
            yield env, "sound into a null sink; no voice (speech-dispatcher is not installed)"
            return
        env, _, _ = stack.enter_context(speech_dispatcher(binary, folder, env))
        yield env, "sound into a null sink, voice through speech-dispatcher (espeak-ng)"


def _home(folder: Path, routine: str) -> Path:
    """A fresh MASSAGE_GUI_HOME: safety read, the routine chosen, everything else as shipped."""
    home = Path(tempfile.mkdtemp(dir=folder, prefix="home-"))
    (home / "config").mkdir(mode=0o700)
    settings = {"safety_confirmed": True, "last_routine": routine}
    document = {"schema": "massage-gui/settings", "schema_version": 1, "data": settings}
    (home / "config" / "settings.json").write_text(json.dumps(document))
    return home


def run_cpu_round(
    env: dict[str, str], folder: Path, seconds: float
) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """One user's run of the app: idle, Space, breathing, strokes (circles, then a stretch: Right skips ahead),
    pause, stop; and the bare window, alive beside it. While the strokes play, the two take turns in SLICES
    slices each (A B A B): the app paused while the bare arrow moves, the arrow stopped while the app plays.
    Returns the app's figures and the bare window's."""
    bare = Child("bare", env)
    child = Child("app", {**env, "MASSAGE_GUI_HOME": str(_home(folder, ANIMATE_ROUTINE))})
    try:
        bare.wait_for("first_frame", 30)
        child.wait_for("first_frame", 30)
        time.sleep(4.0)  # sound and voice load from 300 ms after the first frame; speech-dispatcher takes a while
        out = {"idle_before": measure(child.pid, seconds / 3)}
        press(env, child.pid, "space")
        child.wait_for("state", 10, state="step")  # after the lead-in: the breathing step
        time.sleep(0.5)
        out["breathing"] = measure(child.pid, seconds / 2)
        app_parts, bare_parts = [], []
        for _ in range(2):  # the circles in the collarbone hollows, then the first stretch of the neck
            press(env, child.pid, "Right")
            time.sleep(SETTLE_S)
            for _ in range(SLICES):
                app_parts.append(measure(child.pid, seconds / 2 / SLICES))
                press(env, child.pid, "space")  # paused
                press(env, bare.pid, "space")  # the arrow moves
                time.sleep(SETTLE_S)
                bare_parts.append(measure(bare.pid, seconds / 2 / SLICES))
                press(env, bare.pid, "space")
                press(env, child.pid, "space")  # resumed
                time.sleep(SETTLE_S)
        out["animating"] = _merge(app_parts, [1.0] * len(app_parts))
        press(env, child.pid, "space")
        time.sleep(1.0)
        out["paused"] = measure(child.pid, seconds / 3)
        press(env, child.pid, "s")
        time.sleep(1.0)
        out["idle"] = measure(child.pid, seconds / 3)
        return out, _merge(bare_parts, [1.0] * len(bare_parts))
    finally:
        child.close()
        bare.close()


def first_frame(kind: str, env: dict[str, str], folder: Path) -> dict[str, float]:
    if kind == "app":
        env = {**env, "MASSAGE_GUI_HOME": str(_home(folder, ANIMATE_ROUTINE))}
    child = Child(kind, env, quit_first=True)
    try:
        line = child.wait_for("first_frame", 30)
        return {"start_s": line["t"] - child.spawned, "hwm_mb": line["hwm_mb"], "rss_mb": line["rss_mb"]}
    finally:
        child.close()


def whole_routine(env: dict[str, str], folder: Path) -> dict[str, float]:
    from massage_gui.core.library import resolve_routine
    from massage_gui.core.plan import build_plan
    from massage_gui.core.settings import Settings

    total_s = build_plan(resolve_routine(WHOLE_ROUTINE).routine, Settings()).total_s
    home = _home(folder, WHOLE_ROUTINE)
    child = Child("app", {**env, "MASSAGE_GUI_HOME": str(home)})
    try:
        first = child.wait_for("first_frame", 30)
        time.sleep(1.5)
        press(env, child.pid, "space")
        started = child.wait_for("state", 10, state="lead_in")
        finished = child.wait_for("state", total_s + 60, state="finished")
        time.sleep(2.0)  # the finish chime and the last words
        s = status(f"/proc/{child.pid}/status")
        return {
            "first_mb": first["rss_mb"], "first_hwm_mb": first["hwm_mb"], "start_mb": started["rss_mb"],
            "finished_mb": finished["rss_mb"], "after_mb": mib(s["VmRSS"]), "peak_mb": mib(s["VmHWM"]),
            "total_s": total_s,
        }  # fmt: skip
    finally:
        child.close()


def paint_times(size: str, frames: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(PROBE), "--paint", size, str(frames)],
        env={**_clean_env(), "QT_QPA_PLATFORM": "offscreen"}, cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def _clean_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run from byte-compiled modules, as pip installs them
    env.pop("QT_QPA_PLATFORM", None)
    return env


def _median(rows: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def _spread(rows: list[dict[str, float]], key: str) -> str:
    values = sorted(r[key] for r in rows)
    return f"{values[0]:.2f}..{values[-1]:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=12.0, help="length of each CPU measurement")
    parser.add_argument("--skip-routine", action="store_true", help="leave out the whole-routine run")
    parser.add_argument("--only-routine", action="store_true", help="only the whole-routine run")
    args = parser.parse_args()
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        print(f"bench_ui: {' and '.join(missing)} not found (apt-get install xvfb xdotool)", file=sys.stderr)
        return 2
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "massage_gui"), str(ROOT / "tools")],
                   env=_clean_env(), check=True)  # fmt: skip
    print(
        f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f} at the start; Python {sys.version.split()[0]}"
    )

    if not args.only_routine:
        print_paint()
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp, xvfb() as display:
        folder = Path(tmp)
        base = {**_clean_env(), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(folder)}
        with sound(folder, base) as (env, sound_line):
            print(f"X server {display} (Xvfb 1920x1080x24); {sound_line}")
            if not args.only_routine:
                print_start(env, folder, args.rounds)
                print_cpu(env, folder, args.rounds, args.seconds)
            if not args.skip_routine:
                whole = whole_routine(env, folder)
                print(
                    f"memory over the whole '{WHOLE_ROUTINE}' routine ({whole['total_s']:.0f} s, real time; "
                    f"{sound_line}): first frame {whole['first_mb']:.1f} MiB, at Space {whole['start_mb']:.1f}, "
                    f"finished {whole['finished_mb']:.1f}, 2 s later {whole['after_mb']:.1f} (peak "
                    f"{whole['peak_mb']:.1f}): {whole['after_mb'] - whole['first_mb']:+.1f} MiB above the first frame "
                    "(target +10)"
                )
    return 0


def print_paint() -> None:
    for size in ("1280x800", "1920x1080"):
        paint = paint_times(size, 600)
        print(
            f"paint, face view {paint['view']} in a {size} window ({paint['paints']:.0f} frames, offscreen): "
            f"median {paint['median_ms']:.2f} ms, p95 {paint['p95_ms']:.2f} ms (target p95 1 ms at 1280x800); "
            f"whole frame (state, panel, paint) median {paint['frame_median_ms']:.2f} ms, "
            f"p95 {paint['frame_p95_ms']:.2f} ms"
        )


def print_start(env: dict[str, str], folder: Path, rounds: int) -> None:
    first_frame("bare", env, folder)  # warm-up: file caches
    first_frame("app", env, folder)
    starts: dict[str, list[dict[str, float]]] = {"app": [], "bare": []}
    for _ in range(2 * rounds + 1):
        for kind in ("app", "bare"):
            starts[kind].append(first_frame(kind, env, folder))
    app_s, bare_s = _median(starts["app"], "start_s"), _median(starts["bare"], "start_s")
    app_hwm, bare_hwm = _median(starts["app"], "hwm_mb"), _median(starts["bare"], "hwm_mb")
    print(
        f"start to first painted frame (median of {len(starts['app'])}, A B A B): app {app_s:.3f} s "
        f"[{_spread(starts['app'], 'start_s')}], bare {bare_s:.3f} s [{_spread(starts['bare'], 'start_s')}]: "
        f"ratio {app_s / bare_s:.2f} (target 1.5)"
    )
    print(
        f"peak memory at the first frame (VmHWM): app {app_hwm:.1f} MiB, bare {bare_hwm:.1f} MiB: "
        f"ratio {app_hwm / bare_hwm:.2f} (target 1.3)"
    )


def print_cpu(env: dict[str, str], folder: Path, rounds: int, seconds: float) -> None:
    apps: list[dict[str, dict[str, float]]] = []
    bares: list[dict[str, float]] = []
    for _ in range(rounds):
        app, bare = run_cpu_round(env, folder, seconds)
        apps.append(app)
        bares.append(bare)
    anim = [a["animating"] for a in apps]
    cpu_app, cpu_bare = _median(anim, "cpu"), _median(bares, "cpu")
    turn_s = seconds / 2 / SLICES
    print(
        f"CPU while animating (median of {rounds} rounds of {seconds:.0f} s, A B A B in turns of {turn_s:.0f} s): app "
        f"{cpu_app:.2f}% of a core [{_spread(anim, 'cpu')}], bare {cpu_bare:.2f}% [{_spread(bares, 'cpu')}]: "
        f"ratio {cpu_app / cpu_bare:.2f} (target 1.5)"
    )
    # Each round's app and bare take turns: their ratio is steadier than either figure when the machine's load
    # drifts over the run.
    pairs = [a["cpu"] / b["cpu"] for a, b in zip(anim, bares, strict=True) if b["cpu"] > 0]
    if pairs:
        print(f"  ratio round by round: {', '.join(f'{r:.2f}' for r in pairs)} (median {statistics.median(pairs):.2f})")
    print(
        f"  main thread wake-ups a second while animating: app {_median(anim, 'main_wakes'):.0f}, bare "
        f"{_median(bares, 'main_wakes'):.0f}; all threads: app {_median(anim, 'all_wakes'):.0f}, bare "
        f"{_median(bares, 'all_wakes'):.0f}"
    )
    for phase, words in (
        ("breathing", "breathing step"),
        ("paused", "paused"),
        ("idle", "idle after Stop"),
        ("idle_before", "idle before a session"),
    ):
        rows = [a[phase] for a in apps]
        print(
            f"  {words}: app {_median(rows, 'cpu'):.2f}% of a core, main thread wake-ups "
            f"{_median(rows, 'main_wakes'):.2f}/s, all threads {_median(rows, 'all_wakes'):.2f}/s"
        )


if __name__ == "__main__":
    sys.exit(main())
