"""The command line: parse options, call the API, print, return the exit code. No logic.

Exit codes: 0 no findings, 1 findings (or files that could not be read or parsed),
2 usage, configuration or catalogue errors; ``fix`` documents its own (``FixReport.fails``).
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
            for line in str(exc).splitlines() or [""]:  # a config's problems: one line each
                click.echo(f"spotlint: error: {line}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="spotlint")
def main() -> None:
    """Find Python code that uses Spotify Web API endpoints Spotify has restricted."""


def _settings(paths: tuple[str, ...], config: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
              extend_select: tuple[str, ...] = (), **extra: object):  # type: ignore[no-untyped-def]
    from spotlint.config import build_settings, split_codes

    return build_settings(
        paths, config, select=split_codes(select) if select else None, ignore=split_codes(ignore),
        extend_select=split_codes(extend_select), **extra,  # type: ignore[arg-type]
    )


def scan_options(command):  # type: ignore[no-untyped-def]
    """What gets scanned, on top of the config: ruff's --extend-exclude and --[no-]respect-gitignore."""
    command = click.option("--extend-exclude", "extend_exclude", multiple=True, metavar="PATTERN",
                           help="Gitignore-style patterns to exclude on top of the configured ones (comma-separated).")(command)
    return click.option("--respect-gitignore/--no-respect-gitignore", "respect_gitignore", default=None,
                        help="Skip what .gitignore ignores inside a git work tree (files git tracks never are) "
                             "[default: respect-gitignore from the config, else on].")(command)


force_exclude_option = click.option(
    "--force-exclude/--no-force-exclude", "force_exclude", default=None,
    help="Apply the excludes to files named on the command line too, as pre-commit passes them "
         "[default: force-exclude from the config, else on].")


def _scan(extend_exclude: tuple[str, ...], respect_gitignore: bool | None) -> dict[str, object]:
    patterns = [part.strip() for value in extend_exclude for part in value.split(",") if part.strip()]
    return {"extend_exclude": patterns, "respect_gitignore": respect_gitignore}


config_option = click.option("--config", "config", type=click.Path(dir_okay=False, exists=True), default=None,
                             help="Read the settings from this file instead of the nearest config: a "
                                  "spotlint.toml's top-level keys, or a pyproject.toml's [tool.spotlint].")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json", "sarif", "github", "full"]),
              default="text", show_default=True)
@click.option("--select", multiple=True, help="Codes or prefixes to enable (comma-separated; default: all).")
@click.option("--ignore", multiple=True, help="Codes or prefixes to disable (comma-separated).")
@click.option("--extend-select", multiple=True, help="Codes or prefixes to enable on top of --select.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report to a file.")
@click.option("--baseline", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record today's findings in this file (and exit 0).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores; small runs stay in one process).")
@click.option("--no-cache", is_flag=True, help="Do not read or write .spotlint_cache/.")
@scan_options
@force_exclude_option
@config_option
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...], ignore: tuple[str, ...],
          extend_select: tuple[str, ...], statistics: bool, output_file: str | None, baseline: str | None,
          write_baseline: str | None, exit_zero: bool, jobs: int | None, no_cache: bool,
          extend_exclude: tuple[str, ...], respect_gitignore: bool | None, force_exclude: bool | None,
          config: str | None) -> None:
    """Report restricted Spotify endpoints and fields used under PATHS (default: .)."""
    from spotlint.api import check_paths

    settings = _settings(paths, config, select, ignore, extend_select, force_exclude=force_exclude,
                         **_scan(extend_exclude, respect_gitignore))
    results = check_paths(paths or (".",), settings.catalogue, settings.selected, settings, jobs=jobs,
                          use_cache=not no_cache)
    if write_baseline:
        from spotlint.report.baseline import write

        count = write(write_baseline, results)
        click.echo(f"Wrote {count} finding{'s' * (count != 1)} to the baseline {write_baseline}.", err=True)
        sys.exit(EXIT_OK)
    if baseline:
        from spotlint.report.baseline import filter_new

        results = filter_new(baseline, results)
    if statistics:
        from spotlint.report.statistics import render as render_statistics

        output = render_statistics(results, settings.catalogue)
    else:
        from spotlint.report import render

        output = render(output_format, results, settings.catalogue)
    if output_file:
        from pathlib import Path

        Path(output_file).write_text(output, encoding="utf-8")
    elif output:
        click.echo(output, nl=False)
    found = any(r.findings for r in results)
    sys.exit(EXIT_OK if exit_zero or not found else EXIT_FINDINGS)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--strategy", type=click.Choice(["default", "stub", "local", "reccobeats"]), default=None,
              help="default: each rule's own strategy (real alternatives for renamed routes, several-item gets "
                   "and pins, stubs for removed endpoints; `spotlint explain CODE` names it); stub: force stubs that "
                   "keep the response shape with empty data; local: force real alternatives where they exist; "
                   "reccobeats: local, plus audio features and recommendations from ReccoBeats, a third-party "
                   "service (opt in: sends track ids there) [default: fix-strategy from the config, else default].")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of the changes and write nothing.")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 if something would change (findings it cannot fix do not count).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply rewrites that can change behaviour beyond the endpoint swap.")
