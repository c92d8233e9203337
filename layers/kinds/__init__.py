"""Layer kinds: one module per kind; each is a plugin (see layers.registry)."""

from gridscout.layers.kinds.base import LayerKind, SourceInfo

__all__ = ["LayerKind", "SourceInfo"]
