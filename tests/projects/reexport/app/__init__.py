"""Application package: re-exports the shared client under a short name."""

from .clients import public as sp

__all__ = ["sp"]
