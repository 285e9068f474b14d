"""Analysis of a design snapshot (no Qt): structure function, SPOFs, cut sets,
availability, importance. Pure functions over a model.Design."""
