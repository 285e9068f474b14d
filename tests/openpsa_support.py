"""Where the Open-PSA models are: read from ../shared, never copied into the
repository (third-party data); tests that need them skip without it."""
from pathlib import Path

import pytest

OPENPSA = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "openpsa"
needs_openpsa = pytest.mark.skipif(
    not OPENPSA.is_dir(), reason=f"Open-PSA models not found at {OPENPSA} (CI provides them)")
