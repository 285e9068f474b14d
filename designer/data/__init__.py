"""The files Weaklink reads at run time, found through importlib.resources:

    resources/   defaults.json, fonts/, icons/          (the repo's resources/)
    templates/   the example designs, *.weaklink.json   (the repo's examples/)
    docs/        user-guide.md with its pictures, the JSON schemas (the repo's docs/)

In a wheel these are package data of `designer.data`: setup.py's build step
copies them here from the repo's folders, which stay the one place they are
edited (docs/architecture.md says why). A source checkout, which `make venv`
installs in editable mode and which has no such copies, reads the same names
from the repo's folders; no other module knows where the files live.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

# Folder in this package -> the repo folder it is copied from (setup.py).
SOURCES = {"resources": "resources", "templates": "examples", "docs": "docs"}
TEMPLATE_SUFFIX = ".weaklink.json"
SCHEMAS = ("weaklink.schema.json", "analysis.schema.json")
GUIDE = "user-guide.md"


def folder(name: str) -> Path:
    """One of SOURCES' folders, as a directory on disk."""
    packaged = resources.files(__name__) / name
    if packaged.is_dir():
        return Path(str(packaged))
    return checkout_root() / SOURCES[name]


def path(name: str, *parts: str) -> Path:
    """A file inside one of the folders: path("resources", "defaults.json")."""
    return folder(name).joinpath(*parts)


def checkout_root() -> Path:
    """The source checkout this package runs from (editable install only)."""
    return Path(__file__).resolve().parents[2]


def templates() -> list[Path]:
    """The bundled example designs, sorted by file name."""
    return sorted(folder("templates").glob("*" + TEMPLATE_SUFFIX))


def template(stem: str) -> Path:
    return path("templates", stem + TEMPLATE_SUFFIX)
