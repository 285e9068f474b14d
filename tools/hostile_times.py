"""`python tools/hostile_times.py [NAME ...]`: run every hostile case of
issue 16 (tests/hostile.py) as a real `weaklink` process and print, for
each, whether it met its bar (acceptable exit code, no traceback, within its
budget), the wall time, the peak memory and the first line it printed.

Each case runs once (they take seconds, the machine is shared); run it again
to see the spread. Exit 1 when any case misses its bar."""
from __future__ import annotations

import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hostile import CASES, run_case  # noqa: E402


def main(names: list[str]) -> int:
    chosen = [c for c in CASES if not names or c.name in names]
    print(f"# {platform.node()} {platform.machine()} {platform.python_version()}, "
          f"{len(chosen)} cases, budget per case in tests/hostile.py", flush=True)
    bad = 0
    for case in chosen:
        with tempfile.TemporaryDirectory() as folder:
            outcome = run_case(case, Path(folder), hard_limit=30.0)
            for path in Path(folder).iterdir():     # a closed folder: reopen to clean up
                if path.is_dir() and not path.is_symlink():
                    path.chmod(0o700)
        print(outcome.line(), flush=True)
        bad += not outcome.ok
    print(f"# {len(chosen) - bad} of {len(chosen)} cases met their bar")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
