"""The compact window: a small always-on-top view with the area, the rep counter and a tiny diagram."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from massage_gui.core.anatomy import default_anatomy
from massage_gui.core.formatting import clock
from massage_gui.core.frame import Frame
from massage_gui.core.scene import Scene
from massage_gui.core.sequencer import State
from massage_gui.core.words import step_place
from massage_gui.ui.face_view import FaceView
from massage_gui.ui.plain_text import plain_label
from massage_gui.ui.rep_dial import RepDial
from massage_gui.ui.theme import Theme


class CompactWindow(QWidget):
    """Kept beside a mirror or another window; every key of the main window works here too.

    Signals:
        closed(): the user closed it (the main window comes back).
    """

    closed = Signal()

    def __init__(self, theme: Theme, scene: Scene, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("Massage: compact"))
        self.setAccessibleName(self.tr("Compact session window"))
        self._anatomy = default_anatomy()
        self.face_view = FaceView(theme, scene.without_labels(), self)
        self.face_view.setMinimumSize(140, 160)
        self.area_label = plain_label(self)
        self.area_label.setAccessibleName(self.tr("Area"))
        self.area_label.setWordWrap(True)
        self.area_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        font = QFont(self.font())
        font.setPixelSize(20)
        font.setBold(True)
        self.area_label.setFont(font)
        self.dial = RepDial(theme, self)
        self.dial.setMinimumSize(110, 110)
        side = QVBoxLayout()
        side.addWidget(self.area_label)
        side.addWidget(self.dial, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.face_view, 1)
        layout.addLayout(side, 1)
        self.set_theme(theme)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(360, 220)

    def set_scene(self, scene: Scene) -> None:
        self.face_view.set_scene(scene.without_labels())  # too small for the node names

    def set_theme(self, theme: Theme) -> None:
        self.face_view.set_theme(theme)
        self.dial.set_theme(theme)

    def show_frame(self, frame: Frame | None, state: State) -> None:
        self.face_view.set_frame(frame)
        step = frame.step if frame is not None else None
        if frame is None or step is None:
            self.area_label.setText(self.tr("Done") if state is State.FINISHED else self.tr("Ready"))
            self.dial.set_content("", self.tr("Space to start"), 0.0)
            return
        self.area_label.setText(step_place(step, self._anatomy))
        if state is State.PAUSED:
            self.dial.set_content("II", self.tr("paused"), frame.segment_progress, dim=True)
        elif frame.state == "step" and frame.rep is not None:
            number, here = step.count_at_position(frame.rep)  # at the hands' spot, as the main window counts
            self.dial.set_content(str(number), self.tr("of {reps}").format(reps=here), frame.segment_progress)
        else:
            self.dial.set_content(clock(frame.step_remaining_s), self.tr("next"), frame.segment_progress, dim=True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        super().closeEvent(event)
        self.closed.emit()
