"""Decide from a file's bytes, before parsing, whether it can hold a finding at all.

The trigger words come from the catalogue, never from a hand-kept list: the client libraries'
module names, the API host, every method name a finding on a receiver of unknown type needs
(the distinctive names, and the generic names that Spotify-only keywords make count), the Spotify-owned
playlist prefix and the compat module's name. Every finding needs one of them in the text:
a known client needs its library imported; anything else needs one of these words or the
Spotify use they prove. Sound by construction; a test checks it on every case file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spotlint.project.info import API_HOST, COMPAT_MODULE
from spotlint.catalogue.load import Catalogue

OWNED_PLAYLIST_PREFIX = "37i9dQZ"


def trigger_words(catalogue: Catalogue) -> frozenset[str]:
    words: set[str] = {API_HOST, OWNED_PLAYLIST_PREFIX, COMPAT_MODULE}
    for library in catalogue.libraries:
        words.update(module.split(".")[0] for module in library.modules)
    for rule in catalogue.rules:
        if rule.kind not in ("endpoint", "route", "limit"):
            continue  # field reads need Spotify use, playlist ids their prefix: both are words above
        for group in rule.clients:
            words.update(m for m in group.methods if m not in rule.generic)
            if group.keywords and rule.kind != "limit":  # a generic capped method needs a client or Spotify use  # a generic name counts only with Spotify-only keywords: name and keyword both appear
                words.update(m for m in group.methods if m in rule.generic)
    return frozenset(words)


def _trie(words: list[str]) -> str:
    """One regular expression for many words, branching on shared prefixes (4x faster than a
    flat alternation: most positions fail on their first character)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)


ANCHORS = (API_HOST, OWNED_PLAYLIST_PREFIX, COMPAT_MODULE)


@lru_cache(maxsize=4)
def _matcher(words: frozenset[str], libraries: frozenset[str]) -> tuple[tuple[bytes, ...], re.Pattern[bytes]]:
    """Plain words found with a substring search, and method names with one regex that only
    starts at a `.` or a quote: a method is reached as `x.name` (spaces allowed after the
    dot) or named in `getattr(x, "name")`. No word boundaries: a superset is what is sound."""
    plain = tuple(sorted({w.encode() for w in words if w in ANCHORS or w in libraries}))
    methods = sorted(w for w in words if w not in ANCHORS and w not in libraries)
    return plain, re.compile(rb"[.'\"][ \t\\\r\n]*" + _trie(methods).encode())


_MATCHERS: dict[int, tuple[Catalogue, tuple[tuple[bytes, ...], re.Pattern[bytes]]]] = {}


def may_have_findings(data: bytes, catalogue: Catalogue) -> bool:
    known = _MATCHERS.get(id(catalogue))
    if known is None or known[0] is not catalogue:
        libraries = frozenset(m.split(".")[0] for lib in catalogue.libraries for m in lib.modules)
        known = _MATCHERS[id(catalogue)] = (catalogue, _matcher(trigger_words(catalogue), libraries))
    plain, methods = known[1]
    return any(word in data for word in plain) or methods.search(data) is not None
