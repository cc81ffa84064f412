"""Profile and settings dialogs, driven through their widgets from the window's menu."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from numbjournal.core.model import Condition, ConditionEntry, Profile, Symptom
from numbjournal.core.store import Journal
from numbjournal.core.triage import load_settings
from numbjournal.ui.journal_model import FLAG_LEVEL_ROLE
from numbjournal.ui.main_window import TAB_FLAGS
from numbjournal.ui.profile_dialog import ProfileDialog
from numbjournal.ui.service import JournalService
from numbjournal.ui.settings_dialog import SettingsDialog, reminder_time


def test_profile_dialog_saves_conditions_name_and_birth_date(
    qtbot, window, driver, journal: Journal
):
    def fill_in(dialog: ProfileDialog) -> None:
        assert "used only in the summary" in dialog.findChildren(type(dialog.error))[0].text()
        qtbot.keyClicks(dialog.name, "Ada Example")
        dialog.birth.known.setChecked(True)
        dialog.birth.edit.setDate(QDate(1970, 5, 17))
        dialog.condition.setCurrentIndex(dialog.condition.findText("Diabetes"))
        dialog.since.known.setChecked(True)
        dialog.since.edit.setDate(QDate(2019, 3, 1))
        qtbot.keyClicks(dialog.note, "type 2")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        dialog.condition.setCurrentIndex(dialog.condition.findText("Sciatica"))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert dialog.table.rowCount() == 2
        assert dialog.table.item(0, 1).text() == "2019-03-01"
        assert dialog.table.item(1, 1).text() == "—"
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert "already in the list" in dialog.error.text()
        assert dialog.table.rowCount() == 2
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        assert not dialog.isVisible(), dialog.error.text()

    driver.steps.append(fill_in)
    window.edit_profile()
    profile = journal.profile()
    assert profile.name == "Ada Example"
    assert profile.date_of_birth == date(1970, 5, 17)
    assert [(c.condition, c.since, c.note) for c in profile.conditions] == [
        (Condition.DIABETES, date(2019, 3, 1), "type 2"),
        (Condition.SCIATICA, None, ""),
    ]
    assert window.statusBar().currentMessage() == "Profile saved."


def test_profile_remove_and_cancel(
    qtbot, window, driver, journal: Journal, service: JournalService
):
    service.set_profile(
        Profile(conditions=(ConditionEntry(Condition.DIABETES), ConditionEntry(Condition.OTHER)))
    )

    def remove_first_then_cancel(dialog: ProfileDialog) -> None:
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert dialog.table.rowCount() == 1
        dialog.reject()

    def remove_first_then_save(dialog: ProfileDialog) -> None:
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        dialog.save()

    driver.steps += [remove_first_then_cancel, remove_first_then_save]
    window.edit_profile()
    assert len(journal.profile().conditions) == 2, "Cancel leaves the profile as it was"
    window.edit_profile()
    assert [c.condition for c in journal.profile().conditions] == [Condition.OTHER]


def test_a_profile_condition_changes_flags_in_the_table(
    qtbot, window, driver, journal, recent_episode
):
    saved = journal.add(recent_episode())
    qtbot.waitUntil(lambda: window.journal_view.model.rowCount() == 1)
    assert window.journal_view.model.data(window.journal_view.model.index(0, 0)) == ""

    def add_diabetes(dialog: ProfileDialog) -> None:
        dialog.condition.setCurrentIndex(dialog.condition.findText("Diabetes"))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        dialog.save()

    driver.steps.append(add_diabetes)
    window.edit_profile()
    model = window.journal_view.model
    # Flagged only because of the profile: the quiet condition note, not see-a-doctor.
    assert model.data(model.index(0, 0)) == "Your condition"
    assert model.data(model.index(0, 0), FLAG_LEVEL_ROLE) == "condition"
    assert "known medical condition" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert saved.id in window.service.flags().episodes


def test_settings_dialog_saves_thresholds_and_reminder(qtbot, window, driver, journal, service):
    assert reminder_time(service) is None, "reminders are off until someone turns them on"

    def change(dialog: SettingsDialog) -> None:
        persistent = dialog.fields["persistent_minutes"]
        persistent.setValue(45)
        dialog.fields["guidance_rules"].setChecked(False)
        dialog.remind.setChecked(True)
        dialog.remind_at.setTime(QTime(21, 30))
        dialog.save()

    driver.steps.append(change)
    window.edit_settings()
    settings = load_settings(journal)
    assert settings.persistent_minutes == 45
    assert settings.guidance_rules is False
    assert reminder_time(service).strftime("%H:%M") == "21:30"

    def restore_and_turn_off(dialog: SettingsDialog) -> None:
        assert dialog.fields["persistent_minutes"].value() == 45
        dialog._restore_defaults()
        dialog.remind.setChecked(False)
        dialog.save()

    driver.steps.append(restore_and_turn_off)
    window.edit_settings()
    assert load_settings(journal).persistent_minutes == 30
    assert reminder_time(service) is None


def test_switching_guidance_rules_off_changes_the_flags_shown(
    qtbot, window, driver, journal, recent_episode
):
    journal.add(recent_episode(symptoms=(Symptom.LOSS_OF_BALANCE,)))
    window.show()
    window.tabs.setCurrentIndex(TAB_FLAGS)
    qtbot.waitUntil(lambda: window.flags_view.model.rowCount() == 1)

    def guidance_off(dialog: SettingsDialog) -> None:
        dialog.fields["guidance_rules"].setChecked(False)
        dialog.save()

    driver.steps.append(guidance_off)
    window.edit_settings()
    assert window.flags_view.model.rowCount() == 0
    assert "No episode matches" in window.flags_view.details.text()


def test_why_a_profile_or_setting_was_not_saved_is_readable_on_a_dark_theme(
    qtbot, service: JournalService
) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    app.setPalette(dark)
    try:
        for dialog in (ProfileDialog(service), SettingsDialog(service)):
            qtbot.addWidget(dialog)
            red = QColor(dialog.error.styleSheet().split("color:")[1].strip(" ;"))
            assert red.lightness() > 150, "dark red text on a dark window cannot be read"
    finally:
        app.setPalette(light)


@pytest.mark.parametrize("tray", [True, False])
def test_the_reminder_says_when_this_desktop_cannot_show_it(
    qtbot, service: JournalService, monkeypatch, tray: bool
) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: tray))
    dialog = SettingsDialog(service)
    qtbot.addWidget(dialog)
    cannot = "no tray icons, so the reminder cannot appear" in dialog.reminder_note.text()
    assert cannot is not tray


def test_dates_typed_into_the_profile_are_the_dates_saved(qtbot, window, driver, journal: Journal):
    """Typing 1968-04-02 gave 2026-04-02 (or 1968-11-04) in the old spin-box date fields."""

    def type_dates(dialog: ProfileDialog) -> None:
        with qtbot.waitActive(dialog):
            dialog.activateWindow()
        dialog.birth.known.setChecked(True)
        qtbot.mouseClick(dialog.birth.edit, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.birth.edit.selectedText() != "")
        qtbot.keyClicks(dialog.birth.edit, "1968-04-02")
        dialog.condition.setCurrentIndex(dialog.condition.findText("Diabetes"))
        dialog.since.known.setChecked(True)
        dialog.since.edit.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: dialog.since.edit.selectedText() != "")
        qtbot.keyClicks(dialog.since.edit, "2019-03-01")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert dialog.table.item(0, 1).text() == "2019-03-01"
        dialog.save()

    driver.steps.append(type_dates)
    window.edit_profile()
    profile = journal.profile()
    assert profile.date_of_birth == date(1968, 4, 2)
    assert [(c.condition, c.since) for c in profile.conditions] == [
        (Condition.DIABETES, date(2019, 3, 1))
    ]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1968-13-02", "“1968-13-02” is not a date; type YYYY-MM-DD"),
        ("1850-01-01", "Date of birth: must be"),
    ],
)
def test_a_date_of_birth_that_is_not_a_date_or_too_long_ago_is_refused(
    qtbot, window, driver, journal: Journal, typed: str, message: str
):
    def type_bad_date(dialog: ProfileDialog) -> None:
        dialog.birth.known.setChecked(True)
        dialog.birth.edit.selectAll()
        qtbot.keyClicks(dialog.birth.edit, typed)
        dialog.save()
        assert dialog.isVisible()
        assert message in dialog.error.text()
        dialog.reject()

    driver.steps.append(type_bad_date)
    window.edit_profile()
    assert journal.profile().date_of_birth is None
