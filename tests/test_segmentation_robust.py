"""Any valid design (random, from tests/strategies.py: every kind, relation,
membership and rule) analyses without an error, and its JSON is plain data:
the findings run in the live pass, so a crash there would cost the canvas
its colours."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from designer.analysis.segmentation import analyze_segmentation
from designer.report.findings import finding_text, text_lines

from .strategies import designs


@settings(max_examples=150, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(design=designs())
def test_every_valid_design_is_analysed(design):
    result = analyze_segmentation(design, spofs=[c.id for c in design.components[:3]])
    data = result.to_json(text=lambda f: finding_text(f, result.label))
    json.dumps(data)
    assert len({f.id for f in result.findings}) == len(result.findings)
    assert all(f.severity in ("critical", "high", "medium", "low") for f in result.findings)
    text_lines(result)
