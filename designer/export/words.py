"""What the title block says. Every figure is worded by designer.report (the
one report layer); this module only picks which of its lines go on paper."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime

from designer import __version__
from designer.io import CURRENT_VERSION
from designer.model import Design
from designer.report.availability import downtime_text, short_figure
from designer.report.problems import spof_count


@dataclass(frozen=True)
class SheetInfo:
    title: str                              # the design's name
    rows: tuple[tuple[str, str], ...]       # (heading, value), top to bottom
    footer: str                             # date, program and format version


def sheet_info(design: Design, result, file: str | None = None,
               when: datetime | None = None) -> SheetInfo:
    when = when or datetime.now()
    rows = [("Availability", availability_text(result)),
            ("SPOFs", spofs_text(result)),
            ("File", os.path.basename(file) if file else "not saved")]
    footer = (f"{when:%Y-%m-%d %H:%M} · Weaklink {__version__} · "
              f"file format {CURRENT_VERSION}")
    return SheetInfo(design.name, tuple(rows), footer)


def availability_text(result) -> str:
    if result is None or result.availability is None:
        return "not analysed"
    part = result.availability
    down = downtime_text(part)
    return short_figure(part) + (f", {down}" if down else "")


def spofs_text(result) -> str:
    if result is None:
        return "not analysed"
    text = spof_count(len(result.spofs))
    if not result.system_up:
        text = "system down with nothing failed; " + text
    return text


def content_hash(data: bytes) -> str:
    """SHA-256 of the design file's bytes, as a reviewer can recompute it."""
    return hashlib.sha256(data).hexdigest()
