"""Segmentation findings (ANALYSIS.md section 6): zones, packets through the
firewalls on every network path, the eleven checks, rule anomalies,
management exposure, layers in front of each data store and the latency of
each request path. No Qt.

    analyze_segmentation(design, spofs=None, today=None) -> SegmentationResult
"""
from .analyze import analyze_segmentation, apply_acceptance
from .result import (SEVERITIES, Acceptance, Cell, Evidence, Finding, LatencyHop,
                     LatencyPath, Remedy, RuleRef, SegmentationResult, Zone,
                     severity_rank)

__all__ = ["analyze_segmentation", "apply_acceptance", "SEVERITIES", "Acceptance", "Cell",
           "Evidence", "Finding", "LatencyHop", "LatencyPath", "Remedy", "RuleRef",
           "SegmentationResult", "Zone", "severity_rank"]
