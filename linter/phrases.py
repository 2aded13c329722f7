"""Phrase-list rules: a TOML file per list, run by one generic rule.

An editor adds a boilerplate phrase or a caption label by editing data, not Python.
File format (every key but ``replacement``, ``note``, ``exceptions`` and ``options`` is
required)::

    code = "BPL001"                  # family prefix + 3 digits
    name = "widget-leftover"         # kebab-case, names what is flagged
    category = "boilerplate"         # one of linter.findings.CATEGORIES
    severity = "warning"             # error | warning | info
    kind = "existence"               # existence: flag it; substitution: suggest `replacement`
    scope = "line"                   # text: anywhere; line: the pattern must be the whole line
    ignore-case = true               # case rule, explicit
    word-boundary = true             # \\b added where a pattern starts/ends with a word character
    message = "Widget leftover “{match}”"   # placeholders: {match} {replacement} {note}
    fix = "delete"                   # delete | replace | none
    safe = true                      # may `--fix` apply it without asking?
    what = "..."                     # What it does
    why = "..."                      # Why it matters
    fix-safety = "..."               # Fix safety
    exceptions = ['regex', ...]      # a match overlapping one of these is not reported

    [[patterns]]
    pattern = '%d bloggers like this:?'   # `regex` module syntax, VERSION0 (simple case folding)
    note = "WordPress Jetpack likes widget"
    replacement = "..."              # substitution only

    [examples]
    bad = ["lines that must fire"]
    good = ["lines that must stay silent"]
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter.findings import Report, Severity
from linter.rule import Context, Rule, validate_identity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REQUIRED = (
    "code name category severity kind scope ignore-case word-boundary message fix safe what why fix-safety"
).split()
KINDS = ("existence", "substitution")
SCOPES = ("text", "line")
FIXES = ("delete", "replace", "none")
#: a pattern may take at most this long (plus REGEX_TIMEOUT_PER_MB per MB of text) on one
#: document before the rule gives up on it
REGEX_TIMEOUT_S = 2.0
REGEX_TIMEOUT_PER_MB = 1.0


class PhraseListError(ValueError):
    """A phrase-list file that cannot be used; the message names the file and the key."""


@dataclass
class Phrase:
    pattern: str
    note: str = ""
    replacement: str | None = None


@dataclass
class PhraseList:
    path: str
    spec: dict[str, Any]
    phrases: list[Phrase]
    exceptions: list[str]
    _compiled: list[tuple[Phrase, Any]] | None = None
    _compiled_exceptions: list[Any] | None = None
    _any: Any = None

    def compiled(self) -> tuple[list[tuple[Phrase, Any]], list[Any]]:
        if self._compiled is None:
            import regex

            # VERSION0 (simple case folding, like the stdlib): compiles 2-3x faster than V1,
            # whose full case folding costs most of a pre-commit run
            flags = regex.V0 | (regex.IGNORECASE if self.spec["ignore-case"] else 0)
            boundary = self.spec["word-boundary"]
            bounded = [_bounded(p.pattern, boundary) for p in self.phrases]
            self._compiled = [(p, regex.compile(b, flags)) for p, b in zip(self.phrases, bounded, strict=True)]
            self._compiled_exceptions = [regex.compile(x, flags) for x in self.exceptions]
            # line scope: one anchored alternation finds the candidate lines; text scope:
            # none (each pattern's own literal scan is faster than a joined alternation)
            if self.spec["scope"] == "line":
                self._any = _line_starts(bounded, flags | regex.MULTILINE)
        assert self._compiled_exceptions is not None
        return self._compiled, self._compiled_exceptions

    def prefilter(self) -> Any:
        """For a line-scope list, one pattern finding the lines it may match (None: none built)."""
        self.compiled()
        return self._any


def _line_starts(patterns: list[str], flags: int) -> Any:
    """All patterns as one alternation anchored at line starts: a line a line-scope list
    can match begins with a match, so most lines are rejected at their first characters.

    Patterns with back-references cannot be joined (group numbers would shift): then None.
    """
    import regex

    if any(regex.search(r"\\[1-9]|\(\?P=|\\g<", p) for p in patterns):
        return None
    joined = "|".join(f"(?:{p})" for p in patterns)
    try:
        return regex.compile(f"^[ \t]*+(?:{joined})", flags)
    except regex.error:
        return None


def _bounded(pattern: str, boundary: bool) -> str:
    if not boundary:
        return pattern
    head = r"\b" if pattern[:1].isalnum() else ""
    tail = r"\b" if pattern[-1:].isalnum() else ""
    return f"{head}(?:{pattern}){tail}"


def _fail(path: str, message: str) -> PhraseListError:
    return PhraseListError(f"{path}: {message}")


def parse_phrase_list(path: str, data: dict[str, Any], validate: bool = True) -> PhraseList:
    """Validate a parsed TOML phrase list; every problem names the file and the key."""
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise _fail(path, f"missing key(s): {', '.join(missing)}")
    for key, allowed in (("kind", KINDS), ("scope", SCOPES), ("fix", FIXES)):
        if data[key] not in allowed:
            raise _fail(path, f"{key} = {data[key]!r}: use one of {', '.join(allowed)}")
    try:
        validate_identity(data["code"], data["name"], data["category"])
        Severity.parse(str(data["severity"]))
    except ValueError as exc:
        raise _fail(path, str(exc)) from None
    raw = data.get("patterns")
    if not isinstance(raw, list) or not raw:
        raise _fail(path, "patterns: give at least one [[patterns]] entry")
    phrases = []
    for i, entry in enumerate(raw):
        entry = {"pattern": entry} if isinstance(entry, str) else entry
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
            raise _fail(path, f"patterns[{i}]: needs a string 'pattern'")
        phrases.append(Phrase(entry["pattern"], entry.get("note", ""), entry.get("replacement")))
    exceptions = data.get("exceptions", [])
    if not isinstance(exceptions, list) or not all(isinstance(x, str) for x in exceptions):
        raise _fail(path, "exceptions: must be a list of regex strings")
    plist = PhraseList(path, data, phrases, exceptions)
    if validate:
        try:
            plist.compiled()
        except Exception as exc:  # regex.error: name the pattern
            raise _fail(path, f"invalid regex: {exc}") from None
    return plist


def load_phrase_file(path: Path, validate: bool = True) -> Rule:
    """A phrase-list rule from a TOML file. ``validate`` compiles every pattern now (for an
    editor's own lists); built-in lists compile on first use (their tests compile them)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PhraseListError(f"{path}: {exc}") from None
    return phrase_rule(parse_phrase_list(str(path), data, validate))


def phrase_rule(plist: PhraseList) -> Rule:
    spec = plist.spec

    def check(doc: Any, ctx: Context) -> Iterator[Report]:
        yield from run_phrase_list(plist, doc, ctx)

    return Rule(
        code=spec["code"],
        name=spec["name"],
        category=spec["category"],
        severity=Severity.parse(spec["severity"]),
        check=check,
        doc=phrase_doc(plist),
        options=dict(spec.get("options", {})),
        fixable=spec["fix"] != "none",
        source=plist.path,
    )


def phrase_doc(plist: PhraseList) -> str:
    spec = plist.spec
    examples = spec.get("examples", {})
    bad = "\n".join(f"    {x}" for x in examples.get("bad", [])) or "    (none given)"
    good = "\n".join(f"    {x}" for x in examples.get("good", [])) or "    (none given)"
    listed = "\n".join(f"- `{p.pattern}`" + (f" ({p.note})" if p.note else "") for p in plist.phrases)
    return (
        f"What it does\n{spec['what']}\n\nWhy it matters\n{spec['why']}\n\n"
        f"Example\n{bad}\n\nUse instead / stays silent on:\n{good}\n\n"
        f"Patterns ({spec['kind']}, scope {spec['scope']}, "
        f"{'case-insensitive' if spec['ignore-case'] else 'case-sensitive'}; "
        f"data file {Path(plist.path).name})\n{listed}\n\nFix safety\n{spec['fix-safety']}"
    )


def _timeout(text: str) -> float:
    return REGEX_TIMEOUT_S + REGEX_TIMEOUT_PER_MB * len(text) / 1_000_000


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _candidates(plist: PhraseList, text: str) -> Iterator[tuple[int, int]]:
    """Regions to search: the whole text, or the trimmed lines a line-scope list may match
    (those that begin with a match of the anchored alternation, when there is one)."""
    if plist.spec["scope"] == "text":
        yield 0, len(text)
        return
    prefilter = plist.prefilter()
    if prefilter is None:
        pos = 0
        for line in text.split("\n"):
            start, end = _trimmed(text, pos, pos + len(line))
            pos += len(line) + 1
            if start < end:
                yield start, end
        return
    pos = 0
    while pos < len(text):
        m = prefilter.search(text, pos, timeout=_timeout(text))
        if m is None:
            return
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        start, stop = _trimmed(text, m.start(), end)
        if start < stop:
            yield start, stop
        pos = end + 1  # a match may run past its line: go on from the next line


def run_phrase_list(plist: PhraseList, doc: Any, ctx: Context) -> Iterator[Report]:
    compiled, exceptions = plist.compiled()
    spec = plist.spec
    text = doc.text
    line_scope = spec["scope"] == "line"
    excluded: list[tuple[int, int]] | None = None
    for start, end in _candidates(plist, text):
        if excluded is None:
            excluded = [(m.start(), m.end()) for x in exceptions for m in x.finditer(text, timeout=_timeout(text))]
        for phrase, rx in compiled:
            if line_scope:
                m = rx.fullmatch(text, start, end, timeout=_timeout(text))
                matches = [m] if m else []
            else:
                matches = list(rx.finditer(text, start, end, timeout=_timeout(text)))
            for m in matches:
                if m.end() > m.start() and not any(s < m.end() and m.start() < e for s, e in excluded):
                    yield _report(plist, phrase, m, text, ctx)
            if line_scope and matches:
                break


def _report(plist: PhraseList, phrase: Phrase, m: Any, text: str, ctx: Context) -> Report:
    spec = plist.spec
    replacement = None
    if spec["fix"] == "replace" and phrase.replacement is not None:
        replacement = m.expand(phrase.replacement)
    elif spec["fix"] == "delete":
        replacement = ""
    message = spec["message"].format(match=m.group(), replacement=replacement or "", note=phrase.note)
    suggestion = replacement if replacement else ("delete it" if replacement == "" else None)
    return ctx.report(
        m.start(),
        m.end(),
        message,
        suggestion=suggestion,
        replacement=replacement,
        safe=bool(spec["safe"]) and replacement is not None,
        fix_lines=spec["fix"] == "delete" and spec["scope"] == "line",
    )
