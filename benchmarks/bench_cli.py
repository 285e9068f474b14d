"""Start-up time of the command line: `python -m benchmarks cli`.

Runs `weaklink --version`, `weaklink validate` of a small example and
`weaklink analyze` of it as fresh processes (the way a user or a CI job
does) and prints the median wall time and the median CPU time (user +
system) of several runs. The CPU time is the steadier figure on a loaded
machine: waiting for a core counts in the wall time only. Target (issue 9):
`--version` and `validate` of a small file within 0.3 s.
"""
from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time

from designer import data

RUNS = 9
COMMANDS = {
    "--version": ["--version"],
    "validate monolith": ["validate", str(data.template("monolith"))],
    "analyze monolith": ["analyze", str(data.template("monolith"))],
}


def run_once(argv: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def measure(argv: list[str], runs: int = RUNS, env: dict | None = None) -> tuple[float, float]:
    """Median (wall, CPU) seconds of `runs` fresh processes."""
    run_once(argv, env)                   # warm the file cache and .pyc files
    found = [run_once(argv, env) for _ in range(runs)]
    return (statistics.median(w for w, _ in found), statistics.median(c for _, c in found))


def main() -> None:
    rows = {"python -c pass": [sys.executable, "-c", "pass"]}
    rows.update({f"weaklink {title}": [sys.executable, "-m", "designer", *args]
                 for title, args in COMMANDS.items()})
    for title, argv in rows.items():
        wall, cpu = measure(argv)
        print(f"cli  {title:<28} wall {wall * 1000:6.0f} ms, CPU {cpu * 1000:6.0f} ms "
              f"(median of {RUNS})", flush=True)


if __name__ == "__main__":
    main()
