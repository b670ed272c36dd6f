"""``docs/rules.md``: every rule's documentation, rendered from the catalogue by catalogue.docs.

``spotlint docs`` writes it; a test fails when the committed file is stale.
"""

from __future__ import annotations

from spotlint.catalogue.load import Catalogue
from spotlint.catalogue.docs import render_markdown


def rules_markdown(catalogue: Catalogue) -> str:
    parts = [
        "# spotlint rules\n",
        "Generated from `rules/` by `spotlint docs`; do not edit by hand.\n",
        "| code | name | wave | kind | summary |",
        "|---|---|---|---|---|",
    ]
    parts += [f"| [{r.code}](#{r.code.lower()}-{r.name}) | `{r.name}` | {catalogue.wave_of(r).date} | {r.kind} | "
              f"{r.summary.replace('|', '/')} |" for r in catalogue.rules]
    parts.append("")
    for rule in catalogue.rules:
        parts.append(render_markdown(rule, catalogue).replace(f"# {rule.code} {rule.name}", f"## {rule.code} {rule.name}", 1)
                     .replace("\n## ", "\n### "))
    return "\n".join(parts)
