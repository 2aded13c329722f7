"""Running copydesk over paths: discovery, decoding, corpus map/reduce, per-file results.

The run is streamed: files are read one at a time and only the corpus summaries (small
merged counts) stay in memory between the map pass and the check pass.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:  # the BLAKE2 module alone: hashlib would also load OpenSSL (~3 ms of every run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

from linter import engine
from linter.config import Config, glob_match
from linter.document import Document, format_for
from linter.engine import ActiveRule
from linter.findings import FileError, Finding
from linter.rule import matches

#: a file whose sampled bytes are more than this share of control characters is binary
BINARY_CONTROL_SHARE = 0.10
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


class ReadError(Exception):
    """A file that cannot be read as text; the message says why (no path)."""


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    #: the source lines that findings start on, for reporters that show context
    context: dict[int, str] = field(default_factory=dict)


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    def add_notices(self, notices: Iterable[str]) -> None:
        self.notices.extend(n for n in notices if n not in self.notices)


def tune_gc() -> None:
    """Fewer garbage-collector passes in a long run: the rules' tables and patterns, loaded
    by now, are moved out of the collector's sight, and young collections run ~14x less
    often (a run allocates millions of short-lived spans and findings; ~5% faster)."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


# -- discovery -------------------------------------------------------------------
def discover(paths: Sequence[str], config: Config) -> tuple[list[str], list[FileError]]:
    """Files to check under the given paths, sorted, each once; missing paths are errors."""
    found: dict[str, None] = {}
    errors: list[FileError] = []
    for raw in paths:
        if "://" in raw:
            _discover_url(raw, config, found, errors)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path, config, errors):
                found.setdefault(file, None)
        elif path.is_file():
            if not _excluded(str(path), config):
                found.setdefault(str(path), None)
        elif path.is_symlink():
            errors.append(FileError(raw, "broken symbolic link"))
        else:
            errors.append(FileError(raw, "no such file or directory"))
    return list(found), errors


def _discover_url(url: str, config: Config, found: dict[str, None], errors: list[FileError]) -> None:
    """Files under an fsspec URL (s3://, gs://, memory://...); needs fsspec and its backend."""
    try:
        import fsspec
    except ImportError:
        errors.append(FileError(url, "URLs need fsspec: pip install 'copydesk[dask]'"))
        return
    try:
        fs, root = fsspec.core.url_to_fs(url)
        if fs.isdir(root):
            names = sorted(p for p in fs.find(root) if format_for(p) and not _excluded(p, config))
        elif fs.exists(root):
            names = [root]
        else:
            errors.append(FileError(url, "no such file or directory"))
            return
    except Exception as exc:  # any backend error: one line, the run goes on
        errors.append(FileError(url, f"cannot list: {exc}"))
        return
    for name in names:
        found.setdefault(fs.unstrip_protocol(name), None)


def read_bytes(path: str) -> bytes:
    """A file's bytes from a local path or an fsspec URL."""
    if "://" in path:
        import fsspec

        with fsspec.open(path, "rb") as fh:
            return bytes(fh.read())
    return Path(path).read_bytes()


def _walk(root: Path, config: Config, errors: list[FileError]) -> Iterator[str]:
    def on_error(exc: OSError) -> None:
        errors.append(FileError(exc.filename or str(root), f"cannot read directory: {exc.strerror}"))

    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(folder, d), config))
        for name in sorted(files):
            path = os.path.normpath(os.path.join(folder, name))
            if name.startswith(".") or format_for(name) is None and not _included(path, config):
                continue
            if _included(path, config) and not _excluded(path, config):
                yield path


def _included(path: str, config: Config) -> bool:
    rel = config.relative(path)
    return any(glob_match(rel, g) for g in config.include)


def _excluded(path: str, config: Config) -> bool:
    rel = config.relative(path)
    return any(glob_match(rel, g) for g in config.exclude)


