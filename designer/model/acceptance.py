"""Accepted findings: a reviewer's decision to live with a segmentation
finding, stored in the design so it travels with the file. No Qt.

The finding is named by its stable id (analysis/segmentation/ids.py), which
depends only on what the finding is about, so an acceptance survives edits
elsewhere in the design and lapses by itself after `expires`.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


class AcceptedFinding(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    finding: str = Field(min_length=1, max_length=400)
    justification: str = Field(min_length=1, max_length=2000)
    owner: str = Field(min_length=1, max_length=200)
    expires: Optional[date] = None     # last day the acceptance holds

    def holds_on(self, day: date) -> bool:
        return self.expires is None or day <= self.expires
