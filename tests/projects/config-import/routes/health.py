"""Liveness check: one cheap call that is still allowed."""

from config import sp_public


def ping():
    try:
        sp_public.search(q="a", type="artist", limit=1)
    except Exception as exc:  # the route reports any failure
        return {"ok": False, "error": str(exc)}
    return {"ok": True}
