"""Load and save speed of design files: `python -m benchmarks.bench_io`.

Prints the median of several runs for generated designs of growing size:
parse + migrate + validate (load), and serialise + atomic write (save).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks import RUNS, median_seconds
from benchmarks.generate import generate
from designer.io import load_design, save_design

SIZES = (100, 1000, 5000)



def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            design = generate(size)
            path = Path(folder) / f"d{size}.weaklink.json"
            save = median_seconds(lambda: save_design(design, path))
            load = median_seconds(lambda: load_design(path))
            kib = path.stat().st_size / 1024
            print(f"io  {size:>5} components, {len(design.links):>5} links, "
                  f"{kib:8.0f} KiB: save {save * 1000:7.1f} ms, load {load * 1000:7.1f} ms "
                  f"(median of {RUNS})")


if __name__ == "__main__":
    main()
