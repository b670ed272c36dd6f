"""The project index: every Python file under the project root, what it imports (read from
its bytes, no parser), and a summary of each file that can matter for Spotify, then the
resolution of those summaries. Summaries are cached by content hash in one file of
``.spotlint_cache/``, with a stat fast path, so an unchanged project costs no parsing.

Which files are summarised is decided on demand, to a fixed point: files with a trigger word,
then files that import a module exporting a client, files imported by a module that passes
clients to calls, and the tests beside a conftest whose fixtures return clients.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from spotlint.stamp import code_stamp
from spotlint.catalogue.load import Catalogue
from spotlint.engine.prefilter import may_have_findings
from spotlint.files.discovery import Scope, import_root, walk
from spotlint.project.info import API_HOST, ProjectInfo
from spotlint.project.resolve import Resolved, resolve
from spotlint.project.summary import ModuleSummary
from spotlint.project.values import PARAM, ClassV, InstanceV, Value, is_spotify

CACHE_FILE = "index.pickle"
FORMAT = 3  # bump whenever a summary or resolution dataclass changes shape
MAX_ROUNDS = 10
ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", ".git", "requirements.txt", "Pipfile")

_IMPORT = re.compile(
    rb"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(?:\(([^)]*)\)|([\w \t,.*]+))|import[ \t]+([\w .,\t]+))", re.M)


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What the index knows of a file without parsing it."""

    mtime_ns: int
    size: int
    seed: bool  # holds a trigger word: summarised first
    digest: str = ""  # of its bytes; '' until needed
    imports: tuple[str, ...] | None = None  # dotted names it may import; None until needed


@dataclass
class ProjectIndex:
    root: Path
    resolved: Resolved
    keys: dict[Path, str]  # absolute path -> module key (path from the root, POSIX)
    summarised: frozenset[str]  # keys of the files that can matter
    rounds: int = 0  # rounds of the relevance closure
    files: int = 0
    parsed: int = 0  # summaries computed in this run (not from the cache)
    digest: str = ""

    def key_of(self, path: Path) -> str:
        return self.keys.get(path.absolute()) or _key(path, self.root)

    def matters(self, path: Path) -> bool:
        """Whether the index summarised the file (it can hold or pass on Spotify values)."""
        return self.key_of(path) in self.summarised


Summarise = Callable[[list[tuple[Path, str, str, ProjectInfo]]], list[ModuleSummary]]


def find_root(path: Path) -> Path:
    """The project a path belongs to: the nearest folder above it with a pyproject.toml,
    setup.cfg, setup.py, requirements.txt, Pipfile or .git; else the folder itself (or the
    file's folder)."""
    return find_project(path)[0]


def find_project(path: Path) -> tuple[Path, bool]:
    """(root, whether a project marker says so)."""
    start = path.absolute() if path.is_dir() else path.absolute().parent
    for candidate in (start, *start.parents):
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate, True
    return start, False


def project_files(root: Path, scope: Scope | None = None) -> list[Path]:
    """The Python files under ``root``, left out what ``check`` leaves out (the same walk)."""
    return [p.absolute() for p in walk(root, scope) if p.suffix in (".py", ".pyi")]


def module_names(key: str, canonical: str) -> set[str]:
    """The dotted names a file may be imported by: from its import root, from the project
    root (namespace packages), and from ``src/`` or ``lib/`` layouts."""
    stem = key[:-4] if key.endswith(".pyi") else key[:-3]
    parts = stem.split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    names = {canonical} if canonical else set()
    for start in range(len(parts)):
        tail = parts[start:]
        if tail and all(p.isidentifier() for p in tail):
            names.add(".".join(tail))
    return names


def read_imports(data: bytes, package: str) -> tuple[str, ...]:
    found: set[str] = set()
    for match in _IMPORT.finditer(data):
        module, names, plain = match.group(1), match.group(2) or match.group(3), match.group(4)
        if plain is not None:
            for item in plain.decode("utf-8", "replace").split(","):
                name = item.split(" as ")[0].strip()
                if name:
                    found.add(name)
            continue
        text = module.decode("utf-8", "replace")
        dots = len(text) - len(text.lstrip("."))
        if dots:
            base = package.split(".") if package else []
            base = base[: len(base) - (dots - 1)] if dots - 1 <= len(base) else []
            text = ".".join([*base, text[dots:]] if text[dots:] else base)
        if text:
            found.add(text)
        for item in names.decode("utf-8", "replace").replace("\\", " ").replace("(", " ").split(","):
            name = item.split(" as ")[0].strip()
            if name and name != "*" and name.isidentifier():
                found.add(f"{text}.{name}" if text else name)
    return tuple(sorted(found))


