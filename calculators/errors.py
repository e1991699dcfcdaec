"""The one exception a reader's input may raise: a message for each field that is wrong."""

from __future__ import annotations


class InvalidInput(ValueError):
    """Bad input, with one plain-language message per offending field key.

    The page shows each message next to its field; the CLI prints one line per field.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{key}: {message}" for key, message in self.errors.items()))

    def to_dict(self) -> dict[str, dict[str, str]]:
        """JSON-ready form used at the worker boundary."""
        return {"errors": dict(self.errors)}


class UnknownCalculator(LookupError):
    """A calculator name that is not in the catalogue (a programming error, not a reader's)."""
