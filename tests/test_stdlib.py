"""The CPython standard library holds no Spotify code: spotlint must report no rule there.

A deterministic sample keeps the suite fast; the whole library was checked by hand (see the
closing note of issue 2) with the same result.
"""

from __future__ import annotations

import sysconfig
from pathlib import Path

from spotlint.api import check_paths
from spotlint.findings import DIAGNOSTICS

STDLIB = Path(sysconfig.get_paths()["stdlib"])


def test_no_rule_findings_on_a_stdlib_sample(catalogue, all_codes):
    files = sorted(str(p) for p in STDLIB.rglob("*.py") if "site-packages" not in p.parts)
    sample = files[::25]
    assert len(sample) > 50
    results = check_paths(sample, catalogue, all_codes)
    assert len(results) == len(sample)
    rule_findings = [f for r in results for f in r.findings if f.code not in DIAGNOSTICS]
    assert rule_findings == []
