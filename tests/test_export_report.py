"""The design-review PDF read back: every SPOF and every finding in it, the
cover's content hash, sections present only when their feature produced
something, table headers repeated on every page a table runs onto."""
from __future__ import annotations

import dataclasses
import hashlib

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPainter

from designer.analysis.engine import analyze
from designer.export.flow import Flow
from designer.export.output import new_pdf_writer
from designer.export.pages import PageSpec
from designer.export.report import _area, _typeset, report_pdf
from designer.io import design_from_text, load_design
from designer.report import findings as F
from designer.report import blocks as B
from designer.report import review as R
from tests.export_support import (EXAMPLES, all_text, page_size_pt, page_text, reader,
                                  searchable)

A4 = (595.3, 841.9)


def _report(path, result=None, spec=PageSpec()):
    design = load_design(path)
    result = result or analyze(design)
    data, pages = report_pdf(design, result, spec, str(path))
    return design, result, reader(data), pages


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_report_holds_every_spof_and_every_finding(qapp, path):
    design, result, pdf, pages = _report(path)
    assert len(pdf.pages) == pages
    text = searchable(all_text(pdf))
    for spof in result.spofs:
        assert searchable(design.by_id[spof.id].name) in text, spof.id
    assert result.findings is not None
    for finding in result.findings.findings:
        assert searchable(F.title(finding)) in text, finding.id
        assert searchable(F.message(finding, result.findings.label)) in text, finding.id
    for page in pdf.pages:
        assert page_size_pt(page) in (pytest.approx(A4, abs=1.5),
                                      pytest.approx(A4[::-1], abs=1.5))
    attached = pdf.attachments["design.weaklink.json"][0].decode("utf-8")
    assert design_from_text(attached) == design     # the report opens again too


def test_cover_names_the_design_and_the_files_content_hash(qapp):
    path = EXAMPLES[0]
    design, _result, pdf, _ = _report(path)
    cover = searchable(pdf.pages[0].extract_text())
    assert design.name in cover
    assert hashlib.sha256(path.read_bytes()).hexdigest() in cover.replace(" ", "")


def test_sections_without_their_feature_are_left_out(qapp):
    path = next(p for p in EXAMPLES if "three-tier" in p.name)
    design = load_design(path)
    bare = dataclasses.replace(analyze(design), findings=None, mitigations=None)
    _d, _r, pdf, _ = _report(path, bare)
    text = all_text(pdf)
    assert "Segmentation findings" not in text
    assert "Cost and availability" not in text and "Top three fixes" not in text
    assert "Single points of failure" in text and "Assumptions" in text


def test_cost_section_shows_the_plan_with_its_marks(qapp):
    from designer.analysis.mitigation import make_plan
    path = next(p for p in EXAMPLES if "three-tier" in p.name)
    design = load_design(path)
    plan = make_plan(design, step_limit=3)
    assert plan.steps
    result = dataclasses.replace(analyze(design), mitigations=plan)
    _d, _r, pdf, _ = _report(path, result)
    text = searchable(all_text(pdf))
    assert "Cost and availability" in text and "Top three fixes" in text
    for step in plan.steps:
        assert searchable(step.candidate.description) in text
    if plan.knee_step is not None:
        assert R.KNEE in text
    if plan.break_even_step is not None:
        assert R.BREAK_EVEN in text


def test_a_long_table_repeats_its_header_on_every_page(qapp):
    rows = tuple((f"row {n}", "x " * (n % 40)) for n in range(400))
    pdf = _typeset_pdf([B.Heading("Long"),
                        B.Table(("Left heading", "Right heading"), rows, (0.4, 0.6))])
    assert len(pdf.pages) > 3
    text = [searchable(p.extract_text()) for p in pdf.pages]
    assert all("Left heading Right heading" in t for t in text)
    assert all(f"row {n} " in " ".join(text) + " " for n in range(400))


