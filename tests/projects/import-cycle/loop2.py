from loop1 import session

__all__ = ["session"]
