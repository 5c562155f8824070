"""The preferences dialog, built field by field from the settings schema."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from massage_gui.core.anatomy import AREA_IDS, default_anatomy
from massage_gui.core.settings import Settings

HIDDEN_FIELDS = {"last_routine", "safety_confirmed"}


def setting_text(text: str) -> str:
    """A settings label or choice label (English in the schema) in the UI's language."""
    return QCoreApplication.translate("settings", text)


class PreferencesDialog(QDialog):
    """Edits a copy of the settings; ``result_settings()`` gives the edited copy after accept."""

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        statuses: dict[str, str] | None = None,
        voices: list[str] | None = None,
    ) -> None:
        """``statuses`` maps a field name to a note shown under it (why sound or voice is off);
        ``voices`` lists the speech engine's voices for the voice field."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))
        self._settings = settings
        self._editors: dict[str, QWidget] = {}
        form = QFormLayout()
        anatomy = default_anatomy()
        for f in dataclasses.fields(Settings):
            if f.name in HIDDEN_FIELDS:
                continue
            value = getattr(settings, f.name)
            editor: QWidget
            if isinstance(f.default, bool):
                editor = QCheckBox(self)
                editor.setChecked(value)
            elif isinstance(f.default, float) and f.metadata.get("unit") == "%":
                editor = QSpinBox(self)
                editor.setRange(round(f.metadata["min"] * 100), round(f.metadata["max"] * 100))
                editor.setSingleStep(round(f.metadata.get("step", 0.05) * 100))
                editor.setSuffix(" %")
                editor.setValue(round(value * 100))
            elif isinstance(f.default, float):
                editor = QDoubleSpinBox(self)
                editor.setRange(f.metadata["min"], f.metadata["max"])
                editor.setSingleStep(f.metadata.get("step", 1.0))
                editor.setDecimals(1)
                editor.setSuffix(" s" if f.metadata.get("unit") == "s" else "")
                editor.setValue(value)
            elif isinstance(f.default, frozenset):
                editor = QListWidget(self)
                for area in AREA_IDS:
                    item = QListWidgetItem(anatomy.areas[area].label, editor)
                    item.setData(Qt.ItemDataRole.UserRole, area)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if area in value else Qt.CheckState.Unchecked)
                editor.setMaximumHeight(150)
            elif "choices" in f.metadata:
                editor = QComboBox(self)
                labels = f.metadata.get("choice_labels", f.metadata["choices"])
                for choice, choice_label in zip(f.metadata["choices"], labels, strict=True):
                    editor.addItem(setting_text(choice_label), choice)
                editor.setCurrentIndex(list(f.metadata["choices"]).index(value))
            else:  # the voice: the engine's voices, or the saved name when the engine is not there now
                editor = QComboBox(self)
                editor.addItem(self.tr("System default"), "")
                for name in dict.fromkeys([*(voices or []), *([value] if value else [])]):
                    editor.addItem(name, name)
                editor.setCurrentIndex(max(editor.findData(value), 0))
            field_label = setting_text(f.metadata["label"])
            editor.setAccessibleName(field_label)
            editor.setObjectName(f.name)
            self._editors[f.name] = editor
            form.addRow(field_label, editor)
            note = (statuses or {}).get(f.name)
            if f.name == "language":
                note = self.tr("A new language is used when you next start the app.")
            if note:
                label = QLabel(note, self)
                label.setObjectName(f"{f.name}_status")
                label.setWordWrap(True)
                label.setAccessibleName(self.tr("{setting}: status").format(setting=field_label))
                form.addRow("", label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def result_settings(self) -> Settings:
        changes: dict[str, Any] = {}
        for name, editor in self._editors.items():
            if isinstance(editor, QCheckBox):
                changes[name] = editor.isChecked()
            elif isinstance(editor, QDoubleSpinBox):
                changes[name] = float(editor.value())
            elif isinstance(editor, QSpinBox):
                changes[name] = editor.value() / 100
            elif isinstance(editor, QListWidget):
                changes[name] = frozenset(
                    editor.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(editor.count())
                    if editor.item(i).checkState() == Qt.CheckState.Checked
                )
            elif isinstance(editor, QComboBox):
                changes[name] = editor.currentData()
        return dataclasses.replace(self._settings, **changes).validated()
