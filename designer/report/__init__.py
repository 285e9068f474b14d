"""The report layer (no Qt): turns an AnalysisResult into the sentences and
figures a person reads. The CLI text, the status bar, the panels and the PDF
report all call it, so a figure is worded and rounded in one place.

    availability.py  availability with its method, nines, downtime
    cost.py          money, cost per month and over the horizon
    problems.py      SPOF count, each SPOF's row, the Problems summary
    findings.py      segmentation findings;  matrix.py  the reachability matrix
    plan.py          the mitigation plan;  drill.py  the failure drill's banner
    names.py         what to call each component
    text.py          the plain-text report of `weaklink analyze`
    result_json.py   the `analyze --json` object; result_schema.py its schema
    fault_tree.py    `weaklink fta`'s text and JSON (analysis/fta_result.py)
    review.py        the design-review PDF's blocks (typeset by designer/export)
    states.py        the state of each component (SPOF, cut set, ...)

Modules stay small; a new part of the result adds its own module here.
"""
