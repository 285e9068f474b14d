"""Mitigations (ANALYSIS.md section 5): concrete edits that remove weak
points, each costed and analysed, ordered into a plan with its break-even
and knee, and the exact Pareto front for small candidate sets. No Qt.

    from designer.analysis.mitigation import make_plan
"""
from .candidate import Candidate
from .plan import Plan, Step, make_plan

__all__ = ["Candidate", "Plan", "Step", "make_plan"]
