"""The app's own error types: every bad input ends in one of these, never in a raw exception."""


class MassageError(Exception):
    """Base class for errors the user should see as one line."""


class DataError(MassageError):
    """A file or value has the wrong content; the message names what and where."""


class RoutineError(DataError):
    """A routine file or value is invalid; the message names the JSON path (the command line's form).
    ``for_people`` says the same for the window: steps counted from 1, areas and node groups by name
    (empty when there is no other wording)."""

    def __init__(self, message: str, for_people: str = "") -> None:
        super().__init__(message)
        self.for_people = for_people


class PlanError(MassageError):
    """A plan cannot be built from the routine and settings given."""


class SettingsError(DataError):
    """A settings value is out of range or of the wrong type."""