class _Store:
    """The index's cache file: file facts by path, summaries by content and module name."""

    def __init__(self, root: Path, catalogue_digest: str, enabled: bool) -> None:
        self.path = root / ".spotlint_cache" / CACHE_FILE
        self.version = f"{code_stamp()}|{FORMAT}|{catalogue_digest}"
        self.enabled = enabled
        self.facts: dict[str, FileFacts] = {}
        self.summaries: dict[str, ModuleSummary] = {}
        self.resolved: dict[str, Resolved] = {}
        self.dirty = False
        if enabled:
            try:
                with open(self.path, "rb") as handle:
                    data = pickle.load(handle)
                if data.get("version") == self.version:
                    self.facts, self.summaries = data["facts"], data["summaries"]
                    self.resolved = data.get("resolved", {})
            except Exception:  # noqa: BLE001 - a corrupt or foreign cache is a miss
                pass

    def save(self) -> None:
        if not self.enabled or not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by spotlint\n*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                pickle.dump({"version": self.version, "facts": self.facts, "summaries": self.summaries,
                             "resolved": self.resolved}, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError:
            pass  # a cache that cannot be written is only slower


def build_index(
    root: Path, catalogue: Catalogue, infos: Callable[[list[Path]], Mapping[Path, ProjectInfo]],
    scope: Scope | None = None, use_cache: bool = True,
    summarise_many: Summarise | None = None, catalogue_digest: str = "",
    seeds: Mapping[Path, bool] | None = None, shallow: bool = False, walked: list[Path] | None = None,
) -> ProjectIndex:
    """Index the project under ``root``: facts of every file, summaries of those that can
    matter (on demand, to a fixed point), and their resolution. ``seeds`` are the prefilter's
    answers the caller already has (those files are not read again unless they matter);
    ``shallow`` indexes only the files directly in ``root`` (a folder that is no project);
    ``walked`` is the root's files when the caller has just walked it (not walked again)."""
    store = _Store(root, catalogue_digest, use_cache)
    found = [p.absolute() for p in walked if p.suffix in (".py", ".pyi")] if walked is not None else project_files(root, scope)
    keys = {path: key for path in found if (key := _key(path, root)) and (not shallow or "/" not in key)}
    paths = list(keys)
    canonical = {path: import_root(path)[1] for path in paths}
    facts: dict[str, FileFacts] = {}
    by_key: dict[str, Path] = {}
    for path in paths:
        key = keys[path]
        known = _facts(path, store.facts.get(key), catalogue, canonical[path], seeds)
        if known is not None:
            facts[key], by_key[key] = known, path
            if store.facts.get(key) != known:
                store.facts[key], store.dirty = known, True

    def complete(key: str) -> FileFacts:
        fact = facts[key]
        if fact.imports is None:
            fact = _read(by_key[key], catalogue, canonical[by_key[key]]) or replace(fact, imports=())
            facts[key] = store.facts[key] = fact
            store.dirty = True
        return fact

    reverse: dict[str, set[str]] = {}

    def importers_of() -> dict[str, set[str]]:
        """Module key -> the files importing it; built once per index (imports do not change)."""
        if not reverse:
            for key in list(facts):
                for name in complete(key).imports or ():
                    for target in _targets(name, names):
                        reverse.setdefault(target, set()).add(key)
        return reverse

    names: dict[str, list[str]] = {}
    for key, path in by_key.items():
        for name in module_names(key, canonical[path]):
            names.setdefault(name, []).append(key)
    known_names = frozenset(names)
    wanted = {key for key, fact in facts.items() if fact.seed}
    summaries: dict[str, ModuleSummary] = {}
    parsed = rounds = 0
    resolved = resolve({}, names, known_names)
    resolutions: dict[str, Resolved] = {}
    while wanted and rounds < MAX_ROUNDS:
        rounds += 1
        todo = sorted(wanted - set(summaries))
        missing: list[tuple[Path, str, str, ProjectInfo]] = []
        project_info = infos([by_key[k] for k in todo])
        for key in todo:
            cached = store.summaries.get(_summary_key(complete(key), canonical[by_key[key]]))
            if cached is not None and cached.path == key:
                summaries[key] = cached
            else:
                missing.append((by_key[key], key, canonical[by_key[key]], project_info[by_key[key]]))
        if missing:
            computed = (summarise_many or _summarise_here(catalogue))(missing)
            parsed += len(computed)
            for (path, key, module, _), summary in zip(missing, computed):
                summaries[key] = summary
                store.summaries[_summary_key(facts[key], module)] = summary
                store.dirty = True
        digest = _digest(summaries, facts)
        resolved = store.resolved.get(digest) or resolve(summaries, names, known_names, _order(summaries, facts, names))
        resolutions[digest] = resolved
        more = _wanted_next(resolved, facts, names, summaries, complete, importers_of)
        if more <= set(summaries):
            break
        wanted |= more
    if set(resolutions) != set(store.resolved):
        store.resolved, store.dirty = resolutions, True  # the resolutions of this run's rounds
    store.save()
    return ProjectIndex(root, resolved, {p: keys[p] for p in paths}, frozenset(summaries), rounds,
                        len(paths), parsed, _digest(summaries, facts))


def _key(path: Path, root: Path) -> str:
    """The file's key: its path from the root, POSIX ('' outside the root)."""
    relative = os.path.relpath(os.path.realpath(path), os.path.realpath(root))
    return "" if relative.startswith("..") else Path(relative).as_posix()


def _facts(path: Path, old: FileFacts | None, catalogue: Catalogue, module: str,
           seeds: Mapping[Path, bool] | None) -> FileFacts | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    if old is not None and old.mtime_ns == stat.st_mtime_ns and old.size == stat.st_size:
        return old  # the stat fast path: not even read
    if seeds is not None and path in seeds:
        return FileFacts(stat.st_mtime_ns, stat.st_size, seeds[path])  # read only if it matters
    return _read(path, catalogue, module)


def _read(path: Path, catalogue: Catalogue, module: str) -> FileFacts | None:
    try:
        stat = path.stat()
        data = path.read_bytes()
    except OSError:
        return None
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return FileFacts(stat.st_mtime_ns, stat.st_size, may_have_findings(data, catalogue),
                     hashlib.sha256(data).hexdigest(), read_imports(data, package))


def _summary_key(fact: FileFacts, module: str) -> str:
    return f"{fact.digest}|{module}"


def _digest(summaries: Mapping[str, ModuleSummary], facts: Mapping[str, FileFacts]) -> str:
    digest = hashlib.sha256()
    for key in sorted(summaries):
        digest.update(f"{key}|{facts[key].digest}|{summaries[key].module}\n".encode())
    return digest.hexdigest()


def _summarise_here(catalogue: Catalogue) -> Summarise:
    def run(items: list[tuple[Path, str, str, ProjectInfo]]) -> list[ModuleSummary]:
        return [summarise_file(path, key, module, catalogue, info) for path, key, module, info in items]
    return run


def summarise_file(path: Path, key: str, module: str, catalogue: Catalogue, info: ProjectInfo) -> ModuleSummary:
    from spotlint.files.source import DecodeFailure, decode
    from spotlint.project.summarise import summarise

    try:
        text = decode(path.read_bytes()).text
    except (OSError, DecodeFailure):
        return ModuleSummary.empty(module, key)
    return summarise(text, module, key, catalogue, info)


def _wanted_next(resolved: Resolved, facts: Mapping[str, FileFacts], names: Mapping[str, list[str]],
                 summaries: Mapping[str, ModuleSummary], complete: Callable[[str], FileFacts],
                 importers_of: Callable[[], Mapping[str, set[str]]]) -> set[str]:
    """Files that can matter given what is resolved so far: those that hold or receive a
    client, a response or one of the project's Web API wrappers."""
    exporting: set[str] = set()
    passing: set[str] = set()

    def spotify(value: Value) -> bool:
        return is_spotify(value) or isinstance(value, (ClassV, InstanceV)) and resolved.api_wrapper(value.key)

    for entry, values in resolved.table.items():
        if any(spotify(v) for v in values):
            module = entry.partition(":")[0]
            exporting.add(module)
            if PARAM in entry:
                passing.add(module)
    for key, summary in summaries.items():
        if any(API_HOST in t for templates in summary.strings.values() for t in templates):
            exporting.add(key)
        if any(any(spotify(v) for a in (*site.args, *(v for _, v in site.keywords)) for v in resolved.evaluate(a, key))
               for site in summary.calls):
            passing.add(key)
    wanted: set[str] = set()
    importers = importers_of() if exporting else {}  # every file's imports: read only when something is exported
    queue = list(exporting)
    seen = set(exporting)
    while queue:  # every file that imports an exporting module, directly or through others
        for importer in importers.get(queue.pop(), ()):
            if importer not in seen:
                seen.add(importer)
                queue.append(importer)
                if importer not in summaries:
                    wanted.add(importer)
    seeds = {key for key in summaries if facts[key].seed}  # what their receivers are: one level of imports
    for key in passing | seeds:
        for name in (complete(key).imports or ()) if key in facts else ():
            for target in _targets(name, names):
                if target not in summaries:
                    wanted.add(target)
    fixture_folders = [os.path.dirname(k) for k, s in summaries.items()
                       if os.path.basename(k) == "conftest.py" and any(f.fixture for f in s.functions.values())
                       and k in exporting]
    for folder in fixture_folders:
        for key in facts:
            base = os.path.basename(key)
            if key not in summaries and (base.startswith("test") or base.endswith("_test.py")) and (
                    not folder or key.startswith(folder + "/")):
                wanted.add(key)
    return wanted


def _order(summaries: Mapping[str, ModuleSummary], facts: Mapping[str, FileFacts],
           names: Mapping[str, list[str]]) -> list[list[str]]:
    """Summarised modules grouped into import cycles (Tarjan's strongly connected components,
    iteratively), each group after the groups it imports."""
    edges = {k: sorted({t for n in facts[k].imports or () for t in _targets(n, names)} & summaries.keys()) for k in summaries}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    for start in sorted(summaries):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            children = edges[node]
            if position < len(children):
                work.append((node, position + 1))
                child = children[position]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(sorted(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return groups


def _targets(name: str, names: Mapping[str, list[str]]) -> Iterable[str]:
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        found = names.get(".".join(parts[:i]))
        if found:
            return found
    return ()


