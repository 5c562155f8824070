"""The preferences dialog: the settings schema's fields on one page per group, in words, fitted to the screen."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from massage_gui.core import autostart
from massage_gui.core.anatomy import AREA_IDS, default_anatomy
from massage_gui.core.settings import Settings, settings_field
from massage_gui.ui.plain_text import plain_label
from massage_gui.ui.reminder_times_editor import ReminderTimesEditor

GROUPS = ("session", "sound", "display", "areas", "reminders")
HIDDEN_FIELDS = frozenset(f.name for f in dataclasses.fields(Settings) if not f.metadata["group"])
_RATE = settings_field("voice_rate").metadata
RATE_STEPS = round(_RATE["max"] / _RATE["step"])  # steps either side of normal on the speaking-rate slider
EDITOR_MIN_HEIGHT_PX = 32  # fields and group names big enough to hit at arm's length
GROUP_ROW_PX = 40
WINDOW_FRAME_PX = QSize(16, 48)  # room left on the screen for the window's frame and title bar
LABEL_ROLE = Qt.ItemDataRole.UserRole + 1  # an area list entry: the area's name
SIDES_ROLE = Qt.ItemDataRole.UserRole + 2  # the one-side skips ("cheeks:left") it stood for at the start


def setting_text(text: str) -> str:
    """A settings label or choice label (English in the schema) in the UI's language."""
    return QCoreApplication.translate("settings", text)


class _Page(QScrollArea):
    """A group's page: as big as its content when the screen allows, else it scrolls."""

    def __init__(self, content: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # QScrollArea caps its hint at 24 lines; a page should ask for all of its content.
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width(), hint.height())


class _RateSlider(QWidget):
    """The speaking rate as a slider from slower to faster, with normal in the middle and the step in words."""

    def __init__(self, value: float, parent: QWidget) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(-RATE_STEPS, RATE_STEPS)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.value_label = plain_label(self)
        self.value_label.setObjectName("voice_rate_words")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("slower"), self), 0, 0)
        layout.addWidget(self.slider, 0, 1)
        layout.addWidget(QLabel(self.tr("faster"), self), 0, 2)
        layout.addWidget(self.value_label, 1, 1)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.slider.setValue(round(value / _RATE["step"]))
        self._on_slider_value_changed(self.slider.value())

    def words(self, step: int) -> str:
        if step > 0:
            return self.tr("faster: {step} of {steps}").format(step=step, steps=RATE_STEPS)
        if step < 0:
            return self.tr("slower: {step} of {steps}").format(step=-step, steps=RATE_STEPS)
        return self.tr("normal")

    @Slot(int)
    def _on_slider_value_changed(self, value: int) -> None:
        self.value_label.setText(self.words(value))
        self.slider.setAccessibleDescription(self.words(value))


