"""Files: load, save, migrate, JSON Schema (no Qt; export is the exception).

Other layers import from here:

    from designer.io import load_design, save_design, LoadError
"""
from .errors import LoadError, LoadErrors, SaveError
from .load import MAX_BYTES, design_from_dict, design_from_text, load_design
from .migrate import CURRENT_VERSION, FORMAT_NAME
from .save import design_to_text, dump_design, save_design

__all__ = [
    "load_design", "save_design", "dump_design", "design_from_dict", "design_from_text",
    "design_to_text",
    "LoadError", "LoadErrors", "SaveError", "CURRENT_VERSION", "FORMAT_NAME",
    "MAX_BYTES",
]
