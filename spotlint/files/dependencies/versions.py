"""Questions about PEP 440 specifiers that the rules ask: does a specifier allow any of a set
of versions, and which probe versions lie below or from a release. Pure.
"""

from __future__ import annotations

from functools import lru_cache


def allows_any(specifier: str, versions: list[str]) -> bool:
    from packaging.specifiers import InvalidSpecifier, SpecifierSet
    from packaging.version import Version

    try:
        spec = SpecifierSet(specifier)
    except InvalidSpecifier:
        return True
    return any(spec.contains(Version(v), prereleases=True) for v in versions)


def versions_before(fixed: str) -> list[str]:
    """Probe versions below ``fixed`` (every minor and a few patches of the same major)."""
    from packaging.version import Version

    target = Version(fixed)
    probes = [f"{major}.{minor}.{patch}" for major in range(0, target.major + 1)
              for minor in range(0, 40) for patch in range(0, 4)]
    return [p for p in probes if Version(p) < target]


@lru_cache(maxsize=64)
def versions_in(specifier: str) -> tuple[str, ...]:
    """Probe versions (majors 0-9, every minor below 40, a few patches) a specifier allows."""
    from packaging.specifiers import SpecifierSet
    from packaging.version import Version

    spec = SpecifierSet(specifier)
    return tuple(v for v in (f"{a}.{b}.{c}" for a in range(10) for b in range(40) for c in range(4))
                 if spec.contains(Version(v), prereleases=True))


def versions_from(fixed: str) -> list[str]:
    from packaging.version import Version

    target = Version(fixed)
    return [str(target), *(f"{target.major}.{m}.{p}" for m in range(target.minor, target.minor + 20) for p in range(4)),
            f"{target.major + 1}.0.0"]