# -- reading ---------------------------------------------------------------------------
def decode(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes: UTF-8 (BOM optional), UTF-16/32 with BOM, else detected."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise ReadError(f"invalid {codec} text at byte {exc.start}") from None
    sample = data[:65536]
    if sample and (len(sample) - len(sample.translate(None, _CONTROL))) / len(sample) > BINARY_CONTROL_SHARE:
        raise ReadError("binary file (not text)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        return _detect(data, exc)


def _detect(data: bytes, exc: UnicodeDecodeError) -> tuple[str, str]:
    """Not UTF-8: Windows-1252 when it fits an English-looking text, else charset-normalizer."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and sum(1 for c in text if ord(c) > 127) <= 0.3 * len(text):
        return text, "windows-1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "utf-8"):
        raise ReadError(f"not valid UTF-8 (byte {exc.start}) and no text encoding fits")
    return str(best), best.encoding.replace("_", "-")


def read_document(path: str, config: Config) -> Document:
    try:
        data = read_bytes(path)
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    text, encoding = decode(data)
    doc = Document(text, path=path, prose_fields=config.prose_fields)
    doc.encoding = encoding
    return doc


def content_key(text: str) -> str:
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


# -- running ---------------------------------------------------------------------------
def _filter(findings: list[Finding], path: str, rules: dict[str, ActiveRule], config: Config) -> list[Finding]:
    ignored = config.ignored_for(path)
    if not ignored:
        return findings
    return [f for f in findings if not any(matches(s, rules[f.rule].rule) for s in ignored)]


def _context(findings: list[Finding], source: str) -> dict[int, str]:
    if not findings:
        return {}
    from linter.offsets import LineIndex

    lines = LineIndex(source)
    out = {}
    for f in findings:
        if f.line not in out:
            start, end = lines.line_span(f.line, source)
            out[f.line] = source[start:end]
    return out


@dataclass
class Outcome:
    """What the first pass learns of one file: its findings and its corpus summaries."""

    result: FileResult
    key: str | None = None
    summaries: dict[str, Any] | None = None


class Runner:
    """One configured run: the active rules, settings, corpus state, cache and workers."""

    def __init__(
        self,
        config: Config,
        rules: list[ActiveRule],
        index: dict[str, Any] | None = None,
        cache: Any = None,
        jobs: int = 1,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.config = config
        self.rules = rules
        self.cache = cache
        self.jobs = max(1, jobs)
        self.progress = progress
        #: attach the source lines findings start on (the text report and baselines show
        #: them; JSON, SARIF and GitHub output do not, and skip the work)
        self.with_context = True
        self.settings = config.settings()
        self.by_code = {a.rule.code: a for a in rules}
        self.doc_rules = [a for a in rules if not a.rule.is_corpus]
        self.corpus_rules = [a for a in rules if a.rule.is_corpus]
        self.merged: dict[str, Any] = dict((index or {}).get("rules", {}))
        self.indexed: set[str] = set((index or {}).get("documents", []))
        self._keys: dict[str, str] = {}

    # -- cache keys -------------------------------------------------------------
    def _key(self, name: str) -> str:
        if name not in self._keys:
            from linter.cache import corpus_key, ruleset_key

            if name == "doc":
                self._keys[name] = ruleset_key(self.doc_rules, self.settings, "doc")
            elif name == "summary":
                self._keys[name] = ruleset_key(self.corpus_rules, self.settings, "summary")
            else:
                self._keys[name] = ruleset_key(self.corpus_rules, self.settings, corpus_key(self.merged))
        return self._keys[name]

    def _cached(self, kind: str, content: str, path: str) -> tuple[list[Finding], dict[str, Any]] | None:
        if self.cache is None:
            return None
        from linter.cache import digest, finding_from_json

        entry = self.cache.get(digest(content, self._key(kind)))
        if entry is None:
            return None
        try:
            return [finding_from_json(path, item) for item in entry["findings"]], entry
        except (KeyError, TypeError, ValueError):  # well-formed JSON, wrong shape: a miss
            return None

    def _store(self, kind: str, content: str, findings: list[Finding], **extra: Any) -> None:
        if self.cache is not None:
            from linter.cache import digest, finding_to_json

            payload = {"findings": [finding_to_json(f) for f in findings], **extra}
            self.cache.put(digest(content, self._key(kind)), payload)

    # -- the two passes over one file ---------------------------------------------
    def _read(self, path: str) -> tuple[str, str] | FileResult:
        try:
            data = read_bytes(path)
        except OSError as exc:
            return FileResult(path, errors=[f"cannot read: {exc.strerror or exc}"])
        try:
            return decode(data)
        except ReadError as exc:
            return FileResult(path, errors=[str(exc)])

    def _document(self, path: str, text: str, encoding: str) -> Document:
        doc = Document(text, path=path, prose_fields=self.config.prose_fields)
        doc.encoding = encoding
        return doc

    def first_pass(self, path: str, doc: Document | None = None, lookup: bool = True) -> Outcome:
        """Document rules and corpus summaries of one file (from the cache when unchanged;
        ``lookup=False`` when the caller has just asked the cache: a known miss)."""
        try:
            return self._first_pass(path, doc, lookup)
        except Exception as exc:  # never a traceback: one line, and the run goes on
            return Outcome(FileResult(path, errors=[_internal(exc)]))

    def second_pass(self, path: str, doc: Document | None = None, lookup: bool = True) -> FileResult:
        """Corpus rules of one file, checked against the merged corpus (``lookup`` as above)."""
        try:
            return self._second_pass(path, doc, lookup)
        except Exception as exc:
            return FileResult(path, errors=[f"rule {_internal(exc)}"])

    def cached_first_pass(self, path: str) -> Outcome | None:
        """The first pass of a file when the cache (or an unreadable file) answers it without
        linting; None when the file must be linted. Runs in the parent process: a cache hit
        is cheaper served there than sent to a worker and back."""
        read = self._read(path)
        if isinstance(read, FileResult):
            return Outcome(read)
        text, encoding = read
        return self._first_from_cache(path, text, encoding, content_key(text))

    def cached_second_pass(self, path: str) -> FileResult | None:
        """The corpus pass of a file when the cache answers it; None when it must be checked."""
        read = self._read(path)
        return None if isinstance(read, FileResult) else self._second_from_cache(path, *read)

    def _first_from_cache(self, path: str, text: str, encoding: str, key: str) -> Outcome | None:
        hit = self._cached("doc", key + encoding, path)
        if hit is None:
            return None
        findings, entry = hit
        return Outcome(self._result(path, findings, [], entry.get("notices", []), text), key, entry.get("summaries"))

    def _second_from_cache(self, path: str, text: str, encoding: str) -> FileResult | None:
        hit = self._cached("corpus", content_key(text) + encoding, path)
        if hit is None:
            return None
        findings, entry = hit
        return self._result(path, findings, [], entry.get("notices", []), text)

    def _first_pass(self, path: str, doc: Document | None, lookup: bool) -> Outcome:
        read = self._source(path, doc)
        if isinstance(read, FileResult):
            return Outcome(read)
        text, encoding = read
        key = content_key(text)
        served = self._first_from_cache(path, text, encoding, key) if lookup else None
        if served is not None:
            return served
        doc = doc or self._document(path, text, encoding)
        linted = engine.lint(doc, self.doc_rules, self.settings, None, self.config.time_budget)
        summaries = engine.summarize(doc, self.corpus_rules, self.settings) if self.corpus_rules else None
        if not linted.problems:
            self._store("doc", key + encoding, linted.findings, notices=linted.notices, summaries=summaries)
        return Outcome(self._result(path, linted.findings, linted.problems, linted.notices, text), key, summaries)

    def _second_pass(self, path: str, doc: Document | None, lookup: bool) -> FileResult:
        read = self._source(path, doc)
        if isinstance(read, FileResult):
            return read
        text, encoding = read
        served = self._second_from_cache(path, text, encoding) if lookup else None
        if served is not None:
            return served
        doc = doc or self._document(path, text, encoding)
        result = engine.lint(doc, self.corpus_rules, self.settings, self.merged, self.config.time_budget)
        if not result.problems:
            self._store("corpus", content_key(text) + encoding, result.findings, notices=result.notices)
        return self._result(path, result.findings, result.problems, result.notices, text)

    def lint_document(self, doc: Document, rules: list[ActiveRule] | None = None) -> FileResult:
        """Every pass on one in-memory document against the current corpus state, uncached
        (what ``--fix`` uses between rounds: the corpus has not counted a fixed text)."""
        rules = rules or self.rules
        result = engine.lint(doc, rules, self.settings, self.merged, self.config.time_budget, counted=False)
        return self._result(doc.path, result.findings, result.problems, result.notices, doc.source)

    def _source(self, path: str, doc: Document | None) -> tuple[str, str] | FileResult:
        """A file's text and encoding: the in-memory document's, or read from disk."""
        return self._read(path) if doc is None else (doc.source, doc.encoding)

    def _result(
        self, path: str, findings: list[Finding], problems: list[str], notices: list[str], text: str
    ) -> FileResult:
        """Per-file ignores applied, with the source lines the findings start on."""
        findings = _filter(findings, path, self.by_code, self.config)
        context = _context(findings, text) if self.with_context else {}
        return FileResult(path, findings, list(problems), list(notices), context)

    # -- whole runs ----------------------------------------------------------------
    def absorb(self, outcome: Outcome) -> None:
        """The reduce step for one document's summaries (documents the index counted are skipped)."""
        if outcome.summaries and outcome.key not in self.indexed:
            engine.merge(self.corpus_rules, self.merged, outcome.summaries)

    def run_paths(self, files: Sequence[str]) -> RunResult:
        return collect(self.stream_paths(files), self)

    def stream_paths(self, files: Sequence[str]) -> Iterator[FileResult]:
        """Results file by file, in input order, as soon as each file is done."""
        from linter import parallel

        outcomes = parallel.first_pass(self, list(files))
        return self.stream(outcomes, lambda paths: parallel.second_pass(self, paths))

    def run_documents(self, docs: Sequence[Document]) -> RunResult:
        """Lint documents held in memory (stdin, the Python API)."""
        by_path = {d.path: d for d in docs}
        outcomes = [self.first_pass(d.path, d) for d in docs]
        return collect(self.stream(outcomes, lambda paths: [self.second_pass(p, by_path[p]) for p in paths]), self)

    def stream(
        self, outcomes: Iterable[Outcome], second: Callable[[list[str]], Iterable[FileResult]]
    ) -> Iterator[FileResult]:
        """Reduce the first pass's summaries, then yield each file's results in input order.

        Without corpus rules a file's results go out as soon as it is linted. With them,
        the first pass's results wait (in memory for a few files, then in a temporary file on
        disk) until the merged corpus is complete and the second pass has checked that file.
        """
        if not self.corpus_rules:
            for n, outcome in enumerate(outcomes, 1):
                self._tick(n)
                yield outcome.result
            return
        with _Spool() as spool:
            readable: list[str] = []
            count = 0
            for count, outcome in enumerate(outcomes, 1):
                self.absorb(outcome)
                spool.add(outcome.result)
                if not _unreadable(outcome.result):
                    readable.append(outcome.result.path)
                self._tick(count)
            self._keys.pop("corpus", None)
            extra = iter(second(readable)) if readable else iter(())
            for result in spool.replay():
                if not _unreadable(result):
                    _combine(result, next(extra))
                yield result

    def _tick(self, n: int) -> None:
        if self.progress:
            self.progress(n)


class _Spool:
    """First-pass results in input order: the first ``IN_MEMORY`` in a list (a pre-commit
    run never touches the disk), the rest pickled to a temporary file (memory stays flat)."""

    IN_MEMORY = 64

    def __init__(self) -> None:
        self.held: list[FileResult] = []
        self.file: Any = None

    def __enter__(self) -> _Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            self.file.close()

    def add(self, result: FileResult) -> None:
        if self.file is None and len(self.held) < self.IN_MEMORY:
            self.held.append(result)
            return
        import pickle

        if self.file is None:
            import tempfile

            self.file = tempfile.TemporaryFile()
            self.spilled = 0
        pickle.dump(result, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.spilled += 1

    def replay(self) -> Iterator[FileResult]:
        yield from self.held
        self.held = []
        if self.file is not None:
            import pickle

            self.file.seek(0)
            for _ in range(self.spilled):
                yield pickle.load(self.file)


def _combine(result: FileResult, more: FileResult) -> None:
    """Add the corpus pass's results of a file to its first pass's."""
    result.findings = sorted([*result.findings, *more.findings], key=Finding.sort_key)
    result.errors += [e for e in more.errors if e not in result.errors]
    result.notices += more.notices
    result.context.update(more.context)


def collect(results: Iterable[FileResult], runner: Runner | None = None) -> RunResult:
    """A whole run's results in memory (for --fix, baselines and the HTML report)."""
    out = RunResult()
    for r in results:
        absorb_problems(out, r)
        if not _unreadable(r):
            out.files.append(r)
    return out


def absorb_problems(out: RunResult, result: FileResult) -> None:
    """Move a file's errors and notices into the run's (one line each)."""
    out.add_notices(result.notices)
    out.errors.extend(FileError(result.path, e) for e in result.errors)


def _internal(exc: BaseException) -> str:
    return f"internal error ({type(exc).__name__}: {exc}); please report it with this file"


def _unreadable(result: FileResult) -> bool:
    """A file that could not be read or decoded (rule failures leave it readable)."""
    return any(not e.startswith("rule ") for e in result.errors)
