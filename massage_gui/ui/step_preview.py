"""The routine editor's preview: the selected step alone on the diagram, still, half-way through its first stroke."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from massage_gui.core.frame import Frame, frame_at
from massage_gui.core.plan import build_plan
from massage_gui.core.routine import Routine, Step
from massage_gui.core.scene import Scene, build_scene
from massage_gui.core.settings import Settings
from massage_gui.ui.face_view import FaceView
from massage_gui.ui.theme import Theme

PREVIEW_PHASE = 0.5  # the preview shows the first stroke half done
PREVIEW_MINIMUM = (160, 200)  # it gives way first: at 260 wide the German editor needed 842 px of 800


def preview_scene(settings: Settings, routine: Routine) -> Scene:
    """Still arrows, and no node labels: at this size they crowd the face; the form names the node."""
    return build_scene(dataclasses.replace(settings, reduced_motion=True, show_labels=False), routine.areas)


class StepPreview(FaceView):
    """The diagram for one step of a routine being edited, at the user's settings; clicks do nothing here
    (no click-to-skip)."""

    def __init__(self, theme: Theme, settings: Settings, routine: Routine, parent: QWidget | None = None) -> None:
        super().__init__(theme, preview_scene(settings, routine), parent)
        self._settings = settings
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setMinimumSize(*PREVIEW_MINIMUM)

    def show_step(self, routine: Routine, step: Step | None) -> None:
        """Show ``step`` (None: no selection) on the areas of ``routine``."""
        self.set_scene(preview_scene(self._settings, routine))
        self.set_frame(self.frame_of(step))

    def frame_of(self, step: Step | None) -> Frame | None:
        """``step`` alone as the session does it, half-way through its first stroke (None without a step); not
        a step a treated side adds before it to clear the new way."""
        if step is None:
            return None
        settings = dataclasses.replace(
            self._settings, lead_in_s=0.0, skipped_areas=frozenset(), focus_areas=frozenset()
        )
        plan = build_plan(Routine(name="Preview", steps=(step,)), settings)
        first = next(planned for planned in plan.steps if not planned.clears)
        return frame_at(plan, first.start_s + PREVIEW_PHASE * first.stroke_s, mirror=self._settings.mirror)