@click.option("--compat-module", type=click.Path(dir_okay=False), default=None,
              help="Where to write the one compat module (default: a spotify_compat.py per project, in the top "
                   "package of a package's files, beside a standalone script or notebook).")
@click.option("--select", multiple=True, help="Codes or prefixes to fix (comma-separated; default: all).")
@click.option("--ignore", multiple=True, help="Codes or prefixes not to fix (comma-separated).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: every finding with its outcome (fixed, left, not-selected) and reason, on stdout.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores; small runs stay in one process).")
@scan_options
@config_option
def fix(paths: tuple[str, ...], strategy: str | None, show_diff: bool, check_only: bool, unsafe_fixes: bool,
        compat_module: str | None, select: tuple[str, ...], ignore: tuple[str, ...], output_format: str,
        jobs: int | None, extend_exclude: tuple[str, ...], respect_gitignore: bool | None, config: str | None) -> None:
    """Rewrite restricted Spotify calls under PATHS (default: .) into calls of a compat module.

    Every finding `spotlint check` reports is counted once: fixed, left (with why) or not
    selected (--select/--ignore keep its rule out); the summary on stderr breaks them down.

    \b
    Exit codes:
      0  nothing is left: every selected finding was fixed, or there was none;
         --diff: nothing would change and nothing would be left;
         --check: nothing would change
      1  findings are left (unfixable ones, files that cannot be read or parsed);
         --diff: something would change or be left;
         --check: something would change, or a file cannot be read or parsed
      2  usage, configuration or rule-catalogue error
    """
    from spotlint.fix.apply import fix_paths, unified_diff
    from spotlint.report.fixsummary import summary

    if show_diff and output_format == "json":
        raise click.UsageError("--diff prints a diff and --format json the findings on stdout: use one of them")
    scan = _scan(extend_exclude, respect_gitignore)
    settings = _settings(paths, config, select, ignore, compat_module=compat_module, fix_strategy=strategy, **scan)
    reported = _settings(paths, config, (), (), **scan).selected if select or ignore else settings.selected
    write = not (show_diff or check_only)
    report = fix_paths(paths or (".",), settings.catalogue, reported, settings.fix_strategy, unsafe_fixes,
                       settings.compat_module, write, settings, fixable=settings.selected, jobs=jobs)
    if show_diff:
        for item in report.changed:
            click.echo(unified_diff(item), nl=False)
    if output_format == "json":
        from spotlint.report.fixjson import render as render_json

        click.echo(render_json(report.tally), nl=False)
    click.echo(summary(report, settings.fix_strategy, write), err=True, nl=False)
    mode = "check" if check_only else "diff" if show_diff else "write"
    sys.exit(EXIT_FINDINGS if report.fails(mode) else EXIT_OK)


@main.command()
@config_option
def rules(config: str | None) -> None:
    """List the rule catalogue: code, name, wave, kind, summary."""
    catalogue = _settings((), config, (), ()).catalogue
    width = max(len(r.name) for r in catalogue.rules)
    kinds = max(len(r.kind) for r in catalogue.rules)
    for rule in catalogue.rules:
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.wave}  {rule.kind:<{kinds}}  {rule.summary}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report to a file.")
@config_option
def report(paths: tuple[str, ...], output: str | None, config: str | None) -> None:
    """Write a Markdown migration report for PATHS (default: .): uses per wave and rule, what
    `spotlint fix` can rewrite, and what needs a human."""
    from pathlib import Path

    from spotlint.api import check_paths
    from spotlint.fix.apply import fix_paths
    from spotlint.report.migration import render as render_report

    settings = _settings(paths, config, (), ())
    targets = paths or (".",)
    results = check_paths(targets, settings.catalogue, settings.selected, settings)
    dry_runs = {s: fix_paths(targets, settings.catalogue, settings.selected, s, False, settings.compat_module,
                             False, settings) for s in ("local", "stub")}
    text = render_report(results, settings.catalogue, dry_runs)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"Wrote {output}.", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), default="docs/rules.md", show_default=True)
@config_option
def docs(output: str, config: str | None) -> None:
    """Write the rule documentation (docs/rules.md) from the catalogue."""
    from pathlib import Path

    from spotlint.report.rulespage import rules_markdown

    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(rules_markdown(_settings((), config, (), ()).catalogue), encoding="utf-8")
    click.echo(f"Wrote {target}.", err=True)


@main.command()
@click.argument("code")
@config_option
def explain(code: str, config: str | None) -> None:
    """Print the documentation of rule CODE (e.g. SPT103 or audio-features)."""
    from spotlint.catalogue.docs import render_markdown

    catalogue = _settings((), config, (), ()).catalogue
    wanted = code.strip()
    rule = next((r for r in catalogue.rules if wanted.upper() == r.code or wanted == r.name), None)
    if rule is None:
        raise SpotlintError(f"unknown rule {code!r} (see `spotlint rules`)")
    click.echo(render_markdown(rule, catalogue), nl=False)
