"""Decide from a file's bytes, before parsing, whether it can hold a finding at all.

The trigger words come from the catalogue, never from a hand-kept list: the client libraries'
module names, the API host, every method name a finding on a receiver of unknown type needs
(the distinctive names, and the Spotify-only keywords generic names need), the Spotify-owned
playlist prefix and the compat module's name. Every finding needs one of them in the text:
a known client needs its library imported; anything else needs one of these words or the
Spotify use they prove. Sound by construction; a test checks it on every case file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spotlint.analysis.usage import API_HOST, COMPAT_MODULE
from spotlint.catalogue import Catalogue

OWNED_PLAYLIST_PREFIX = "37i9dQZ"


def trigger_words(catalogue: Catalogue) -> frozenset[str]:
    words: set[str] = {API_HOST, OWNED_PLAYLIST_PREFIX, COMPAT_MODULE}
    for library in catalogue.libraries:
        words.update(module.split(".")[0] for module in library.modules)
    for rule in catalogue.rules:
        for group in rule.clients:
            words.update(m for m in group.methods if m not in rule.generic)
            words.update(group.keywords)
    return frozenset(words)


@lru_cache(maxsize=4)
def _pattern(words: frozenset[str]) -> re.Pattern[bytes]:
    # longest first, so the alternation is a plain scan; no word boundaries (a superset is sound)
    alternatives = sorted(words, key=lambda w: (-len(w), w))
    return re.compile(b"|".join(re.escape(w.encode()) for w in alternatives))


def may_have_findings(data: bytes, catalogue: Catalogue) -> bool:
    return _pattern(trigger_words(catalogue)).search(data) is not None
