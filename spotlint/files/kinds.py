"""What a file is to spotlint, from its name and first bytes: Python source, a notebook, a
dependency declaration, or nothing spotlint reads. A file without a Python suffix is Python
when its first line is a Python shebang (a script such as ``bin/sync``). Anything else named
explicitly (``README.md``, ``package.json`` — a pre-commit hook passes every file its filter
admits) is skipped without a finding. Pure.
"""

from __future__ import annotations

import re
from typing import Literal

from spotlint.files.dependencies import is_dependency_file

Kind = Literal["python", "notebook", "dependencies"]

PYTHON_SUFFIXES = (".py", ".pyi", ".pyw")
NOTEBOOK_SUFFIX = ".ipynb"
_SHEBANG = re.compile(rb"^(?:\xef\xbb\xbf)?#![^\n]*?\bpython[0-9.]*(?:\s|$)")


def kind(name: str, head: bytes) -> Kind | None:
    """``head``: the file's first bytes (a line is enough)."""
    lower = name.lower()
    if lower.endswith(PYTHON_SUFFIXES):
        return "python"
    if lower.endswith(NOTEBOOK_SUFFIX):
        return "notebook"
    if is_dependency_file(name):
        return "dependencies"
    return "python" if _SHEBANG.match(head) else None
