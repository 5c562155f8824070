"""A PulseAudio and a speech-dispatcher of one's own, for the benchmark (tools/bench_ui.py) and the sound tests
(tests/ui/test_sound_e2e.py): cues go into a null sink that can be recorded, and nothing reaches the user's
own sound or speech servers."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

SPEECHD_CONFIG = """LogLevel {log_level}
LogDir "{log}"
AudioOutputMethod "pulse"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
DefaultVolume 100
"""


@contextlib.contextmanager
def pulse_null_sink(folder: Path, env: dict[str, str], sink: str) -> Iterator[dict[str, str]]:
    """PulseAudio with one null sink named ``sink`` (the default), its runtime folder under ``folder``;
    yields the environment that reaches it. RuntimeError if it does not start within 10 s."""
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**env, "XDG_RUNTIME_DIR": str(runtime), "PULSE_RUNTIME_PATH": str(runtime / "pulse")}
    env.pop("PULSE_SERVER", None)
    subprocess.run(
        ["pulseaudio", "-n", "--daemonize=yes", "--exit-idle-time=-1", "--disallow-exit",
         f"--load=module-null-sink sink_name={sink}", "--load=module-native-protocol-unix",
         "--load=module-always-sink"],
        env=env, check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
            if time.monotonic() > deadline:
                raise RuntimeError("pulseaudio did not start")
            time.sleep(0.1)
        subprocess.run(["pactl", "set-default-sink", sink], env=env, check=True, capture_output=True)
        yield env
    finally:
        subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, timeout=30)


@contextlib.contextmanager
def speech_dispatcher(
    binary: str, folder: Path, env: dict[str, str], log_level: int = 1
) -> Iterator[tuple[dict[str, str], Path, Path]]:
    """speech-dispatcher with espeak-ng, its configuration, socket and log under ``folder``, speaking through
    the PulseAudio of ``env``; yields the environment that points the app at it (and forbids starting
    another), its socket and its log folder, once the socket is there (or 10 s have passed)."""
    config, log = folder / "speechd", folder / "speechd-log"
    (config / "modules").mkdir(parents=True)
    log.mkdir()
    (config / "speechd.conf").write_text(SPEECHD_CONFIG.format(log_level=log_level, log=log))
    (config / "modules" / "espeak-ng.conf").write_text("Debug 0\n")
    sock = folder / "speechd.sock"
    server = subprocess.Popen(
        [binary, "--run-single", "--timeout", "0", "--communication-method", "unix_socket",
         "--socket-path", str(sock), "--config-dir", str(config), "--log-dir", str(log),
         "--pid-file", str(folder / "speechd.pid")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while not sock.exists() and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        yield {**env, "SPEECHD_ADDRESS": f"unix_socket:{sock}", "SPEECHD_CMD": str(folder / "no-autospawn")}, sock, log
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)  # the server and its espeak-ng module
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:  # a server stuck on its audio output ignores SIGTERM
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(5)