class PreferencesDialog(QDialog):
    """Edits a copy of the settings; ``result_settings()`` gives the edited copy after accept. A field the
    user did not change comes back exactly as it was (even a value finer than its editor's steps)."""

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        statuses: dict[str, str] | None = None,
        voices: list[str] | None = None,
        routines: list[tuple[str, str]] | None = None,
    ) -> None:
        """``statuses`` maps a field name to a note shown under it (why sound or voice is off);
        ``voices`` lists the speech engine's voices for the voice field; ``routines`` the (id, name) of
        each routine a reminder can offer."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))
        self._settings = settings
        self._statuses = statuses or {}
        self._voices = voices or []
        self._routines = routines or []
        self._editors: dict[str, QWidget] = {}
        self._rows: dict[str, QWidget] = {}  # an editor's row when it is more than the editor
        self._shown: dict[str, Any] = {}  # what each editor showed at the start
        self._fitted = False
        titles = {
            "session": self.tr("Session"),
            "sound": self.tr("Sound and voice"),
            "display": self.tr("Display"),
            "areas": self.tr("Areas"),
            "reminders": self.tr("Reminders"),
        }
        self.groups = QListWidget(self)
        self.groups.setObjectName("groups")
        self.groups.setAccessibleName(self.tr("Preference groups"))
        self.pages = QStackedWidget(self)
        for group in GROUPS:
            content = self._areas_page() if group == "areas" else self._form_page(group)
            self.pages.addWidget(_Page(content, self.pages))
            QListWidgetItem(titles[group], self.groups).setSizeHint(QSize(0, GROUP_ROW_PX))
        widest = max(self.groups.fontMetrics().horizontalAdvance(title) for title in titles.values())
        self.groups.setFixedWidth(widest + 2 * self.groups.frameWidth() + 32)
        self.groups.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.groups.setCurrentRow(0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.groups)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self._shown = {name: _read(editor) for name, editor in self._editors.items()}

    # -- pages -------------------------------------------------------------------------------------

    def _form_page(self, group: str) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for f in dataclasses.fields(Settings):
            if f.metadata["group"] != group:
                continue
            label = setting_text(f.metadata["label"])
            editor = self._editor(f, getattr(self._settings, f.name), label, page)
            if isinstance(editor, QCheckBox):  # the words are the box's own: the whole line is a target
                form.addRow(editor)
            else:
                editor.setMinimumHeight(EDITOR_MIN_HEIGHT_PX)
                row_label = QLabel(label, page)
                row_label.setMinimumHeight(EDITOR_MIN_HEIGHT_PX)
                row_label.setBuddy(editor)
                form.addRow(row_label, self._rows.get(f.name, editor))
            note = self._statuses.get(f.name) or self._note(f.name)
            if note:
                status = plain_label(page, note)
                status.setObjectName(f"{f.name}_status")
                status.setWordWrap(True)
                if isinstance(editor, QCheckBox):  # under the box's words
                    style = editor.style()
                    status.setIndent(
                        style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, editor)
                        + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, editor)
                    )
                status.setAccessibleName(self.tr("{setting}: status").format(setting=label))
                form.addRow(status)
        return page

    def _areas_page(self) -> QWidget:
        """The area lists side by side, each showing every area; the group's other fields below them."""
        page = QWidget(self)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for f in dataclasses.fields(Settings):
            if f.metadata["group"] != "areas":
                continue
            label = setting_text(f.metadata["label"])
            editor = self._editor(f, getattr(self._settings, f.name), label, page)
            heading = QLabel(label, page)
            heading.setBuddy(editor)
            if not isinstance(editor, QListWidget):
                heading.setWordWrap(True)
                editor.setMinimumHeight(EDITOR_MIN_HEIGHT_PX)
                form.addRow(heading, editor)
                continue
            heading.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            column = QVBoxLayout()
            column.setSpacing(6)
            column.addWidget(heading)
            column.addWidget(editor, 0, Qt.AlignmentFlag.AlignTop)
            column.addStretch(1)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(columns)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _area_list(self, value: frozenset[str], parent: QWidget) -> QListWidget:
        """Every area as a check box, all in view at once. An area skipped on one side only (a click on the
        diagram) shows half ticked and stays so unless the user ticks or clears it."""
        anatomy = default_anatomy()
        editor = QListWidget(parent)
        editor.setSpacing(2)
        editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        one_side = {
            "left": self.tr("{area} (your left side only)"),
            "right": self.tr("{area} (your right side only)"),
        }
        for area in AREA_IDS:
            label = anatomy.areas[area].label
            sides = sorted(entry for entry in value if entry.startswith(f"{area}:"))
            item = QListWidgetItem(label, editor)
            item.setData(Qt.ItemDataRole.UserRole, area)
            item.setData(LABEL_ROLE, label)
            item.setData(SIDES_ROLE, sides)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            if area in value:
                item.setCheckState(Qt.CheckState.Checked)
            elif sides:
                item.setCheckState(Qt.CheckState.PartiallyChecked)
                item.setText(one_side[sides[0].partition(":")[2]].format(area=label))
            else:
                item.setCheckState(Qt.CheckState.Unchecked)
        editor.itemChanged.connect(_on_area_item_changed)
        rows = sum(editor.sizeHintForRow(i) + 2 * editor.spacing() for i in range(editor.count()))
        editor.setFixedHeight(rows + 2 * editor.frameWidth() + 2)
        editor.setMinimumWidth(editor.sizeHintForColumn(0) + 2 * editor.frameWidth() + 8)
        return editor

    def _editor(self, f: dataclasses.Field[Any], value: Any, label: str, parent: QWidget) -> QWidget:
        meta = f.metadata
        editor: QWidget
        if isinstance(f.default, bool):
            editor = QCheckBox(label, parent)
            editor.setChecked(value)
        elif f.name == "voice_rate":
            rate = _RateSlider(value, parent)
            self._rows[f.name] = rate
            editor = rate.slider
        elif isinstance(f.default, float) and meta.get("unit") == "%":
            editor = QSpinBox(parent)
            editor.setRange(round(meta["min"] * 100), round(meta["max"] * 100))
            editor.setSingleStep(round(meta.get("step", 0.05) * 100))
            editor.setSuffix(" %")
            editor.setValue(round(value * 100))
        elif isinstance(f.default, float):
            editor = QDoubleSpinBox(parent)
            editor.setDecimals(1 if abs(value * 10 - round(value * 10)) < 1e-9 else 2)
            editor.setRange(meta["min"], meta["max"])
            editor.setSingleStep(meta.get("step", 1.0))
            editor.setSuffix(" s" if meta.get("unit") == "s" else "")
            editor.setValue(value)
        elif meta.get("kind") == "reminders":
            editor = ReminderTimesEditor(value, self._routines, parent)
        elif isinstance(f.default, frozenset):
            editor = self._area_list(value, parent)
        elif "choices" in meta:
            editor = QComboBox(parent)
            labels = meta.get("choice_labels", meta["choices"])
            for choice, choice_label in zip(meta["choices"], labels, strict=True):
                editor.addItem(setting_text(choice_label), choice)
            editor.setCurrentIndex(list(meta["choices"]).index(value))
        else:  # the voice: the engine's voices, or the saved name when the engine is not there now
            editor = QComboBox(parent)
            editor.addItem(self.tr("System default"), "")
            for name in dict.fromkeys([*self._voices, *([value] if value else [])]):
                editor.addItem(name, name)
            editor.setCurrentIndex(max(editor.findData(value), 0))
        editor.setAccessibleName(label)
        editor.setObjectName(f.name)
        if f.name == "start_at_login" and not autostart.supported():
            editor.setEnabled(False)
        self._editors[f.name] = editor
        return editor

    def set_status(self, name: str, text: str) -> None:
        """Show a new status under the ``name`` field (sound or voice set up while the dialog is open)."""
        label = self.findChild(QLabel, f"{name}_status")
        if label is not None and text:
            label.setText(text)

    def _note(self, name: str) -> str:
        """The words under a field, if it has any."""
        if name == "language":
            return self.tr("A new language is used when you next start the app.")
        if name == "reminders":
            return self.tr(
                "A notification at each time, unless you finished a session near that time already. While "
                "reminders are on, massage-gui stays in the system tray when you close its window; where "
                "there is no tray, reminders come while its window is open."
            )
        if name == "start_at_login" and not autostart.supported():
            return self.tr("Starting at login is not available on this system yet.")
        return ""

    # -- size --------------------------------------------------------------------------------------

    def fit_to(self, available: QRect) -> None:
        """Take the size the content asks for, but no more than ``available`` (the screen's free area, in
        logical pixels) less the window frame: pages scroll and the buttons stay in reach."""
        self._fitted = True
        limit = available.size() - WINDOW_FRAME_PX
        self.setMaximumSize(limit)
        self.resize(self.sizeHint().boundedTo(limit).expandedTo(self.minimumSizeHint().boundedTo(limit)))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if not self._fitted:
            self.fit_to(self.screen().availableGeometry())
        super().showEvent(event)

    # -- values ------------------------------------------------------------------------------------

    def editor(self, name: str) -> QWidget:
        """The editor of field ``name`` (its objectName is the field's name)."""
        return self._editors[name]

    def result_settings(self) -> Settings:
        changes: dict[str, Any] = {}
        for name, editor in self._editors.items():
            shown = _read(editor)
            if shown == self._shown[name]:
                continue  # untouched: keep the value exactly
            if isinstance(editor, QSlider):
                changes[name] = round(shown * _RATE["step"], 6)
            elif isinstance(editor, QSpinBox):
                changes[name] = shown / 100
            else:
                changes[name] = shown
        return dataclasses.replace(self._settings, **changes).validated()


def _on_area_item_changed(item: QListWidgetItem) -> None:
    """A half-ticked area the user ticked or cleared is then about both sides: its name alone."""
    if item.checkState() != Qt.CheckState.PartiallyChecked and item.text() != item.data(LABEL_ROLE):
        item.setText(item.data(LABEL_ROLE))


def _read(editor: QWidget) -> Any:
    """What an editor shows now, in its own units."""
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QSlider):
        return editor.value()
    if isinstance(editor, (QDoubleSpinBox, QSpinBox)):
        return editor.value()
    if isinstance(editor, QListWidget):
        chosen: set[str] = set()
        for item in (editor.item(i) for i in range(editor.count())):
            if item.checkState() == Qt.CheckState.Checked:
                chosen.add(item.data(Qt.ItemDataRole.UserRole))
            elif item.checkState() == Qt.CheckState.PartiallyChecked:
                chosen.update(item.data(SIDES_ROLE))
        return frozenset(chosen)
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, ReminderTimesEditor):
        return editor.value()
    raise TypeError(f"no reader for {type(editor).__name__}")
