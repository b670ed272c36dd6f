"""Write a semgrep ruleset equivalent to spotlint's catalogue (client methods, removed fields,
raw API URLs), so the benchmark compares like with like."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spotlint.catalogue.load import load_catalogue  # noqa: E402


def rules() -> list[dict]:
    catalogue = load_catalogue()
    out = []
    for rule in catalogue.rules:
        patterns = []
        for group in rule.clients:
            patterns += [{"pattern": f"$C.{m}(...)"} for m in group.methods]
        if rule.fields is not None:
            for key in rule.fields.names:
                patterns += [{"pattern": f'$X["{key}"]'}, {"pattern": f'$X.get("{key}", ...)'}]
        for endpoint in rule.endpoints:
            regex = endpoint.path.replace("{", "<").replace("}", ">")
            regex = "".join("[^/\"']+" if part.startswith("<") else part for part in regex.replace("<", "\0<").replace(">", ">\0").split("\0"))
            patterns.append({"pattern-regex": "api\\.spotify\\.com/v1" + regex})
        if rule.playlist_id:
            patterns.append({"pattern-regex": rule.playlist_id})
        if not patterns:
            continue
        out.append({"id": rule.code, "message": rule.message, "languages": ["python"], "severity": "WARNING",
                    "pattern-either": patterns})
    return out


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps({"rules": rules()}, indent=1))
