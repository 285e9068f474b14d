"""Typed refusals. Each carries a location (a JSON-path-like string) and a
sentence a user understands, so the CLI, the loader and the canvas can all show
the same message."""
from __future__ import annotations


class DesignError(ValueError):
    """Something the model refuses. `where` points into the document."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class DuplicateId(DesignError):
    pass


class DanglingReference(DesignError):
    pass


class PlacementCycle(DesignError):
    pass


class InvalidPlacement(DesignError):
    pass


class InvalidConnection(DesignError):
    pass


class InvalidMembership(DesignError):
    pass


class InvalidProperty(DesignError):
    pass


class DesignErrors(ValueError):
    """Several refusals found at once (a loaded file is checked whole)."""

    def __init__(self, errors: list[DesignError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors
