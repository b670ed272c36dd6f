"""docs/rules.md is generated from the catalogue; `explain` and SARIF read the same text."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from spotlint.cli import main
from spotlint.report.rulespage import rules_markdown

DOCS = Path(__file__).parent.parent / "docs" / "rules.md"


def test_docs_are_up_to_date(catalogue):
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(catalogue), "run `spotlint docs` and commit docs/rules.md"


def test_every_rule_is_documented_in_order(catalogue):
    text = DOCS.read_text(encoding="utf-8")
    for rule in catalogue.rules:
        section = text.split(f"## {rule.code} {rule.name}\n", 1)[1].split("\n## SPT", 1)[0]
        headings = [line for line in section.splitlines() if line.startswith("### ")]
        assert headings == ["### What broke", "### Why it matters", "### Example", "### Use instead", "### Fix safety",
                            "### References"], rule.code


def test_explain_and_sarif_help_share_the_text(tmp_path, catalogue):
    explained = CliRunner().invoke(main, ["explain", "SPT213"]).stdout
    (tmp_path / "a.py").write_text("x = 1\n")
    sarif = json.loads(CliRunner().invoke(main, ["check", "--format", "sarif", str(tmp_path)]).stdout)
    [rule] = [r for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "SPT213"]
    assert rule["help"]["markdown"] == explained
    assert explained.split("\n", 1)[1] in DOCS.read_text().replace("\n### ", "\n## ")


def test_readme_shows_every_config_key():
    from spotlint.config import KEYS

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    shown = {line.lstrip("# ").split(" =")[0] for line in example.splitlines() if " = " in line}
    shown |= {line.strip("[]").split(".")[-1] for line in example.splitlines() if line.startswith("[tool.spotlint.")}
    assert sorted(KEYS - shown) == [], "add the key to the README's [tool.spotlint] example"
