"""The files Weaklink reads at run time, found through importlib.resources:

    resources/   defaults.json, fonts/, icons/          (the repo's resources/)
    templates/   the example designs, *.weaklink.json   (the repo's examples/)
    docs/        user-guide.md with its pictures, the JSON schemas (the repo's docs/)

In a wheel these are package data of `designer.data`: setup.py's build step
copies them here from the repo's folders, which stay the one place they are
edited (docs/architecture.md says why). In a source checkout, which `make venv`
installs in editable mode, the same three names are symbolic links committed
in git to the repo's folders; no other module knows where the files live.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

TEMPLATE_SUFFIX = ".weaklink.json"
SCHEMAS = ("weaklink.schema.json", "analysis.schema.json")
GUIDE = "user-guide.md"


def folder(name: str) -> Path:
    """"resources", "templates" or "docs", as a directory on disk."""
    packaged = resources.files(__name__) / name
    if not packaged.is_dir():
        raise FileNotFoundError(f"Weaklink's {name} folder is missing from the installation "
                                f"({packaged}); reinstall the package")
    return Path(str(packaged))


def path(name: str, *parts: str) -> Path:
    """A file inside one of the folders: path("resources", "defaults.json")."""
    return folder(name).joinpath(*parts)


def templates() -> list[Path]:
    """The bundled example designs, sorted by file name."""
    return sorted(folder("templates").glob("*" + TEMPLATE_SUFFIX))


def template(stem: str) -> Path:
    return path("templates", stem + TEMPLATE_SUFFIX)
