"""Questions about PEP 440 specifiers that the rules ask: does a specifier allow any of a set
of versions, and which probe versions lie below or from a release. Pure.
"""

from __future__ import annotations


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


def versions_from(fixed: str) -> list[str]:
    from packaging.version import Version

    target = Version(fixed)
    return [str(target), *(f"{target.major}.{m}.{p}" for m in range(target.minor, target.minor + 20) for p in range(4)),
            f"{target.major + 1}.0.0"]
