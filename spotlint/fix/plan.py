"""Decide, per finding, whether and how it is rewritten (pure: no I/O, no tree edits).

A client-method finding becomes a call of a compat function chosen for its library and the
strategy (the one forced on the run, else the rule's own ``fix-default``); anything else is left
with one reason a user can act on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import libcst as cst

from spotlint.analysis.context import Candidate
from spotlint.catalogue.schema import Rule
from spotlint.findings import Finding
from spotlint.fix.blocks import Block, choose


@dataclass(frozen=True, slots=True)
class Rewrite:
    node: cst.CSTNode
    shape: str  # call | getattr | attribute
    block: Block
    code: str
    note: str = ""  # e.g. "local falls back to the stub"


@dataclass(frozen=True, slots=True)
class Retext:
    """A literal piece of a raw URL whose path segment is renamed."""

    node: cst.CSTNode  # SimpleString or FormattedStringText
    text: str  # its new source text
    code: str


# Strategies a rule opts into (its ``fix`` names them): the strategy they fall back to for
# every other rule, and the note each of their rewrites gets.
OPT_IN = {"reccobeats": ("local", "sends track and artist ids to ReccoBeats, a third-party service")}

# Why a finding is left as it is (``Left.kind``): the categories ``fix`` counts.
NO_REWRITE = "no-rewrite"  # no safe rewrite exists (yet) for this use
MAYBE_CLIENT = "maybe-client"  # the receiver is not resolved to a client: reported, not rewritten
UNSAFE = "unsafe"  # a rewrite exists but changes behaviour: needs --unsafe-fixes
UNPARSABLE = "unparsable"  # the file (or the rewrite) does not parse


@dataclass(frozen=True, slots=True)
class Left:
    finding: Finding
    reason: str
    kind: str = NO_REWRITE


@dataclass(frozen=True, slots=True)
class Skip:
    """Why ``_decide`` or ``_rename_raw`` leaves a finding, when the reason is of another kind
    than NO_REWRITE (MAYBE_CLIENT, UNSAFE); a plain string reason is NO_REWRITE."""

    reason: str
    kind: str


MAYBE_CLIENT_REASON = ("the receiver is not known to be a Spotify client (annotate it with the client class or "
                       "construct the client where spotlint can see it); reported, not rewritten")


@dataclass(frozen=True, slots=True)
class Plan:
    rewrites: tuple[Rewrite, ...]
    left: tuple[Left, ...]
    retexts: tuple[Retext, ...] = ()


def shape_of(candidate: Candidate) -> str | None:
    """How a client-method finding is written: ``call``, ``getattr``, or ``attribute`` (an
    uncalled method reference; ``plan`` rewrites it only on a receiver resolved to a client)."""
    node = candidate.node
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == candidate.method:
        return "call"
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "getattr":
        return "getattr"
    if isinstance(node, cst.Attribute) and node.attr.value == candidate.method:
        return "attribute"
    return None


def strategy_for(rule: Rule, forced: str | None) -> str:
    """The strategy a finding of ``rule`` is fixed with: the forced one, else the rule's default
    (a rule with no fix has none: its findings are left whatever is asked)."""
    chosen = forced or rule.fix_default or "stub"
    if chosen in OPT_IN and chosen not in rule.fix:  # an opt-in strategy where the rule offers it, else its fallback
        return OPT_IN[chosen][0]
    return chosen


def plan(located: Iterable[tuple[Candidate, Finding]], strategy: str | None, unsafe_fixes: bool,
         imported: frozenset[str], awaited: frozenset[int]) -> Plan:
    """``strategy`` is forced on every finding; None lets each rule's ``fix-default`` decide."""
    rewrites: list[Rewrite] = []
    left: list[Left] = []
    retexts: list[Retext] = []
    for candidate, finding in located:
        strategy_here = strategy_for(candidate.rule, strategy)
        if not candidate.method and candidate.rule.rename is not None and candidate.pieces:
            renamed = _rename_raw(candidate, strategy_here, unsafe_fixes)
            if isinstance(renamed, Skip):
                left.append(Left(finding, renamed.reason, renamed.kind))
            elif isinstance(renamed, str):
                left.append(Left(finding, renamed))
            else:
                retexts += renamed
            continue
        outcome = _decide(candidate, strategy_here, unsafe_fixes, imported, awaited)
        if isinstance(outcome, Skip):
            left.append(Left(finding, outcome.reason, outcome.kind))
        elif isinstance(outcome, str):
            left.append(Left(finding, outcome))
        else:
            rewrites.append(outcome)
    return Plan(tuple(rewrites), tuple(left), tuple(retexts))


