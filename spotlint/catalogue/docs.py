"""Render one rule's documentation as Markdown, in the fixed order of STYLE.md:
What broke · Why · Example · Use instead · Fix safety · References.

Shared by ``spotlint explain`` and (later) SARIF help and docs/rules.md; it formats only.
"""

from __future__ import annotations

from spotlint.catalogue.load import Catalogue
from spotlint.catalogue.schema import REQUEST_KINDS, Rule

STRATEGY_TEXT = {
    "stub": "the call is replaced by a function of your compat module that returns the documented response shape with empty content, so the calling code keeps running.",
    "local": "the call is replaced by a real alternative that does not use the restricted endpoint.",
    "reccobeats": "(opt in) the call is replaced by a function that asks ReccoBeats, a free third-party service, for the data and returns it in Spotify's response shape; it sends the track (and artist) ids there. Rules without it are fixed as under `local`.",
}
PIN_TEXT = ("the declaration's version specifier is raised to allow the first release that sends the new routes "
            "(requirements files, `pyproject.toml`, `setup.cfg`, `Pipfile`, conda environments), the rest of the "
            "line kept as written; lock files and hash-pinned requirements are left for you to regenerate.")


def _strategy_lines(rule: Rule) -> list[str]:
    """One line per strategy, the rule's default marked, and how to force another."""
    lines = []
    for strategy in rule.fix:
        text = PIN_TEXT if rule.kind == "pin" and strategy == "local" else STRATEGY_TEXT[strategy]
        marker = " (default)" if strategy == rule.fix_default else ""
        lines.append(f"- `{strategy}`{marker}: {text}")
    lines.append(f"- `spotlint fix` uses `{rule.fix_default}` for this rule unless `--strategy` or the config's "
                 "`fix-strategy` names another.")
    return lines


def _affected(rule: Rule) -> str:
    lines = []
    for group in rule.clients:
        methods = ", ".join(f"`{m}`" for m in group.methods)
        lines.append(f"- {group.library}: {methods}")
        for method, version in sorted(group.fixed_in.items()):
            lines.append(f"  - `{method}` uses the new route from {group.library} {version}")
    if rule.fields is not None:
        keys = ", ".join(f"`{n}`" for n in rule.fields.names)
        lines.append(f"- response keys {keys} of {', '.join(rule.fields.objects)} objects")
    if rule.limit is not None:
        lines += _limit_lines(rule)
    return "\n".join(lines)


def _limit_lines(rule: Rule) -> list[str]:
    """A limit rule: the cap, and what each client method sends without the parameter."""
    assert rule.limit is not None
    limit = rule.limit
    lines = [f"- a call or request whose `{limit.parameter}` is above {limit.maximum}; left out, each client sends:"]
    for call in limit.calls:
        versions = f" {call.versions}" if call.versions else ""
        verdict = "rejected" if call.default > limit.maximum else "accepted"
        text = f"  - {call.library}{versions} `{call.method}`: {call.default} ({verdict})"
        if call.max_limits is not None:
            text += f", {call.max_limits} with `max_limits_on=True` or inside `max_limits()` (rejected)"
        lines.append(text)
    return lines


def _guarded(rule: Rule) -> str:
    """What the runtime guard catches of this rule at run time."""
    if rule.kind not in REQUEST_KINDS:
        return ("Runtime guard: not covered (it checks requests; this rule is about "
                + ("response fields" if rule.kind == "field" else "dependency declarations") + ").")
    what = "requests to these endpoints"
    if rule.kind == "playlist":
        what = "requests for a Spotify-owned playlist id on these endpoints"
    elif rule.limit is not None:
        what = f"requests to these endpoints whose `{rule.limit.parameter}` is above {rule.limit.maximum}"
    return (f"Runtime guard: covered — `spotlint.guard` reports {what} when your program or test suite really "
            "sends them (`pytest --spotlint-guard`, `python -m spotlint.guard app.py`).")


def render_markdown(rule: Rule, catalogue: Catalogue) -> str:
    wave = catalogue.wave_of(rule)
    routes = ", ".join(f"`{e.method} {e.path}`" for e in rule.endpoints)
    out = [f"# {rule.code} {rule.name}", "", f"**{rule.title}** — {wave.title} (wave {wave.id}, since {wave.date}).", ""]
    if routes:
        out += [f"Endpoints: {routes}", ""]
    out += [_guarded(rule), ""]
    out += ["## What broke", "", rule.docs.what.strip(), ""]
    affected = _affected(rule)
    if affected:
        out += ["Flagged uses:", "", affected, ""]
    out += ["## Why it matters", "", rule.docs.why.strip(), ""]
    out += ["## Example", "", "```python", rule.docs.bad.rstrip(), "```", ""]
    out += ["## Use instead", "", rule.instead[0].upper() + rule.instead[1:] + ".", "", "```python", rule.docs.good.rstrip(), "```", ""]
    out += ["## Fix safety", ""]
    if rule.fix:
        out += _strategy_lines(rule)
    if rule.fix and rule.kind != "pin":
        out.append("- Rewrites that can change behaviour beyond the endpoint swap (a write that becomes a no-op, "
                   "a dropped argument) are unsafe and need `--unsafe-fixes`; `spotlint fix` names them.")
    if not rule.fix:
        out.append("No automatic fix: the change needs a decision only you can make.")
    out += ["", "## References", ""]
    out += [f"- <{ref}>" for ref in rule.docs.references]
    return "\n".join(out) + "\n"
