"""Positions from the statements with findings equal those of one pass over the whole module
(the implementation before issue 14, kept here verbatim as the reference): every case file,
a sample of the standard library, and the awkward layouts one by one."""

from __future__ import annotations

import random
import re
import sysconfig
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import libcst as cst
import pytest
from libcst._nodes.internal import CodegenState
from libcst._position import CodePosition, CodeRange

from casefiles import CASES, MECHANISMS
from spotlint.engine.positions import Positions, SourceText, statement_units
from spotlint.files.notebook import extract
from spotlint.files.source import DecodeFailure, decode


# -- the reference: spotlint.engine.positions as it was before issue 14 ------------------------
class ReferenceState(CodegenState):
    def __init__(self, module: cst.Module) -> None:
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.line, self.column = 1, 0
        self.stack: list[CodePosition] = []
        self.ranges: dict[cst.CSTNode, CodeRange] = {}

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.add_token(token)

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        newlines = value.count("\n") + value.count("\r") - value.count("\r\n")
        if newlines:
            self.line += newlines
            self.column = len(re.split(r"\r\n?|\n", value)[-1])
        else:
            self.column += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.stack.append(CodePosition(self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self.stack.pop()
        if node not in self.ranges:
            self.ranges[node] = CodeRange(start, CodePosition(self.line, self.column))

    @contextmanager
    def record_syntactic_position(self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None,
                                  end_node: cst.CSTNode | None = None) -> Iterator[None]:
        start = CodePosition(self.line, self.column)
        try:
            yield
        finally:
            end = CodePosition(self.line, self.column)
            start = self.ranges[start_node].start if start_node is not None else start
            end = self.ranges[end_node].end if end_node is not None else end
            self.ranges[node] = CodeRange(start, end)


def reference_positions(module: cst.Module) -> dict[cst.CSTNode, CodeRange]:
    state = ReferenceState(module)
    module._codegen(state)
    return state.ranges


# -- synthetic findings -------------------------------------------------------------------------
STATEMENTS = (cst.SimpleStatementLine, cst.If, cst.For, cst.While, cst.With, cst.Try, cst.TryStar,
              cst.Match, cst.FunctionDef, cst.ClassDef)  # what the walk calls a statement
REPORTED = (cst.Call, cst.Attribute, cst.Subscript, cst.SimpleString, cst.Name)


def reportable(module: cst.Module) -> list[tuple[cst.CSTNode, cst.CSTNode]]:
    """(node, innermost statement) for every node a rule could report, in walk order."""
    found: list[tuple[cst.CSTNode, cst.CSTNode]] = []
    stack: list[tuple[cst.CSTNode, cst.CSTNode | None]] = [(module, None)]
    while stack:
        node, statement = stack.pop()
        if isinstance(node, STATEMENTS):
            statement = node
        elif isinstance(node, (cst.IndentedBlock, cst.SimpleStatementSuite)):
            statement = None
        if isinstance(node, REPORTED) and statement is not None:
            found.append((node, statement))
        stack.extend((child, statement) for child in reversed(node.children))
    return found


def assert_same(text: str, findings: list[tuple[cst.CSTNode, cst.CSTNode]] | None = None, *,
                module: cst.Module | None = None, cheap: bool | None = True) -> Positions:
    """The new positions of each finding's node and statement equal the reference's;
    ``cheap``: whether the whole module must (False) or must not (True) have been generated
    (not asked when libcst's code is not the text: it drops a form feed that opens a line)."""
    module = module if module is not None else cst.parse_module(text)
    if module.code != text and cheap:
        cheap = None
    reference = reference_positions(module)
    findings = reportable(module) if findings is None else findings
    found = Positions(module, SourceText(text))
    found.prepare(statement for _, statement in findings)
    for node, statement in findings:
        within = found.within(statement)
        assert within[node] == reference[node], (type(node).__name__, module.code_for_node(node))
        assert within[statement] == reference[statement], module.code_for_node(statement)
    if cheap is not None and findings:
        assert (found.whole is None) is cheap
    return found


# -- every case file ----------------------------------------------------------------------------
def case_sources() -> list[Path]:
    return sorted(p for root in (CASES, MECHANISMS) for p in root.rglob("*")
                  if p.suffix in (".py", ".ipynb") and p.is_file())


@pytest.mark.parametrize("path", case_sources(), ids=lambda p: p.relative_to(CASES.parent).as_posix())
def test_case_files_positions_equal_the_whole_module_pass(path: Path) -> None:
    data = path.read_bytes()
    try:
        text = extract(data).text if path.suffix == ".ipynb" else decode(data).text
    except DecodeFailure:
        pytest.skip("not decodable")
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError:
        pytest.skip("does not parse")
    assert_same(text, module=module, cheap=None if statement_units(module, text) is None else True)


# -- the standard library -----------------------------------------------------------------------
def stdlib_sample(count: int = 50) -> list[Path]:
    lib = Path(sysconfig.get_paths()["stdlib"])
    files = sorted(p for p in lib.rglob("*.py") if "site-packages" not in p.parts and "test" not in p.parts
                   and "lib2to3" not in p.parts and p.stat().st_size < 80_000)
    return random.Random(14).sample(files, count)


@pytest.mark.parametrize("path", stdlib_sample(), ids=lambda p: p.name)
def test_stdlib_positions_equal_the_whole_module_pass(path: Path) -> None:
    try:
        text = decode(path.read_bytes()).text
        module = cst.parse_module(text)
    except (DecodeFailure, cst.ParserSyntaxError):
        pytest.skip("not read by libcst")
    found = reportable(module)
    statements = list(dict.fromkeys(statement for _, statement in found))
    picked = set(random.Random(path.name).sample(statements, min(6, len(statements))))
    assert_same(text, [(n, s) for n, s in found if s in picked], module=module)


# -- awkward layouts ----------------------------------------------------------------------------
LAYOUTS = {
    "crlf": "import spotipy\r\nsp = spotipy.Spotify()\r\n\r\ndef f():\r\n    return sp.audio_features(['a'])\r\n",
    "lone cr": "x = 1\ry = sp.track('a')\rif x:\r    z = sp.x.y[0]\r",
    "mixed newlines": "x = 1\r\ny = 2\nif y:\r\n    z = f(x)\r    w = g(z)\n",
    "tabs": "class C:\n\tdef m(self):\n\t\tif self.a:\n\t\t\treturn sp.audio_features(self.b)\n\t\treturn None\n",
    "form feeds": "x = 1\n\x0c\ndef f():\n    \x0c\n    return sp.track(x)\n\x0cy = f()\n",
    "form feed inside a line": "x = [1, \x0c2]\ny = sp.track('a')\n",
    "form feed in indentation": "if x:\n\x0c    y = sp.a.b(1)\n    z = y[0]\n",
    "unicode": "naïve = 'ünï'\n名前 = sp.track('曲')  # コメント\nif 名前:\n    ß = sp.artist('🎵').name\n",
    "backslash continuations": "x = \\\n    sp.track(\\\n  'a')\nif x and \\\n   y:\n    z = \\\n        f(x)\n",
    "decorators": "@a.b(c)\n@d\n\n# comment\n@e[0]\ndef f():\n    @g(1)\n    class C:\n        @property\n        def p(self): return sp.x(self)\n    return C\n",
    "nested defs": "def a():\n    def b():\n        def c():\n            return sp.track(1)\n        return c\n    return b\n",
    "semicolons": "a = f(1); b = g(2); c = a.b[c]\nif a: x = h(3); y = i(4)\nfor q in r: s(q); t(q)\n",
    "deep expression": "x = " + "f(" * 40 + "sp.track(a.b[c])" + ")" * 40 + "\n",
    "no trailing newline": "x = 1\ndef f():\n    return sp.track(x)",
    "trailing comments": "def f():\n    x = g(1)\n    # inside\n# outside\n\ny = h(2)\n# end",
    "elif chain": "if a:\n    b(1)\nelif c:\n    d(2)\nelif e: f(3)\nelse:\n    g(4)\n",
    "try": "try:\n    a(1)\nexcept E as e:\n    b(e.x)\nexcept (F, G):\n    c()\nelse:\n    d[0]\nfinally:\n    e.f()\n",
    "try star": "try:\n    a(1)\nexcept* E:\n    b(2)\n",
    "loops with else": "for x in y(1):\n    z(x)\nelse:\n    w(2)\nwhile a.b:\n    c()\nelse:\n    d()\n",
    "async": "async def f():\n    async with a(1) as b:\n        async for c in b.d():\n            await e(c)\n",
    "match": "match x.y:\n    case [a, b]:\n        f(a)\n    case {'k': v}:\n        g(v)\n    case _:\n        pass\n",
    "with": "with a(1) as b, c(2) as d:\n    e(b, d)\nwith (f(3) as g,\n      h(4)):\n    i(g)\n",
    "comments and blank lines": "# head\n\n\nimport x  # why\n\n\n# before\nclass C:  # c\n\n    # in\n    x = f(1)\n\n\n    def m(self):  # m\n        pass\n",
    "empty lines only in blocks": "def f():\n\n\n    return g(1)\n\n\n\n",
    "indentation widths": "if a:\n  b(1)\n  if c:\n        d(2)\n  e(3)\nf(4)\n",
    "parenthesised statements": "(a\n .b(1))\n[x,\n y] = z(2)\n",
    "strings": "x = '''a\nb''' + f(\"\"\"c\nd\"\"\")\ny = f'{g(1)}\\n{h[2]}'\n",
    "suites": "if a: b(1)\nwhile c: d(2); e(3)\nclass K: x = f(4)\ndef g(): return h(5)\n",
    "global statements": "import a\nfrom b import (c,\n    d)\nglobal e\ndel f[g(1)]\nassert h(2), i(3)\nraise j(4) from k\n",
}


@pytest.mark.parametrize("name", LAYOUTS)
def test_layouts_positions_equal_the_whole_module_pass(name: str) -> None:
    assert_same(LAYOUTS[name])


@pytest.mark.parametrize("name", LAYOUTS)
def test_layouts_with_one_finding_at_a_time(name: str) -> None:
    text = LAYOUTS[name]
    module = cst.parse_module(text)
    for finding in reportable(module):
        assert_same(text, [finding], module=module)


def test_a_module_with_a_bom_is_placed_as_before() -> None:
    # libcst drops the BOM from its tree, so its code is not the text: the whole module is generated.
    assert_same("\ufeffx = sp.track(1)\ny = f(2)\n", cheap=False)


def test_syntax_ast_does_not_read_falls_back_to_the_whole_module() -> None:
    # Python 3.12 syntax on an older interpreter, or what ast rejects and libcst accepts.
    assert_same("x = f'{'a'}'\ny = g(1)\ndef h[T](): return i(2)\n", cheap=False)


def test_an_inner_statement_prepared_with_its_outer_one_is_generated_once() -> None:
    text = "def f():\n    x = g(1)\n    return h(x)\n"
    module = cst.parse_module(text)
    found = assert_same(text, module=module)
    assert len(found.generated) == 1


def test_notebook_code_is_placed_as_before() -> None:
    path = MECHANISMS / "notebooks" / "analysis.ipynb"
    assert_same(extract(path.read_bytes()).text)


def test_source_text_slices_what_libcst_generates() -> None:
    for text in LAYOUTS.values():
        module = cst.parse_module(text)
        if module.code != text:
            continue
        source = SourceText(text)
        ranges = reference_positions(module)
        for node, _ in reportable(module):
            assert source.of(ranges[node]) in module.code_for_node(node)


def test_source_text_lines_end_where_libcst_ends_them() -> None:
    # str.splitlines also breaks at form feeds, which once moved every slice after one.
    text = "x = [1, \x0c2]\ry = sp.track('a')\r\nz = 1\n"
    source = SourceText(text)
    assert source.starts == [0, 12, 31, 37]
    module = cst.parse_module(text)
    call = module.body[1].body[0].value
    assert source.of(reference_positions(module)[call]) == "sp.track('a')"


@pytest.mark.parametrize("name", ["decorators", "try", "elif chain", "match", "nested defs", "crlf", "unicode"])
def test_summary_traces_take_the_lines_of_the_whole_module_pass(name: str, catalogue) -> None:
    from spotlint.project.info import ProjectInfo
    from spotlint.project.summarise import _Summariser

    text = LAYOUTS[name]
    module = cst.parse_module(text)
    reference = reference_positions(module)
    for asked in (REPORTED, cst.Call):  # every node; then only calls, what traces ask about
        summariser = _Summariser(module, "m", "m.py", catalogue, ProjectInfo(), text)
        summariser.run()
        for node, _ in reportable(module):
            if isinstance(node, asked):
                assert summariser.line(node) == reference[node].start.line
    assert summariser._positions is None or summariser._positions.whole is None