def test_assumptions_list_every_default_the_design_uses():
    from designer.analysis.figures import DEFAULT, availability_of
    design = load_design(next(p for p in EXAMPLES if "three-tier" in p.name))
    table = next(b for b in R.assumptions_section(design) if isinstance(b, B.Table))
    rows = {(r[0], r[1]): r for r in table.rows}
    defaulted = [c for c in design.components
                 if availability_of(c, design.settings).origin == DEFAULT]
    assert defaulted, "the example relies on the defaults table"
    for comp in defaulted:
        row = rows[(comp.kind.title, "availability")]
        assert row[4] == availability_of(comp, design.settings).source
    assert sum(int(r[3]) for r in table.rows if r[1] == "availability") == len(defaulted)


def test_the_security_fixes_sit_beside_the_plan_in_the_report(qapp):
    """The database moved into the DMZ: its costed fixes (a new segment, a
    second firewall) are in the report as in the cost panel, each with
    the findings it is for."""
    from designer.analysis.mitigation import make_plan
    from designer.analysis.mitigation.security import security_fixes
    from designer.report import security as S
    from tests.segmentation_support import edit, recable, three_tier
    moved = recable(edit(three_tier(), "db-1", segment="seg-dmz"), "net-sw-db-db-1-nic1",
                    source="sw-dmz")
    plan = make_plan(moved, step_limit=2)
    plan.security = security_fixes(moved)
    assert plan.security.fixes
    result = dataclasses.replace(analyze(moved), mitigations=plan)
    data, _pages = report_pdf(moved, result, PageSpec(), "moved.weaklink.json")
    text = searchable(all_text(reader(data)))
    assert "Security fixes" in text
    assert searchable(S.summary(plan.security)[:60]) in text
    for fix in plan.security.fixes:
        assert searchable(S.description(fix, R.unambiguous_names(moved))) in text


def test_a_tall_designs_diagram_page_keeps_its_caption_whole(qapp, tmp_path):
    """A tall design's diagram goes on a portrait page, where the caption
    saying what the colours mean was cut in its middle ("order-2 cut-set
    …cted components"): a reader lost the amber and the green."""
    from benchmarks.generate import with_copies
    from designer.io import save_design
    design = load_design(EXAMPLES[0].with_name("duplicated-services.weaklink.json"))
    for _ in range(4):
        design = with_copies(design, "rack-1")        # five racks, one above the other
    path = tmp_path / "tall.weaklink.json"
    save_design(design, path)
    _, _, pdf, _ = _report(path)
    [diagram] = [page for page in pdf.pages
                 if page_text(page).startswith("The design with its analysis")]
    width, height = page_size_pt(diagram)
    assert width < height                                  # portrait
    caption = page_text(diagram).split(".")[0]
    assert "…" not in caption
    assert "order-2 cut sets amber" in caption and "protected green" in caption


def test_the_first_page_gives_the_answer_and_no_section_is_a_near_blank_page(qapp):
    """A client reads the cover first: it carries the summary (the cover
    alone, then a summary alone, were two pages nearly blank), and a
    segmentation section with nothing open is a line, not a page."""
    from designer.report import availability as A
    path = next(p for p in EXAMPLES if "three-tier" in p.name)
    design, result, pdf, _ = _report(path)
    assert result.findings is not None and not result.findings.findings
    first = page_text(pdf.pages[0])
    assert design.name in first and "Summary" in first
    assert searchable(A.availability_figures(result.availability)) in first
    [findings] = [page_text(p) for p in pdf.pages if "Segmentation findings" in page_text(p)]
    assert "Importance ranking" in findings       # shares its page with the section before


def test_no_figure_repeats_its_own_title(qapp):
    """"Availability: Availability: 98.6 %" in the method and "Availability
    | Availability 98.63 %" in the diagram's title block; "Downtime a year
    | 5.0 days/yr down" in the summary."""
    path = next(p for p in EXAMPLES if "three-tier" in p.name)
    _d, result, pdf, _ = _report(path)
    text = all_text(pdf)
    assert "Availability: Availability" not in text
    assert "Availability Availability" not in text
    assert "Downtime a year 5.0 days " in text and "days/yr down Single" not in text
    assert "Availability is computed exactly (binary decision diagrams): 98." in text


