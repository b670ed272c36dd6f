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
