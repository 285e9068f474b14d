"""Live analysis: scheduling, the worker process, the overlay and the failure drill."""
