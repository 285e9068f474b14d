"""The build step that makes the repo's data package data (everything else is
in pyproject.toml). The repo keeps resources/, examples/ and docs/ at the top
level, where people edit them; a wheel needs them inside the package, so
build_py copies them into designer/data/ (see designer/data/__init__.py and
docs/architecture.md, "Package data")."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
GUIDE_PICTURE = re.compile(r"\]\((images/[^)\s]+)\)")


def data_files() -> dict[str, Path]:
    """Target path inside designer/data -> the repo file it is copied from."""
    found = {f"resources/{p.relative_to(ROOT / 'resources').as_posix()}": p
             for p in sorted((ROOT / "resources").rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts}
    found.update({f"templates/{p.name}": p
                  for p in sorted((ROOT / "examples").glob("*.weaklink.json"))})
    guide = ROOT / "docs" / "user-guide.md"
    found["docs/user-guide.md"] = guide
    for picture in GUIDE_PICTURE.findall(guide.read_text(encoding="utf-8")):
        found[f"docs/{picture}"] = ROOT / "docs" / picture
    for schema in ("weaklink.schema.json", "analysis.schema.json"):
        found[f"docs/{schema}"] = ROOT / "docs" / schema
    return found


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "designer" / "data"
        for name, source in data_files().items():
            out = target / name
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, out)


setup(cmdclass={"build_py": BuildWithData})
