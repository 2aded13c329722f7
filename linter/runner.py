"""Running copydesk over paths: discovery, decoding, corpus map/reduce, per-file results.

The run is streamed: files are read one at a time and only the corpus summaries (small
merged counts) stay in memory between the map pass and the check pass.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

    def add_context(self, doc: Document) -> None:
        for f in self.findings:
            if f.line not in self.context:
                start, end = doc.lines_index.line_span(f.line, doc.source)
                self.context[f.line] = doc.source[start:end]


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


# -- discovery -------------------------------------------------------------------
def discover(paths: Sequence[str], config: Config) -> tuple[list[str], list[FileError]]:
    """Files to check under the given paths, sorted, each once; missing paths are errors."""
    found: dict[str, None] = {}
    errors: list[FileError] = []
    for raw in paths:
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


def _walk(root: Path, config: Config, errors: list[FileError]) -> Iterator[str]:
    def on_error(exc: OSError) -> None:
        errors.append(FileError(exc.filename or str(root), f"cannot read directory: {exc.strerror}"))

    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(folder, d), config)
        )
        for name in sorted(files):
            path = os.path.join(folder, name)
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
    if sample and sum(sample.count(c) for c in _CONTROL) / len(sample) > BINARY_CONTROL_SHARE:
        raise ReadError("binary file (not text)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        return _detect(data, exc)


def _detect(data: bytes, exc: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "utf-8"):
        raise ReadError(f"not valid UTF-8 (byte {exc.start}) and no text encoding fits")
    return str(best), best.encoding.replace("_", "-")


def read_document(path: str, config: Config) -> Document:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    text, encoding = decode(data)
    doc = Document(text, path=path, prose_fields=config.prose_fields)
    doc.encoding = encoding
    return doc


def content_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


# -- running ---------------------------------------------------------------------------
def _filter(findings: list[Finding], path: str, rules: dict[str, ActiveRule], config: Config) -> list[Finding]:
    ignored = config.ignored_for(path)
    if not ignored:
        return findings
    return [f for f in findings if not any(matches(s, rules[f.rule].rule) for s in ignored)]


@dataclass
class Runner:
    """One configured run: the active rules, settings and corpus state."""

    config: Config
    rules: list[ActiveRule]
    index: dict[str, Any] | None = None
    progress: Callable[[int], None] | None = None

    def __post_init__(self) -> None:
        self.settings = self.config.settings()
        self.by_code = {a.rule.code: a for a in self.rules}
        self.doc_rules = [a for a in self.rules if not a.rule.is_corpus]
        self.corpus_rules = [a for a in self.rules if a.rule.is_corpus]
        self.merged: dict[str, Any] = dict((self.index or {}).get("rules", {}))
        self.indexed: set[str] = set((self.index or {}).get("documents", []))

    def lint_document(self, doc: Document, rules: list[ActiveRule]) -> FileResult:
        result = engine.lint(doc, rules, self.settings, self.merged, self.config.time_budget)
        findings = _filter(result.findings, doc.path, self.by_code, self.config)
        out = FileResult(doc.path, findings, [*result.problems], result.notices)
        out.add_context(doc)
        return out

    def summarize(self, doc: Document) -> None:
        if self.corpus_rules and content_key(doc.source) not in self.indexed:
            engine.merge(self.corpus_rules, self.merged, engine.summarize(doc, self.corpus_rules, self.settings))

    def run_documents(self, docs: Callable[[], Iterator[Document | FileError]]) -> RunResult:
        """Lint documents from a re-iterable source (files are read again for corpus checks)."""
        out = RunResult()
        by_path: dict[str, FileResult] = {}
        for n, item in enumerate(docs(), 1):
            if isinstance(item, FileError):
                out.errors.append(item)
                continue
            result = self.lint_document(item, self.doc_rules)
            self.summarize(item)
            by_path[item.path] = result
            if self.progress:
                self.progress(n)
        if self.corpus_rules:
            for item in docs():
                if isinstance(item, Document) and item.path in by_path:
                    extra = self.lint_document(item, self.corpus_rules)
                    base = by_path[item.path]
                    base.findings = sorted([*base.findings, *extra.findings], key=Finding.sort_key)
                    base.errors += extra.errors
                    base.notices += extra.notices
                    base.add_context(item)
        for result in by_path.values():
            out.add_notices(result.notices)
            out.errors.extend(FileError(result.path, e) for e in result.errors)
        out.files = list(by_path.values())
        return out

    def run_paths(self, files: Sequence[str]) -> RunResult:
        def docs() -> Iterator[Document | FileError]:
            for path in files:
                try:
                    yield read_document(path, self.config)
                except ReadError as exc:
                    yield FileError(path, str(exc))

        return self.run_documents(docs)
