"""The design-review report as a list of blocks (blocks.py; no Qt): headings,
paragraphs, fact lists, tables and two figures. designer/export/report.py
only typesets these blocks on pages; every word and figure is chosen here,
mostly by calling the other report modules, so the PDF says exactly what the
CLI, the panels and the status bar say.

Sections appear only when their feature produced something: no findings
section without a segmentation result, no cost curve without a plan.
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from designer import __version__
from designer.analysis.figures import DEFAULT, availability_of, capex_of, opex_of
from designer.model import Design
from designer.model.naming import unambiguous_names

from . import availability as A
from . import problems as P
from .blocks import (Block, CostCurve, CurvePoint, Diagram, Facts, Heading, PageBreak,
                     Paragraph, Table)
from .cost import cost_line, money

PAIRS_SHOWN = 500        # order-2 pairs listed; analyze --json has them all
IMPORTANCE_SHOWN = 25
BREAK_EVEN, KNEE = "break-even", "knee"     # the marks on the cost curve and table


def review(design: Design, result, *, file: str | None = None,
           content_hash: str | None = None, when: datetime | None = None) -> list[Block]:
    """Every block of the report, in order."""
    name = unambiguous_names(design)

    blocks = cover(design, result, file, content_hash, when or datetime.now())
    blocks += summary(result, name)
    blocks += [PageBreak(),
               # One line at 7.5 pt on a portrait A4 page (a tall design): the
               # longer wording was elided in its middle ("cut-set …cted").
               Diagram("The design with its analysis: SPOFs red “!”, order-2 cut sets "
                       "amber “2”, protected green “✓”, not modeled grey “?”.")]
    blocks += spofs_section(result, name) + pairs_section(result, name)
    blocks += importance_section(result, name) + findings_section(result)
    blocks += plan_section(result, name) + security_section(result, name)
    blocks += assumptions_section(design)
    blocks += method_section(result)
    return blocks


def cover(design: Design, result, file, content_hash, when: datetime) -> list[Block]:
    facts = [("Design", design.name),
             ("Components", f"{len(design.components)} components, {len(design.links)} links"),
             ("File", file or "not saved"),
             ("SHA-256 of the file", content_hash or "not saved"),
             ("Date", f"{when:%Y-%m-%d %H:%M}"),
             ("Produced by", f"Weaklink {__version__}")]
    # The summary follows on the same page: a cover of six lines alone, then
    # a summary of five, left two pages nearly blank before the answer.
    return [Heading(f"Design review: {design.name}", 0), Facts(tuple(facts))]


def summary(result, name: Callable[[str], str]) -> list[Block]:
    part = result.availability
    rows = [("Availability", A.availability_figures(part))]
    if part is not None:
        rows.append(("Downtime a year", A.downtime_text(part, suffix="") or "none"))
    rows.append(("Single points of failure", P.summary(result.structure)))
    if result.cost is not None:
        rows.append(("Cost", cost_line(result.cost).removeprefix("Cost: ")))
    if result.findings is not None:
        from .findings import count_line
        rows.append(("Segmentation", count_line(result.findings)))
    blocks: list[Block] = [Heading("Summary"), Facts(tuple(rows))]
    plan = result.mitigations
    if plan is not None and plan.steps:
        from .plan import row
        top = [row(step, plan) for step in plan.steps[:3]]
        blocks += [Heading("Top three fixes", 2),
                   Table(("Step", "Edit", "Cost", "Availability after"),
                         tuple((r[0], r[1], r[3], r[4]) for r in top), (0.08, 0.47, 0.3, 0.15))]
    return blocks


def spofs_section(result, name) -> list[Block]:
    spofs = result.structure.spofs
    blocks: list[Block] = [PageBreak(), Heading(P.group_title(P.SPOFS_TITLE, len(spofs)))]
    if not spofs:
        return blocks + [Paragraph(P.summary(result.structure))]
    rows = tuple(P.spof_cells(s, name) for s in spofs)
    return blocks + [Table(("Component", "Takes down (blast radius)", "Why"), rows,
                           (0.25, 0.3, 0.45))]


def pairs_section(result, name) -> list[Block]:
    pairs = result.structure.cut_sets_order2
    if not pairs:
        return []
    explained = result.structure.explained()
    rows = tuple(P.pair_cells(a, b, name, explained.get(frozenset((a, b))))
                 for a, b in pairs[:PAIRS_SHOWN])
    blocks: list[Block] = [Heading(P.group_title(P.PAIRS_TITLE, len(pairs))),
                           Paragraph(P.PAIR_WHY[0].upper() + P.PAIR_WHY[1:] + "; most "
                                     "likely first.")]
    blocks.append(Table(("Pair", "Takes down (blast radius)", "Why"), rows,
                        (0.25, 0.3, 0.45)))
    if len(pairs) > PAIRS_SHOWN:
        blocks.append(Paragraph(f"… and {len(pairs) - PAIRS_SHOWN} more pairs; "
                                "`weaklink analyze --json` lists them all.", small=True))
    return blocks


def importance_section(result, name) -> list[Block]:
    part = result.availability
    if part is None or not part.importance:
        return []
    ranked = [cid for cid, value in sorted(part.importance.items(), key=lambda kv: -kv[1])
              [:IMPORTANCE_SHOWN] if value > 0]
    if not ranked:
        return []
    # Certified figures can reorder the approximations they were chosen by.
    ranked.sort(key=lambda cid: -A.importance_figure(part, cid))
    header, widths = ("Rank", "Component", "Birnbaum importance"), (0.1, 0.6, 0.3)
    rows = [(str(n), name(cid), f"{A.importance_figure(part, cid):.3g}")
            for n, cid in enumerate(ranked, start=1)]
    if part.method == "bounded" and part.importance_intervals:
        header, widths = header + ("Certified interval",), (0.08, 0.42, 0.2, 0.3)
        rows = [row + (_certified_cell(part, cid),) for row, cid in zip(rows, ranked)]
    text = ("Birnbaum importance: how much the design's availability rises when the "
            "component never fails rather than always failing. The components at the top "
            "are where redundancy pays most.")
    note = A.importance_note(part)
    return [Heading("Importance ranking"), Paragraph(f"{text} {note}".strip()),
            Table(header, tuple(rows), widths)]


def _certified_cell(part, cid: str) -> str:
    interval = A.certified_birnbaum(part, cid)
    return "not certified" if interval is None else A.interval_pair(*interval)


def findings_section(result) -> list[Block]:
    seg = result.findings
    if seg is None:
        return []
    from . import findings as F
    blocks: list[Block] = [Heading("Segmentation findings"), Paragraph(F.count_line(seg))]
    if not seg.findings:
        return blocks         # one line: not a page of its own
    blocks.insert(0, PageBreak())
    rows = []
    for finding in seg.findings:
        accepted = F.acceptance_line(finding)
        what = F.title(finding) + "\n" + F.message(finding, seg.label)
        rows.append((finding.severity, what + ("\n" + accepted if accepted else ""),
                     "\n".join(F.evidence_lines(finding, seg.label)) or "-",
                     F.fix(finding, seg.label)))
    return blocks + [Table(("Severity", "Finding", "Evidence", "Fix"), tuple(rows),
                           (0.1, 0.34, 0.33, 0.23))]


def plan_section(result, name) -> list[Block]:
    plan = result.mitigations
    if plan is None:
        return []
    from designer.analysis.mitigation.plan import capped_nines

    from . import plan as M
    blocks: list[Block] = [PageBreak(), Heading("Cost and availability"),
                           Paragraph(M.summary(plan))]
    if not plan.steps:
        return blocks
    currency = plan.design.settings.currency
    points = [CurvePoint(0.0, capped_nines(plan.start), "start")]
    points += [CurvePoint(s.cumulative.horizon_total, capped_nines(s.after), str(s.number))
               for s in plan.steps]
    blocks.append(CostCurve(tuple(points), plan.break_even_step, plan.knee_step,
                            f"Cumulative cost over {plan.design.settings.horizon_months} months",
                            "Availability (nines)", currency,
                            "Each point is the design after one more step of the plan."))
    rows = []
    for step in plan.steps:
        cells = M.row(step, plan, name)
        marks = [m for m, n in ((BREAK_EVEN, plan.break_even_step),
                                (KNEE, plan.knee_step)) if n == step.number]
        rows.append(tuple([cells[0] + ("\n" + ", ".join(marks) if marks else "")] + cells[1:]))
    return blocks + [Table(("Step", "Edit", "Removes", "Cost", "Availability after",
                            "Minutes saved a year", "Cost per hour avoided"),
                           tuple(rows), (0.08, 0.25, 0.14, 0.2, 0.12, 0.09, 0.12))]


def security_section(result, name) -> list[Block]:
    """The segmentation findings' costed fixes, beside the plan (they buy
    security, not availability): the same rows as the cost panel's."""
    plan = result.mitigations
    found = None if plan is None else plan.security
    if found is None:
        return []
    from . import security as S
    blocks: list[Block] = [Heading("Security fixes"), Paragraph(S.summary(found))]
    if not found.fixes:
        return blocks
    currency = plan.design.settings.currency
    rows = tuple(tuple(S.row(fix, currency, name)) for fix in found.fixes)
    return blocks + [Table(("Finding", "Fix", "Cost", "Availability", "Resolves"), rows,
                           (0.22, 0.25, 0.15, 0.14, 0.24))]


