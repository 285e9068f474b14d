"""The planner in a worker process, without Qt: the cost panel starts
`serve` in a spawned process so planning never holds the GUI's interpreter.

Protocol over one pipe, child to parent: ("progress", (step, done, total))
now and then, ("plan", Plan) with its per-step designs left out (the GUI
applies the patches; unpickling a thousand-component design per step would
hold the GUI thread), then, when asked, ("front", (Front, greedy path)),
then ("done", None); or ("error", text) at any point. The parent sets
`cancel` to stop early; a cancelled plan is still sent, marked so.
"""
from __future__ import annotations

import time
import traceback

PROGRESS_EVERY = 0.1          # seconds between progress messages
FRONT_BUDGET = 20.0           # seconds the exact front may take


def serve(conn, cancel, design, step_limit: int, target, front: bool) -> None:
    try:
        _run(conn, cancel, design, step_limit, target, front)
    except Exception:          # the parent shows it; the child must not hang
        conn.send(("error", traceback.format_exc(limit=3)))
    finally:
        conn.close()


def _run(conn, cancel, design, step_limit, target, front) -> None:
    from .pareto import candidate_pool, greedy_path, pareto_front
    from .plan import make_plan

    last = [0.0]

    def progress(step: int, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY:
            last[0] = now
            conn.send(("progress", (step, done, total)))

    plan = make_plan(design, step_limit=step_limit, target=target, progress=progress,
                     cancelled=cancel.is_set)
    if not cancel.is_set():
        from .security import security_fixes
        plan.security = security_fixes(design, cancelled=cancel.is_set)
    plan.designs = []
    conn.send(("plan", plan))
    if front and not cancel.is_set():
        pool = candidate_pool(design, budget_seconds=FRONT_BUDGET)
        found = pareto_front(design, pool, cancelled=cancel.is_set,
                             budget_seconds=FRONT_BUDGET)
        if not cancel.is_set():
            conn.send(("front", (found, greedy_path(found, design.settings))))
    conn.send(("done", None))
