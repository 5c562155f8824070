"""A real window on a real X server (Xvfb) runs a short routine on the real clock and exits cleanly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SMOKE = Path(__file__).with_name("smoke_app.py")
ROUTINE = {
    "schema": "massage-gui/routine",
    "version": 1,
    "name": "Smoke",
    "steps": [
        {"area": "breathing", "stroke": "breath", "reps": 1},
        {"area": "collarbone", "stroke": "circles", "toward": "terminus", "reps": 2},
        {"area": "cheeks", "stroke": "stretch", "toward": "submandibular", "reps": 2},
    ],
}


@pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is a Linux X server")
def test_real_window_runs_a_short_routine_under_xvfb(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        if os.environ.get("CI"):
            pytest.fail("xvfb-run is missing: .ci/run installs the xvfb package")
        pytest.skip("xvfb-run is not installed (apt-get install xvfb xauth)")
    routine = tmp_path / "smoke.json"
    routine.write_text(json.dumps(ROUTINE), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, str(SMOKE), str(routine)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["platform"] == "xcb"
    assert report["steps"] == 3
    assert report["frames"] > 10, "the animation painted frames while the session ran"
    # Real timers on a loaded 2-core machine: step boundaries within 50 ms of the plan.
    assert report["max_late_ms"] < 50, report
    assert report["took_s"] == pytest.approx(report["planned_s"], abs=0.5)
