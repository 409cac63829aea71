"""Errors that name the input and the problem, so one bad file never hides in a stack trace."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class for errors newsprism reports to users."""


class InputError(NewsprismError):
    """A single input (file, record, URL) could not be read; other inputs go on."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class StoreError(NewsprismError, RuntimeError):
    """The store cannot be opened or used (not a database, unreachable server, a newer schema).

    A RuntimeError too, which is what these conditions raised before they had a class of their own.
    """
