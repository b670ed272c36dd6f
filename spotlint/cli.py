"""The command line: parse options, call the API, print, return the exit code. No logic.

Exit codes: 0 no findings, 1 findings (or files that could not be read or parsed),
2 usage, configuration or catalogue errors.
"""

from __future__ import annotations

import sys

import click

from spotlint import __version__
from spotlint.errors import SpotlintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except SpotlintError as exc:
            click.echo(f"spotlint: error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="spotlint")
def main() -> None:
    """Find Python code that uses Spotify Web API endpoints Spotify has restricted."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--select", multiple=True, help="Codes or prefixes to enable (comma-separated; default: all).")
@click.option("--ignore", multiple=True, help="Codes or prefixes to disable (comma-separated).")
@click.option("--extend-select", multiple=True, help="Codes or prefixes to enable on top of --select.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...], ignore: tuple[str, ...],
          extend_select: tuple[str, ...], exit_zero: bool) -> None:
    """Report restricted Spotify endpoints and fields used under PATHS (default: .)."""
    from spotlint.api import check_paths
    from spotlint.catalogue import load_catalogue
    from spotlint.config import resolve_selection, split_codes
    from spotlint.report import FORMATS

    catalogue = load_catalogue()
    selected = resolve_selection(
        catalogue,
        select=split_codes(select) if select else None,
        ignore=split_codes(ignore),
        extend_select=split_codes(extend_select),
    )
    results = check_paths(paths or (".",), catalogue, selected)
    output = FORMATS[output_format](results)
    if output:
        click.echo(output, nl=False)
    found = any(r.findings for r in results)
    sys.exit(EXIT_OK if exit_zero or not found else EXIT_FINDINGS)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--strategy", type=click.Choice(["stub", "local"]), default="stub", show_default=True,
              help="stub: keep the response shape with empty data; local: real alternatives where they exist.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of the changes and write nothing.")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 if something would change.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply rewrites that can change behaviour beyond the endpoint swap.")
@click.option("--compat-module", type=click.Path(dir_okay=False), default=None,
              help="Where to write the compat module (default: spotify_compat.py in the first fixed file's package).")
@click.option("--select", multiple=True, help="Codes or prefixes to fix (comma-separated; default: all).")
@click.option("--ignore", multiple=True, help="Codes or prefixes not to fix (comma-separated).")
def fix(paths: tuple[str, ...], strategy: str, show_diff: bool, check_only: bool, unsafe_fixes: bool,
        compat_module: str | None, select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    """Rewrite restricted Spotify calls under PATHS (default: .) into calls of a compat module."""
    from pathlib import Path

    from spotlint.catalogue import load_catalogue
    from spotlint.config import resolve_selection, split_codes
    from spotlint.fix.apply import fix_paths, unified_diff
    from spotlint.report.fixsummary import summary

    catalogue = load_catalogue()
    selected = resolve_selection(catalogue, select=split_codes(select) if select else None, ignore=split_codes(ignore))
    write = not (show_diff or check_only)
    report = fix_paths(paths or (".",), catalogue, selected, strategy, unsafe_fixes,
                       Path(compat_module) if compat_module else None, write)
    if show_diff:
        for item in report.changed:
            click.echo(unified_diff(item), nl=False)
    click.echo(summary(report, strategy, write), err=True, nl=False)
    remaining = any(r.findings for r in report.remaining) if write else bool(report.left)
    failed = bool(report.problems) or any(f.error for f in report.files)
    sys.exit(EXIT_FINDINGS if remaining or failed or (not write and report.changed) else EXIT_OK)


@main.command()
def rules() -> None:
    """List the rule catalogue: code, name, wave, summary."""
    from spotlint.catalogue import load_catalogue

    catalogue = load_catalogue()
    width = max(len(r.name) for r in catalogue.rules)
    for rule in catalogue.rules:
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.wave}  {rule.summary}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of rule CODE (e.g. SPT103 or audio-features)."""
    from spotlint.catalogue import load_catalogue
    from spotlint.ruledocs import render_markdown

    catalogue = load_catalogue()
    wanted = code.strip()
    rule = next((r for r in catalogue.rules if wanted.upper() == r.code or wanted == r.name), None)
    if rule is None:
        raise SpotlintError(f"unknown rule {code!r} (see `spotlint rules`)")
    click.echo(render_markdown(rule, catalogue), nl=False)
