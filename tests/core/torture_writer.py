"""Helper for test_kill_torture.py: saves settings and favourites through Store.save as fast as it can until
it is killed. Run as ``python torture_writer.py HOME`` (HOME is laid out like MASSAGE_GUI_HOME); it loads
both files as the app does, prints "ready" once, then alternates between two values of each forever."""

from __future__ import annotations

import sys
from pathlib import Path

from massage_gui.core.app_files import AppFiles
from massage_gui.core.favourites import Favourite, Favourites
from massage_gui.core.paths import AppPaths
from massage_gui.core.routine import Routine, Step
from massage_gui.core.settings import Settings

SETTINGS_VALUES = (
    Settings(pace_s=2.5, theme="dark", skipped_areas=frozenset({"nose"}), last_routine="morning-face"),
    Settings(
        pace_s=3.75,
        breath_s=9.5,
        lead_in_s=12.0,
        transition_s=0.0,
        skipped_areas=frozenset({"upper_lip", "temples"}),
        focus_areas=frozenset({"jawline", "neck_side", "cheeks"}),
        mirror=False,
        reduced_motion=True,
        show_labels=False,
        theme="light",
        last_routine="abendroutine – Kiefer & Stirn, ein etwas längerer Name",
    ),
)


def _long_routine(name: str, n: int) -> Routine:
    steps = [Step("breathing", "breath", 4, cue="Slow breaths")]
    steps += [
        Step("neck_side", "stretch", 10 + i % 5, "terminus", cue=f"Step {i}: skin only, no pressure") for i in range(n)
    ]
    return Routine(name, tuple(steps), description="Written over and over by the kill test. " * 5)


FAVOURITES_VALUES = (
    Favourites(
        (
            Favourite("morning-face", _long_routine("Morning face", 40), starred=True),
            Favourite("abendroutine", _long_routine("Abendroutine – Kiefer & Stirn", 60)),
            Favourite("neck-only", _long_routine("Neck only", 20)),
        )
    ),
    Favourites((Favourite("quick-one", _long_routine("Quick one", 2)),)),
)


def main(argv: list[str]) -> None:
    files = AppFiles(AppPaths.under(Path(argv[1])))
    settings, favourites = files.settings(), files.favourites()
    for store in (settings, favourites):
        notice = store.load().notice
        if notice:
            print(f"notice: {notice}", flush=True)
    print("ready", flush=True)
    i = 0
    while True:
        settings.save(SETTINGS_VALUES[i % 2])
        favourites.save(FAVOURITES_VALUES[i % 2])
        i += 1


if __name__ == "__main__":
    main(sys.argv)
