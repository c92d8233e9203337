"""Small reusable widgets of the panels (score legend, histogram, per-criterion bars)."""