def _literal_pieces(node: cst.CSTNode) -> list[cst.CSTNode]:
    found: list[cst.CSTNode] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, (cst.SimpleString, cst.FormattedStringText)):
            found.append(current)
        elif isinstance(current, (cst.ConcatenatedString, cst.FormattedString, cst.BinaryOperation, cst.Call,
                                  cst.Attribute, cst.Arg, cst.List, cst.Tuple, cst.Element)):
            stack.extend(reversed(list(current.children)))
    return found


def _rename_raw(candidate: Candidate, strategy: str, unsafe_fixes: bool) -> list[Retext] | Skip | str:
    """Rename the route's path segment inside the literal pieces of a raw URL."""
    rename = candidate.rule.rename
    assert rename is not None
    if strategy != "local":
        return f"raw HTTP requests are rewritten by the local strategy (to the new route), not by {strategy}"
    if candidate.http_method in rename.unsafe_methods and not unsafe_fixes:
        return Skip(f"unsafe fix ({candidate.http_method} also renames a request body key); "
                    "run with --unsafe-fixes to apply it", UNSAFE)
    pattern = re.compile(rf"(?<![\w-]){re.escape(rename.segment)}(?=$|[/?#\s'\"])")
    retexts = []
    seen_playlists = False
    for piece in (p for node in candidate.pieces for p in _literal_pieces(node)):
        text = piece.value
        if "playlists" in text:
            seen_playlists = True
        tail = text.split("playlists", 1)[1] if "playlists" in text else text
        if seen_playlists and pattern.search(tail):
            head = text[: len(text) - len(tail)]
            retexts.append(Retext(piece, head + pattern.sub(rename.replacement, tail, count=1), candidate.rule.code))
    if not retexts:
        return f"the `{rename.segment}` segment of this URL is not a literal spotlint can rename"
    return retexts[:1]


def _decide(candidate: Candidate, strategy: str, unsafe_fixes: bool, imported: frozenset[str],
            awaited: frozenset[int]) -> Rewrite | Skip | str:
    rule = candidate.rule
    if not rule.fix:
        return f"no automatic fix: {rule.instead}"
    if candidate.method and not candidate.sure:
        return Skip(MAYBE_CLIENT_REASON, MAYBE_CLIENT)  # only receivers resolved to a client are rewritten
    shape = shape_of(candidate) if candidate.method else None
    if shape is None:
        return "no safe rewrite for a raw HTTP request: its response is used in ways spotlint cannot follow"
    fallback = strategy == "local" and "local" not in rule.fix and "stub" in rule.fix
    if strategy not in rule.fix and not fallback:
        return f"no {strategy} fix for this rule (available: {', '.join(rule.fix)})"
    libraries = candidate.libraries if len(candidate.libraries) == 1 else candidate.libraries & imported
    if len(libraries) != 1:
        return "cannot tell whether the receiver is a spotipy or a tekore client"
    [library] = libraries
    is_awaited = id(candidate.node) in awaited
    if is_awaited and library != "tekore":
        return "calls awaited on an asynchronous client are only rewritten for tekore"
    choice = choose(library, candidate.method, "stub" if fallback else strategy, is_awaited)
    if choice is None:
        return f"no {strategy} replacement for {library}'s {candidate.method}() yet"
    if choice.block.unsafe and not unsafe_fixes:
        return Skip(f"unsafe fix ({choice.block.unsafe}); run with --unsafe-fixes to apply it", UNSAFE)
    note = "no honest local alternative: uses the stub" if choice.fallback or fallback else ""
    if strategy in OPT_IN:
        note = OPT_IN[strategy][1]
    return Rewrite(candidate.node, shape, choice.block, rule.code, note)
