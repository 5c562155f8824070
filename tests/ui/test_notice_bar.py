"""The notice bar keeps the diagram's room: one warning shown, the rest a click away, all of it as plain text."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from massage_gui.ui.notice_bar import NoticeBar
from massage_gui.ui.theme import Theme

WARNINGS = ("Your neck lymph nodes were treated.", "Steps 2 and 3 clear the new way.", "Step 5: across <b>x</b>.")


def test_several_warnings_fold_behind_more(qtbot: QtBot) -> None:
    bar = NoticeBar(Theme.light())
    qtbot.addWidget(bar)
    bar.show()
    bar.set_warnings(WARNINGS)
    assert bar.label.text() == "⚠ Your neck lymph nodes were treated."
    assert bar.more_button.isVisible()
    assert bar.more_button.text() == "2 more"
    assert "Step 5: across &lt;b&gt;x&lt;/b&gt;." in bar.label.toolTip(), "the tooltip shows the text as written"
    assert bar.text().splitlines() == [f"⚠ {w}" for w in WARNINGS], "text() and screen readers get everything"
    bar.more_button.click()
    assert bar.label.text().splitlines() == [f"⚠ {w}" for w in WARNINGS]
    assert bar.more_button.text() == "Less"
    bar.set_warnings((*WARNINGS[:2], "Other."))  # a new plan's warnings start folded again
    assert bar.label.text() == "⚠ Your neck lymph nodes were treated."


def test_one_warning_and_a_message_need_no_more_button(qtbot: QtBot) -> None:
    bar = NoticeBar(Theme.light())
    qtbot.addWidget(bar)
    bar.show()
    bar.set_message("Paused: the computer slept.")
    bar.set_warnings(WARNINGS[:1])
    assert bar.label.text() == "Paused: the computer slept.\n⚠ Your neck lymph nodes were treated."
    assert not bar.more_button.isVisible()
    bar.set_message("")
    bar.set_warnings(())
    assert not bar.isVisible()


def test_a_screen_reader_hears_every_warning_and_the_button_has_a_name(qtbot: QtBot) -> None:
    bar = NoticeBar(Theme.light())
    qtbot.addWidget(bar)
    assert bar.more_button.accessibleName(), "named before it is first shown"
    bar.set_warnings(WARNINGS)
    assert bar.label.accessibleName() == "\n".join(f"⚠ {w}" for w in WARNINGS)
    assert bar.label.accessibleDescription() == "Notice"


def test_messages_stay_together_until_dismissed(qtbot: QtBot) -> None:
    bar = NoticeBar(Theme.light())
    qtbot.addWidget(bar)
    bar.show()
    bar.set_message("settings.json was damaged: Starting from defaults.")
    bar.set_message("Paused: the computer slept.")
    bar.set_message("Paused: the computer slept.")  # told again: shown once
    assert bar.label.text().splitlines() == ["settings.json was damaged: Starting from defaults.",
                                             "Paused: the computer slept."]  # fmt: skip
    bar.remove_message("Paused: the computer slept.")  # it resumed: that one no longer holds
    assert bar.message == "settings.json was damaged: Starting from defaults."
    bar.close_button.click()
    assert bar.message == ""
    assert not bar.isVisible()
