"""A candidate mitigation: a patch on the design and what it is about. No Qt."""
from __future__ import annotations

from dataclasses import dataclass

from designer.model.patch import Patch

from .draft import Draft


@dataclass(frozen=True)
class Candidate:
    action: str                    # a stable key: "second-feed", "replica", ...
    description: str               # what the edit does, in words
    targets: tuple[str, ...]       # the existing components it is about
    patch: Patch


def candidate_of(draft: Draft, action: str, text: str, *targets: str) -> Candidate:
    return Candidate(action, text, tuple(targets), draft.patch(text))
