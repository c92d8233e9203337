"""GridScout scoring: geodesic nearest-feature kernels (``scoring.nearest``), criteria and engine."""