def test_assumptions_leave_out_what_costs_nothing_by_definition():
    """The Internet, a tier, a segment and a sticky note cost nothing by
    definition: not assumptions a client should read through."""
    design = load_design(next(p for p in EXAMPLES if "three-tier" in p.name))
    kinds = {c.kind.title for c in design.components}
    assert {"Internet", "Tier", "Segment", "Sticky note"} <= kinds
    table = next(b for b in R.assumptions_section(design) if isinstance(b, B.Table))
    listed = {row[0] for row in table.rows}
    assert not listed & {"Internet", "Tier", "Segment", "Sticky note"}
    assert {"Server", "Disk", "Switch", "Firewall"} <= listed
    assert all(row[5] == "assumption" or row[2] not in ("€0", "0") for row in table.rows)


def test_a_section_does_not_leave_a_page_nearly_blank(qapp):
    """Multi-site's importance table ran six rows onto a page, then the
    findings took a page of their own: a page with six lines. A section
    now starts a new page only after a page more than half full."""
    from designer.export.report import BREAK_WHEN_FULLER
    path = next(p for p in EXAMPLES if "multi-site" in p.name)
    _d, _r, pdf, _ = _report(path)
    lines = [len(page.extract_text().strip().splitlines()) for page in pdf.pages]
    fullest = max(lines)
    # The cover (with the summary), the diagram's sheet and the last page aside.
    assert all(n > BREAK_WHEN_FULLER * fullest for n in lines[2:-1]), lines


def _typeset_pdf(blocks):
    design = load_design(EXAMPLES[0])
    spec = PageSpec()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = new_pdf_writer(buffer, "t")
    writer.setPageLayout(spec.layout(False))
    from designer.export.output import diagram_sheet
    sheet = diagram_sheet(design, None, spec)
    pages = _typeset(Flow(None, writer, _area(spec, spec.layout(False)), "f"), blocks, sheet)
    painter = QPainter(writer)
    _typeset(Flow(painter, writer, _area(spec, spec.layout(False)), "f", pages), blocks, sheet)
    painter.end()
    return reader(bytes(buffer.data()))


def test_a_section_never_starts_with_a_few_rows_at_a_pages_foot(qapp):
    """Wherever the page before ends, a heading, its paragraph and the
    first KEEP_ROWS rows of its table share a page (the 1,000-component
    review's importance ranking began with three rows at a page's foot)."""
    from designer.export.report import KEEP_ROWS
    rows = tuple((f"rank {n}", f"component {n}") for n in range(30))
    section = [B.Heading("Ranking"), B.Paragraph("What the ranking means."),
               B.Table(("Rank", "Component"), rows, (0.3, 0.7))]
    for filler in range(30, 80, 3):
        blocks = [B.Paragraph(f"line {n}") for n in range(filler)] + section
        pdf = _typeset_pdf(blocks)
        [page] = [page_text(p) for p in pdf.pages if "Ranking" in page_text(p)]
        assert all(f"rank {n} " in page + " " for n in range(KEEP_ROWS)), filler


def test_the_method_states_the_certified_bounds_once():
    """A bounded design's method said its bounds twice ("(bounded,
    certified 99.69267712 .. 99.69267719 %) ... Certified bounds:
    99.69267712 % to 99.69267719 %")."""
    from benchmarks.generate import generate
    result = analyze(generate(700))
    assert result.availability.method == "bounded"
    text = " ".join(b.text for b in R.method_section(result) if isinstance(b, B.Paragraph))
    from designer.report import availability as A
    low = A.percent_pair(*result.availability.bounds, " .. ").split(" .. ")[0]
    assert text.count(low) == 1, text