def assumptions_section(design: Design) -> list[Block]:
    """Every default from the defaults table this design relies on, with its source."""
    used: dict[tuple[str, str], list] = {}
    for comp in design.components:
        for what, figure in (("availability", availability_of(comp, design.settings)),
                             ("capex", capex_of(comp, design.settings)),
                             ("opex a month", opex_of(comp, design.settings))):
            if figure.origin == DEFAULT and (figure.value or figure.assumption):
                entry = used.setdefault((comp.kind.title, what), [figure, 0])
                entry[1] += 1
    rows = []
    for (kind, what), (figure, count) in sorted(used.items()):
        value = (f"{figure.value * 100:.4f} %" if what == "availability"
                 else money(figure.value, design.settings.currency))
        rows.append((kind, what, value, str(count), figure.source,
                     "assumption" if figure.assumption else "published"))
    settings = design.settings
    blocks: list[Block] = [PageBreak(), Heading("Assumptions"),
                           Paragraph("Figures not set on a component or for its kind in "
                                     "this design come from the defaults table "
                                     "(resources/defaults.json). Each row is one default "
                                     "this design uses; costs of nothing by definition (the "
                                     "Internet, tiers, segments, notes) are left out.")]
    if rows:
        blocks.append(Table(("Kind", "Figure", "Default", "Used by", "Source", "Status"),
                            tuple(rows), (0.15, 0.12, 0.12, 0.08, 0.4, 0.13)))
    blocks.append(Facts((("Horizon", f"{settings.horizon_months} months"),
                         ("Currency", settings.currency))))
    return blocks


def method_section(result) -> list[Block]:
    part = result.availability
    lines = ["A single point of failure is a component whose failure alone takes an "
             "entry point's service down; an order-2 cut set is a pair whose joint "
             "failure does, while neither alone does (power, network reachability, "
             "quorums and dependencies are all followed)."]
    if part is not None:
        how = {"exact": "computed exactly (binary decision diagrams)",
               "bounded": "bounded with certified lower and upper limits",
               "monte-carlo": "estimated by Monte Carlo sampling"}.get(part.method, part.method)
        # The figures hold the interval or the bounds: the tooltip's sentence
        # after them said the bounds a second time.
        lines.append(f"Availability is {how}: {A.availability_figures(part)}.")
        if part.assumed_up:
            lines.append(f"{part.assumed_up} component(s) have power or network that is "
                         "not drawn; they are assumed to be up.")
    lines.append("Limits: components fail independently except where a common-cause "
                 "group says otherwise; repair times are those of the figures used; "
                 "software faults, operator error and capacity under load are not "
                 "modelled.")
    return [Heading("Method and limits")] + [Paragraph(t) for t in lines]
