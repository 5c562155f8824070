"""The step panel: what to do now, in words large enough to read from a metre away."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from massage_gui.core.anatomy import Anatomy, default_anatomy
from massage_gui.core.formatting import clock
from massage_gui.core.frame import Frame
from massage_gui.core.plan import Plan
from massage_gui.core.sequencer import State
from massage_gui.core.tally import SessionSummary
from massage_gui.core.words import breath_word, step_place, stroke_instruction
from massage_gui.ui.accessibility import describe_label
from massage_gui.ui.rep_dial import RepDial
from massage_gui.ui.theme import Theme, set_text_color

FLASH_MS = 250
FLASH_BAND_PX = 10  # the lit edge: inside the layout's margins (18 and 14 px), so no words lie on it
MIN_UNIT = 0.55  # the smallest type, as a share of the usual size, before lines may crowd each other
SPARE_UNIT = 0.75  # below this size the spare lines (see StepPanel._spare) make way before the type shrinks on


class LineHolder(QWidget):
    """Holds a one-line label whose words change every second (a countdown), a line high. A label's new
    words make its parent's layout run again, which for the panel means measuring every wrapped text
    anew; this holder has no layout, so a new time repaints the label and nothing else."""

    def __init__(self, label: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self.label = label
        label.setParent(self)

    def fit_height(self) -> None:
        """As high as the label's line in its font (call after a change of font)."""
        margins = self.label.contentsMargins()
        line = QFontMetrics(self.label.font()).boundingRect(0, 0, 2000, 2000, int(self.label.alignment()), "0:00")
        self.setFixedHeight(line.height() + margins.top() + margins.bottom())  # as QLabel measures one line

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)


class FittingLayout(QVBoxLayout):
    """A column that calls ``fit`` each time before it lays its widgets out: after new words (or a widget shown,
    hidden or given another font) and at each new size. It takes the place of a StepPanel.event override for
    QEvent.LayoutRequest: an override that takes a plain QEvent has PySide make a Python type for each of Qt's
    event classes at the first event (see docs/architecture.md)."""

    def __init__(self, parent: QWidget, fit: Callable[[], None]) -> None:
        super().__init__(parent)
        self._fit = fit

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        self._fit()
        super().setGeometry(rect)


