"""What to call each component (designer/model/naming.py, where the
analysis' sentences read it too); kept here for the report's callers."""
from designer.model.naming import names_of  # noqa: F401
