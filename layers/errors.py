"""Exceptions whose message is written for the person using GridScout."""


class GridScoutError(Exception):
    """An error the user can act on. ``str(err)`` is shown as is: name the file and what to do."""

    exit_code = 2


class DataError(GridScoutError):
    """An input file cannot be read or does not fit the layer kind."""


class ProfileError(GridScoutError):
    """A score profile is invalid (names the line and the problem)."""


class Cancelled(GridScoutError):
    """The user cancelled a long-running job."""

    exit_code = 130