class StepPanel(QWidget):
    """Area, instruction, rep counter with countdown ring, cue, next step and overall progress."""

    def __init__(self, theme: Theme, parent: QWidget | None = None, anatomy: Anatomy | None = None) -> None:
        super().__init__(parent)
        self._anatomy = anatomy or default_anatomy()
        self._theme = theme
        self._shown: tuple[object, ...] | None = None  # what the panel's words show
        self._unit = 0.0  # the type's size, as a share of the usual size
        self._sized = False  # given its size by a layout (or a resize) yet: the type is fitted to it from then
        self.setObjectName("StepPanel")
        self._flashing = False  # a cue that could not be heard: the panel's edge lights up
        # It paints all of itself (see paintEvent): nothing behind it is painted first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        self.state_label = self._label("state", self.tr("Session state"))
        self.area_label = self._label("area", self.tr("Area"))
        self.instruction_label = self._label("instruction", self.tr("What to do"))
        self.dial = RepDial(theme, self)
        self.position_label = self._label("position", self.tr("Hand position"))
        self.countdown_label = self._label("countdown", self.tr("Time left in this step"))
        self._countdown_line = LineHolder(self.countdown_label, self)
        self.cue_label = self._label("cue", self.tr("Cue"))
        self.next_label = self._label("next", self.tr("Next step"))
        self.progress = QProgressBar(self)
        self._bar_pixel: int | None = None  # how much of the bar is filled, in its pixels (see _set_progress)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Progress through the routine"))
        self.remaining_label = self._label("remaining", self.tr("Time left in the routine"))
        self._remaining_line = LineHolder(self.remaining_label, self)
        self.caution_label = self._label("caution", self.tr("Caution"))
        self.caution_label.setText(self.tr("Neck: skin only. Never press on the pulse below the jaw."))
        self.caution_label.hide()
        self.skips_label = self._label("skips", self.tr("Skipped areas"))
        self.skips_label.hide()
        self.reminder_label = self._label("reminder", self.tr("Pressure reminder"))
        self.reminder_label.setText(self.tr("Skin-light pressure: the skin should not go red."))

        layout = FittingLayout(self, self._fit_fonts)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        for label in (self.state_label, self.area_label, self.instruction_label):
            layout.addWidget(label)
        layout.addWidget(self.dial, 1)
        layout.addWidget(self.position_label)
        for line in (self._countdown_line, self.cue_label, self.next_label, self.progress, self._remaining_line):
            layout.addWidget(line)
        layout.addWidget(self.caution_label)
        layout.addWidget(self.skips_label)
        layout.addWidget(self.reminder_label)
        # Lines that make way when the panel has no room for them at a readable size: the general pressure
        # reminder (on the safety screen and the handout too), then the skipped areas (the toolbar counts them).
        self._spare: tuple[QLabel, ...] = (self.reminder_label, self.skips_label)
        self._wrapped = (
            self.area_label,
            self.instruction_label,
            self.cue_label,
            self.next_label,
            self.caution_label,
            self.skips_label,
            self.reminder_label,
        )
        for label in self._wrapped:
            label.setWordWrap(True)
        for label in (self.state_label, self.position_label, self.countdown_label, self.remaining_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.area_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.instruction_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.reminder_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caution_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.skips_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.dial.set_background(theme.panel)
        self._apply_fonts()

    def _label(self, name: str, role: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        describe_label(label, role)  # read by its words (which Qt keeps up to date), the role described
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.dial.set_theme(theme)
        self.dial.set_background(theme.panel)
        self.update()
        self._apply_fonts()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._theme.panel)
        if self._flashing:
            painter.setClipRegion(self._flash_band(), Qt.ClipOperation.IntersectClip)
            painter.fillRect(self.rect(), self._theme.accent)
        painter.end()

    def _flash_band(self) -> QRegion:
        """The panel's edge, inside its margins: the words' own background never changes colour, so they stay
        as readable as ever (a whole panel in the accent colour put white on yellow in high contrast)."""
        edge = FLASH_BAND_PX
        return QRegion(self.rect()).subtracted(QRegion(self.rect().adjusted(edge, edge, -edge, -edge)))

    @Slot()
    def flash(self) -> None:
        """A cue the user could not hear: the panel's edge lights up briefly instead."""
        self._set_flashing(True)
        QTimer.singleShot(FLASH_MS, self._end_flash)

    @property
    def flashing(self) -> bool:
        return self._flashing

    def _end_flash(self) -> None:
        self._set_flashing(False)

    def _set_flashing(self, on: bool) -> None:
        if on != self._flashing:
            self._flashing = on
            self.update(self._flash_band())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._sized = True
        self._apply_fonts()

    def _apply_fonts(self) -> None:
        """Type scales with the panel so it stays readable from a distance at any window size."""
        theme = self._theme
        colors = {self.state_label: theme.accent, self.caution_label: theme.warning}
        for label in (self.countdown_label, self.remaining_label, self.reminder_label, self.next_label):
            colors[label] = theme.muted_text
        for label, color in colors.items():
            set_text_color(label, color)
        self._unit = 0.0
        self._fit_fonts()

    def _fit_fonts(self) -> None:
        """The largest type (in steps of 0.05) at which the panel's lines fit its height, down to MIN_UNIT (a
        small window under a notice leaves less room than the words need at the usual size); each wrapped line
        then keeps the height its words need, and the dial takes what is left. Before the type goes below
        SPARE_UNIT, the spare lines make way, one by one, so that the step's own words stay readable and
        never lie over the dial. Each line's visibility changes only when the answer does: a change lays the
        panel out again, which runs this again. Nothing is fitted before the panel has a size of its own: at
        Qt's default size the type shrank step by step to its smallest, which took most of the panel's making
        at start, only to be fitted again at the first resize."""
        if not self._sized:
            return
        unit = max(0.75, min(2.2, min(self.width() / 380, self.height() / 620)))
        self._set_fonts(unit)
        left_out: set[QWidget] = set()
        spare = [label for label in self._spare if self._wanted(label)]
        while self._needed_height(left_out) > self.height():
            if spare and (unit <= SPARE_UNIT or unit <= MIN_UNIT):
                left_out.add(spare.pop(0))
                continue
            if unit <= MIN_UNIT:
                break
            unit = max(MIN_UNIT, round(unit - 0.05, 2))
            self._set_fonts(unit)
        for label in self._spare:
            self._show(label, self._wanted(label) and label not in left_out)
        width = self._inner_width()
        for label in self._wrapped:
            label.setMinimumHeight(_text_height(label, width))

    def _inner_width(self) -> int:
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        return self.width() - margins.left() - margins.right()

    def _wanted(self, widget: QWidget) -> bool:
        """Whether a line has something to say (a spare line may still be left out for room)."""
        if widget is self.reminder_label or widget is self.skips_label:
            return bool(widget.text())
        return not widget.isHidden()

    def _needed_height(self, left_out: set[QWidget] | None = None) -> int:
        """The height of every line with something to say, but those ``left_out``, at the panel's width, the
        dial at its smallest."""
        layout = self.layout()
        assert layout is not None
        width = self._inner_width()
        items = (layout.itemAt(i) for i in range(layout.count()))
        widgets = [w for item in items if item is not None and (w := item.widget()) is not None]
        shown = [w for w in widgets if self._wanted(w) and w not in (left_out or set())]
        heights = [
            _text_height(w, width)
            if isinstance(w, QLabel) and w in self._wrapped
            else max(w.minimumHeight(), w.minimumSizeHint().height())
            for w in shown
        ]
        margins = layout.contentsMargins()
        return sum(heights) + layout.spacing() * (len(shown) - 1) + margins.top() + margins.bottom()

    def _set_fonts(self, unit: float) -> None:
        if unit == self._unit:
            return
        self._unit = unit
        sizes = {
            self.state_label: (15, True),
            self.area_label: (34, True),
            self.instruction_label: (21, False),
            self.countdown_label: (19, False),
            self.cue_label: (19, False),
            self.next_label: (18, False),
            self.remaining_label: (16, False),
            self.reminder_label: (13, False),
            self.caution_label: (16, True),
            self.position_label: (22, True),
            self.skips_label: (14, False),
        }
        for label, (px, bold) in sizes.items():
            font = QFont(self.font())
            font.setPixelSize(round(px * unit))
            font.setBold(bold)
            font.setItalic(label is self.cue_label)
            if label is self.state_label:
                font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.0)
            label.setFont(font)
        self._countdown_line.fit_height()
        self._remaining_line.fit_height()

    def show_skips(self, text: str) -> None:
        """Which areas the user skips ('' for none): said on every screen, since a skip is easy to forget
        (unless the panel has no room for it: see ``_fit_fonts``)."""
        self.skips_label.setText(text)
        self._show(self.skips_label, bool(text))

    def show_frame(
        self,
        frame: Frame,
        plan: Plan,
        state: State,
        paused_text: str = "",
        summary: SessionSummary | None = None,
    ) -> None:
        """Fill the panel for one moment of the session; ``summary`` says how the last session ended.

        Between the moments when a word or number changes (a second, a stroke), only the dial's ring moves."""
        step = frame.step
        breathing = step is not None and step.stroke == "breath" and frame.phase is not None
        key = (
            plan, state, frame.state, step, frame.rep, paused_text, summary, math.ceil(frame.step_remaining_s - 1e-9),
            math.ceil(frame.total_remaining_s - 1e-9), round(frame.progress * 1000), bool(frame.no_press),
            breathing and breath_word(frame.phase or 0.0),
        )  # fmt: skip
        if key == self._shown:
            if state is not State.IDLE and frame.state != "finished" and step is not None:
                self.dial.set_progress(frame.segment_progress)
            return
        self._shown = key
        steps = plan.steps
        if state is State.IDLE or step is None:
            self._show(self.caution_label, False)
        if state is State.IDLE or frame.state == "finished" or step is None:
            self.dial.forget_ring_view()  # between sessions nothing moves on by itself
        if state is State.IDLE:
            self._set(self.state_label, self.tr("STOPPED") if summary is not None else self.tr("READY"))
            self._set(self.area_label, plan.routine.name)
            self._set(
                self.instruction_label, self._summary_text(summary) if summary is not None else plan.routine.description
            )
            self.dial.set_content(clock(plan.total_s), self._steps_text(len(steps)), 0.0)
            self._set(self.countdown_label, "")
            self._set(self.position_label, "")
            self._set(self.cue_label, "")
            self._set(self.next_label, self.tr("Press Space to start"))
            self._set_progress(0.0, plan.total_s)
            return
        if frame.state == "finished" or step is None:
            finished = summary is None or summary.finished
            self._set(self.state_label, self.tr("FINISHED") if finished else self.tr("AT THE END"))
            self._set(self.area_label, self.tr("Well done"))
            words = self._summary_text(summary) if summary is not None else ""
            self._set(
                self.instruction_label,
                self.tr("{summary} Sit for a moment before you get up.").format(summary=words).strip(),
            )
            self.dial.set_content("✓", self.tr("done"), 0.0)
            self._set(self.countdown_label, "")
            self._set(self.position_label, "")
            self._set(self.cue_label, "")
            self._set(self.next_label, self.tr("Press Space to start again"))
            self._set_progress(1.0, 0.0)
            return
        self._show(self.caution_label, bool(frame.no_press))
        area = self._anatomy.areas[step.area].label
        instruction = stroke_instruction(step, self._anatomy)
        following = steps[step.index + 1] if step.index + 1 < len(steps) else None
        if following is None:
            next_text = self.tr("Last step")
        else:
            next_text = self.tr("Next: {area}").format(area=step_place(following, self._anatomy))
        if frame.state == "step" and frame.rep is not None:
            heading = self.tr("STEP {number} OF {total}").format(number=step.index + 1, total=len(steps))
            self._set(self.state_label, paused_text.upper() if paused_text else heading)
            self._set(self.area_label, area)
            if step.stroke == "breath" and frame.phase is not None:
                instruction = breath_word(frame.phase)
            self._set(self.instruction_label, instruction)
            # The count at this spot: 5 to 7 strokes, then the hands move on (the step's total in plan --json).
            number, here = step.count_at_position(frame.rep)
            caption = self.tr("of {reps}").format(reps=here)
            self.dial.set_content(str(number), caption, frame.segment_progress, dim=bool(paused_text))
            position, _ = step.position_of(frame.rep - 1)
            self._set(
                self.position_label,
                self.tr("Position {position} of {positions}").format(position=position, positions=step.positions)
                if step.positions > 1
                else "",
            )
            self._set(
                self.countdown_label, self.tr("{time} left in this step").format(time=clock(frame.step_remaining_s))
            )
            self._set(self.next_label, next_text)
        else:
            heading = self.tr("GET READY") if frame.state == "lead_in" else self.tr("NEXT")
            self._set(self.state_label, paused_text.upper() if paused_text else heading)
            coming = self.tr("Next: {area}", "the large heading in the pause before a step").format(area=area)
            self._set(self.area_label, coming if frame.state == "transition" else area)
            self._set(self.instruction_label, instruction)
            self.dial.set_content(
                str(max(1, math.ceil(frame.step_remaining_s))), self.tr("get ready"), frame.segment_progress, dim=True
            )
            times = self.tr("once, {time}") if step.reps == 1 else self.tr("{reps} times, {time}")
            self._set(self.countdown_label, times.format(reps=step.reps, time=clock(step.duration_s)))
            self._set(
                self.position_label,
                self.tr("{positions} positions, {most} strokes each").format(
                    positions=step.positions, most=max(step.shares)
                )
                if step.positions > 1
                else "",
            )
            self._set(self.next_label, "")
        self._set(self.cue_label, self.tr("“{cue}”").format(cue=step.cue) if step.cue else "")
        self._set_progress(frame.progress, frame.total_remaining_s)

    def _summary_text(self, summary: SessionSummary) -> str:
        """'You massaged for 4:10: 6 of 8 steps done, 2 skipped.' (what was done, not what was planned)."""
        if summary.steps_skipped:
            words = self.tr("You massaged for {time}: {done} of {total} steps done, {skipped} skipped.")
        else:
            words = self.tr("You massaged for {time}: {done} of {total} steps done.")
        return words.format(
            time=clock(summary.massaged_s),
            done=summary.steps_done,
            total=summary.steps_total,
            skipped=summary.steps_skipped,
        )

    def _steps_text(self, count: int) -> str:
        """'1 step', '12 steps' (English and German both have one singular form)."""
        return self.tr("1 step") if count == 1 else self.tr("{count} steps").format(count=count)

    def _set_progress(self, fraction: float, remaining_s: float) -> None:
        value = round(fraction * 1000)
        # Its thousand steps are finer than its pixels, and a repaint of the bar costs a third of a second's
        # update of the window: a new value is shown only when the filled part gains (or loses) a pixel.
        pixel = round(fraction * self.progress.width())
        if value != self.progress.value() and pixel != self._bar_pixel:
            self._bar_pixel = pixel
            # QProgressBar paints a new value at once, in the middle of the frame's work; with updates off it
            # waits for the frame's one repaint (turning them on again asks for it).
            self.progress.setUpdatesEnabled(False)
            self.progress.setValue(value)
            self.progress.setUpdatesEnabled(True)
        self._set(
            self.remaining_label,
            self.tr("{time} left in the routine").format(time=clock(remaining_s)) if remaining_s > 0 else "",
        )

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        """Set a label's text only when it changed: a new text lays the panel out again."""
        if label.text() != text:
            label.setText(text)

    @staticmethod
    def _show(label: QLabel, visible: bool) -> None:
        if label.isHidden() == visible:
            label.setVisible(visible)


def _text_height(label: QLabel, width: int) -> int:
    """The height a wrapped label's words take at ``width`` (QLabel's own answer is never below its minimum
    height, which is set from this)."""
    if not label.text():
        return 0
    bounds = QRect(0, 0, width, 1 << 20)
    return QFontMetrics(label.font()).boundingRect(bounds, Qt.TextFlag.TextWordWrap, label.text()).height()
