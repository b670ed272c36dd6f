"""A finding's message from rule data: what broke, for whom, the detail, what to do instead.

One wording for every place that reports a rule (the static check and the runtime guard); it
formats only and knows nothing of where the finding was found.
"""

from __future__ import annotations

from spotlint.catalogue.load import Catalogue
from spotlint.catalogue.schema import Rule


def compose(catalogue: Catalogue, rule: Rule, detail: str = "") -> str:
    """``message audience[; detail]; instead`` (``{key}`` of a field rule's message filled)."""
    head = rule.message.replace("{key}", detail.strip("`")) if rule.kind == "field" else rule.message
    parts = [f"{head} {catalogue.wave_of(rule).audience}"]
    if rule.kind in ("route", "limit") and detail:
        parts.append(detail)
    parts.append(rule.instead)
    return "; ".join(parts)
