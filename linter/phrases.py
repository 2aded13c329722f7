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

Speed: a pattern is compiled and run only on texts holding its "needles", the literal text
every match contains (read off the pattern: ``skip to (?:the )?content`` needs "skip to ").
A pattern made only of classes and optional parts has none and runs on every text; in an
ignore-case list, needles hold no character whose case pairs fold unlike ``str.lower()``
(NO_NEEDLE_CASE), so an alternation of at most MAX_NEEDLES labels in Korean, Chinese,
Cyrillic or accented Latin letters gets needles.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
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
    _patterns: list[str] = field(default_factory=list)  # each phrase's pattern with its \b added
    _regexes: list[Any] = field(default_factory=list)  # compiled on first need (None: not yet)
    _needles: list[tuple[tuple[str, ...], ...] | None] | None = None
    _compiled_exceptions: list[Any] | None = None
    _any: Any = None
    _any_built: bool = False
    _multiline: dict[int, Any] = field(default_factory=dict)
    _lines_seen: int = 0  # characters a line-scope list has tried line by line
    _joins_badly: bool | None = None

    def __post_init__(self) -> None:
        self._patterns = [_bounded(p.pattern, self.spec["word-boundary"]) for p in self.phrases]
        self._regexes = [None] * len(self.phrases)

    @property
    def flags(self) -> int:
        import regex

        # VERSION0 (simple case folding, like the stdlib): compiles 2-3x faster than V1,
        # whose full case folding costs most of a pre-commit run
        return regex.V0 | (regex.IGNORECASE if self.spec["ignore-case"] else 0)

    def regex(self, i: int) -> Any:
        """Phrase ``i``'s pattern, compiled on first use."""
        if self._regexes[i] is None:
            import regex

            self._regexes[i] = regex.compile(self._patterns[i], self.flags)
        return self._regexes[i]

    def compiled(self) -> tuple[list[tuple[Phrase, Any]], list[Any]]:
        """Every pattern and exception compiled (``validate`` uses it to report bad ones)."""
        return [(p, self.regex(i)) for i, p in enumerate(self.phrases)], self.compiled_exceptions()

    def compiled_exceptions(self) -> list[Any]:
        if self._compiled_exceptions is None:
            import regex

            self._compiled_exceptions = [regex.compile(x, self.flags) for x in self.exceptions]
        return self._compiled_exceptions

    def needles(self) -> list[tuple[tuple[str, ...], ...] | None]:
        """Per phrase, sets of strings every match contains one of (lowercased for an
        ignore-case list), or None when none was found."""
        if self._needles is None:
            fold = self.spec["ignore-case"]
            self._needles = [necessary_literals(p.pattern, fold) for p in self.phrases]
        return self._needles

    def prefilter(self) -> Any:
        """For a line-scope list, one pattern finding the lines it may match (None: none built)."""
        if not self._any_built:
            import regex

            # line scope: one anchored alternation finds the candidate lines; text scope:
            # none (each pattern's own literal scan is faster than a joined alternation)
            if self.spec["scope"] == "line":
                self._any = _line_starts(self._patterns, self.flags | regex.MULTILINE)
            self._any_built = True
        return self._any

    def line_mode(self, size: int) -> str:
        """How a line-scope list finds the lines to try in a text of ``size`` characters.

        "alternation": the lines that begin with a match of the anchored alternation of all
        its patterns (the fastest per MB, but its compile costs ~10 ms for 30 patterns);
        "lines": every line, a line a pattern matches then checked the way the alternation
        would (until the list has seen ALTERNATION_AFTER characters, or when the alternation
        is compiled already); "all": every line (the patterns cannot be joined).
        """
        if self._joins_badly is None:
            self._joins_badly = any(re.search(_JOINS_BADLY, p) for p in self._patterns)
        if self._joins_badly:
            return "alternation" if self.prefilter() is not None else "all"
        self._lines_seen += size
        if self._any_built or self._lines_seen > ALTERNATION_AFTER:
            return "alternation" if self.prefilter() is not None else "all"
        return "lines"

    def anchored(self, i: int) -> Any:
        """Phrase ``i`` compiled as the alternation holds it (^ and $ at every line break)."""
        if "^" not in self._patterns[i] and "$" not in self._patterns[i]:
            return self.regex(i)
        if i not in self._multiline:
            import regex

            self._multiline[i] = regex.compile(self._patterns[i], self.flags | regex.MULTILINE)
        return self._multiline[i]


#: a line-scope list tries a text's lines one by one until it has seen this many characters
#: (a 5 KB article: ~1 ms), then compiles its anchored alternation (~10 ms for 30
#: patterns), which finds the candidate lines 3-4x faster
ALTERNATION_AFTER = 50_000


#: what changes a pattern joined with others: back-references (group numbers shift), inline
#: global flags (in the joined pattern they hold for every pattern)
_JOINS_BADLY = r"\\[1-9]|\(\?P=|\\g<|\(\?[a-zA-Z0-9-]+\)"


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


# -- necessary literals --------------------------------------------------------------------
# A pattern runs (and is compiled) only when one of its "needles" occurs in the document:
# strings one of which every match must contain, read off the pattern (runs of literal
# text outside optional parts; a branch's needles joined over all its branches). The reader
# below follows the syntax the lists use; a pattern with anything else (inline flags but
# i/m/s, back-references, fuzzy matching, verbs...) gets no needles and always runs.

#: at most this many needles per set (each is one scan of the text, ~2 ms per MB)
MAX_NEEDLES = 5
#: at most this many sets per pattern (a pattern needs one needle of each: a second set
#: rejects most of the texts that hold a common first one)
TOP_SETS = 2
_CAP = 2 * MAX_NEEDLES  # largest set of exact strings followed while reading a pattern
#: characters an ignore-case match pairs with a letter a needle may hold although their
#: lower() is not that letter: dotted and dotless i and long s (ASCII i, s) and the rare
#: Cyrillic letter variants U+1C80..U+1C88 (в д о с т ъ ѣ ꙋ); a text holding one is searched
#: without needles
UNUSUAL_CASE = "İıſ\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88"
#: lowercase non-ASCII characters an ignore-case needle may not hold: regex's IGNORECASE pairs
#: each with a character that lowers to something else (Greek sigma and final sigma, micro
#: sign and mu, the Greek symbol letters, long s, ...; U+0307 comes from lowering İ). A
#: character Python's Unicode data does not know (not printable) may not either: regex's newer
#: data may pair it. tests/linter/test_phrases.py works the list out from every code point.
NO_NEEDLE_CASE = (
    "\xb5\xdf\u0131\u017f\u019b\u0264\u0277\u027c\u0307\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba"
    "\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1c80\u1c81\u1c82"
    "\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua7d3\ua7d5\uab4b\uab4c\ufb05\ufb06"
)
# patterns compiled on first use, through the re module's cache (none at import)
_TOKEN = r"""(?sx)(?P<chars>[^\\\[\](){}|?*+.^$]+)
    | (?P<escape>\\(?:[pP](?:\{[^}]*\}|[A-Za-z])|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.))
    | (?P<set>\[\^?\]?(?:\\.|[^\]\\])*\])
    | (?P<open>\((?:\?(?:[:>=!]|<[=!]|P?<\w+>|\#[^)]*|[ims]+(?=\))|[ims]*(?:-[ims]+)?:))?)
    | (?P<close>\))
    | (?P<bar>\|)
    | (?P<repeat>(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?)
    | (?P<anchor>[.^$])
    | (?P<other>.)"""
_SET_ITEM = r"(?s)\\(?:[pP](?:\{[^}]*\}|[A-Za-z])|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|."
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
Exact = set[str] | None  # the strings a part matches, when few and known
Needles = list[set[str]]  # sets of needles, best first: a match holds one of each set
Later = Callable[[], Needles]  # needles, worked out when asked for


class _GiveUp(Exception):
    """Syntax the needle reader does not follow: the pattern gets no needles."""


def necessary_literals(pattern: str, ignore_case: bool) -> tuple[tuple[str, ...], ...] | None:
    """Sets of strings such that every match of ``pattern`` contains one string of each set
    (lowercased and folding safely for an ignore-case pattern; at most TOP_SETS sets of at most
    MAX_NEEDLES strings, the best first), or None when none was found."""
    # an ignore-case pattern's ASCII text first: its needles, when it has some, are the ones
    # it always had; the others only for a pattern without (the non-ASCII labels)
    for wide in (False, True) if ignore_case else (True,):
        try:
            reader = _Reader(pattern, ignore_case, wide)
            _, later = reader.alternation()
            if reader.peek():
                raise _GiveUp  # an unbalanced ')'
            needles = later()
        except _GiveUp:
            return None
        if needles:
            return tuple(tuple(sorted(found)) for found in needles)
    return None


class _Reader:
    """Reads a pattern into (exact strings, needles) per part, alternation and sequence."""

    def __init__(self, pattern: str, fold: bool, wide: bool = True) -> None:
        self.fold, self.i = fold, 0
        self.wide = wide  # may an ignore-case needle hold non-ASCII characters?
        self.tokens: list[tuple[str, str]] = []
        for m in re.finditer(_TOKEN, pattern):
            kind, text = m.lastgroup or "", m.group()
            if kind == "other":
                raise _GiveUp  # a brace that is no repeat ({e<=1} fuzzy matching), a stray ]
            if kind == "repeat" and self.tokens and self.tokens[-1][0] == "chars" and len(self.tokens[-1][1]) > 1:
                chars = self.tokens.pop()[1]  # a repeat applies to the last character only
                self.tokens += [("chars", chars[:-1]), ("chars", chars[-1])]
            self.tokens.append((kind, text))
        self.tokens.append(("", ""))  # the end

    def peek(self) -> str:
        return self.tokens[self.i][0]

    def usable(self, found: set[str] | None) -> set[str] | None:
        return _usable(found, self.fold, self.wide)

    def alternation(self) -> tuple[Exact, Later]:
        branches = [self.sequence()]
        while self.peek() == "bar":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        exacts = [e for e, _ in branches]
        exact = set().union(*exacts) if None not in exacts else None  # type: ignore[arg-type]

        def needles() -> Needles:  # one from each branch
            found = [later() for _, later in branches]
            if not all(found):
                return []
            joined = self.usable(set().union(*(best for best, *_ in found)))
            return [joined] if joined else []

        return (exact if exact is not None and len(exact) <= _CAP else None), needles

    def sequence(self) -> tuple[Exact, Later]:
        """A run of parts: exact when all parts are; needles the best of its runs of exact
        parts (windows of them) and of its other parts' needles."""
        kind, text = self.tokens[self.i]
        if kind == "chars" and self.tokens[self.i + 1][0] in ("", "bar", "close"):
            self.i += 1  # plain text, as in most branches: (?:reply|comment)
            word = {text.lower() if self.fold else text}
            return word, lambda: [s for s in [self.usable(word)] if s]
        exact: Exact = {""}
        runs: list[list[set[str]]] = [[]]  # consecutive exact parts
        others: list[Later] = []  # the other parts' needles
        while self.tokens[self.i][0] not in ("", "bar", "close"):
            part, later = self.repeated(*self.atom())
            if exact is not None:
                exact = _product(exact, part)
            if part is not None and (not self.fold or _folds_safely("".join(part), self.wide)):
                runs[-1].append(part)
            else:
                runs.append([])
                others.append(later)

        def needles() -> Needles:  # the best sets of its runs and other parts
            found = [self.usable(window) for run in runs for window in _windows(run)]
            found += [needles for later in others for needles in later()]
            return _best_sets([s for s in found if s])

        return exact, needles

    def atom(self) -> tuple[Exact, Later]:
        kind, text = self.tokens[self.i]
        self.i += 1
        if kind == "chars":
            return {text.lower() if self.fold else text}, _none
        if kind == "escape":
            char = _escaped(text)
            if char is None:
                return None, _none  # \d, \w, \p{L}...
            return {char.lower() if self.fold else char}, _none
        if kind == "set":
            return _set(text, self.fold), _none
        if kind == "anchor":
            return (None, _none) if text == "." else ({""}, _none)
        if kind != "open":
            raise _GiveUp  # a repeat with nothing before it
        inner = self.alternation()
        if self.peek() != "close":
            raise _GiveUp
        self.i += 1
        if text in ("(", "(?:", "(?>") or text.startswith(("(?P<", "(?<")) and text[3:4] not in "=!":
            return inner  # a group
        if text in ("(?=", "(?!", "(?<=", "(?<!") or text.startswith("(?#"):
            return {""}, _none  # lookaround, comment: zero width
        if text.endswith(":"):
            return None, _none  # (?i:...) and the like: its own flags
        if "i" in text and not self.fold:
            raise _GiveUp  # (?i) in a case-sensitive list
        return {""}, _none  # (?m), (?s): zero width

    def repeated(self, exact: Exact, later: Later) -> tuple[Exact, Later]:
        """A part with its repeat, if any: ``{n}`` repeats the exact strings; a part that
        must occur keeps its needles; an optional one has none."""
        if self.tokens[self.i][0] != "repeat":
            return exact, later
        text = self.tokens[self.i][1]
        self.i += 1
        if text[0] == "{":
            low, comma, high = text[1 : text.index("}")].partition(",")
            if not (low or high):
                raise _GiveUp  # {} or {,}: not a repeat
            least = int(low or 0)
            if not comma and exact is not None and least <= 8:
                return _product({""}, *[exact] * least), _none
        else:
            least = 1 if text[0] == "+" else 0
        if least == 0:
            return None, _none
        return None, lambda: [s for s in [self.usable(exact)] if s] if exact is not None else later()


def _none() -> Needles:
    return []


def _escaped(text: str) -> str | None:
    r"""The character an escape stands for; None for a class (\d, \p{L}); "" for an anchor."""
    char = text[1]
    if char in "xuU":
        if len(text) == 2:
            raise _GiveUp  # \x without its hex digits
        return chr(int(text[2:], 16))
    if char in _CONTROL:
        return _CONTROL[char]
    if char in "bBAZ":
        return ""
    if char in "dDwWsS" or char in "pP" and len(text) > 2:
        return None
    if char.isascii() and char.isalnum():
        raise _GiveUp  # back-references, \L<list>, \K, \X, \N{...} and other syntax
    return char


def _set(text: str, fold: bool) -> Exact:
    """The characters a [...] set matches, when they are listed one by one."""
    body = text[1:-1]
    if body.startswith("^"):
        return None
    if body.startswith("]"):
        raise _GiveUp  # []...]: read differently by different engines
    chars = set()
    for m in re.finditer(_SET_ITEM, body):
        item = m.group()
        if item == "[":
            raise _GiveUp  # [[:alpha:]] and nested sets
        if item == "-" and 0 < m.start() < len(body) - 1:
            return None  # a range
        char = _escaped(item) if item[0] == "\\" else item
        if not char:
            return None  # \d, \p{L}, \b (a backspace in a set: not followed here)
        chars.add(char.lower() if fold else char)
    return chars if len(chars) <= _CAP else None


def _product(first: Exact, *parts: Exact) -> Exact:
    """Every concatenation of one string from each part (None when unknown or too many)."""
    out = first
    for part in parts:
        if out is None or part is None:
            return None
        out = {a + b for a in out for b in part}
        if len(out) > _CAP:
            return None
    return out


def _windows(run: list[set[str]]) -> list[set[str]]:
    """Products of consecutive parts of a run: the longest of at most MAX_NEEDLES strings
    from each part where a window may start."""
    found = []
    for i, part in enumerate(run):
        if i and len(part) == 1 and len(run[i - 1]) == 1:
            continue  # the window from the first of these single strings is longer
        window = {""}
        for nxt in run[i:]:
            joined = {a + b for a in window for b in nxt}
            if len(joined) > MAX_NEEDLES:
                break
            window = joined
        found.append(window)
    return found


def _minimal(found: set[str]) -> set[str]:
    """Without the strings that contain another one (finding the shorter one is enough)."""
    if len(found) < 2:
        return found
    return {s for s in found if not any(o != s and o in s for o in found)}


def _folds_safely(text: str, wide: bool = True) -> bool:
    """May an ignore-case needle hold ``text`` (already lowered)? Yes when every character
    an IGNORECASE match pairs with one of its characters lowers to that character (but those
    of UNUSUAL_CASE, whose texts skip needles): ASCII, or (``wide``) printable and not in
    NO_NEEDLE_CASE."""
    if text.isascii():
        return True
    return wide and all(c.isascii() or (c.isprintable() and c not in NO_NEEDLE_CASE) for c in text)


def _usable(found: set[str] | None, fold: bool, wide: bool = True) -> set[str] | None:
    """A needle set as it is used (without strings holding another), when it is usable: at
    most MAX_NEEDLES strings, none empty, each one an ignore-case list may fold safely
    (ASCII unless ``wide``)."""
    if not found or len(found) > _CAP or "" in found:
        return None
    found = _minimal(found)
    if len(found) > MAX_NEEDLES or (fold and not all(_folds_safely(s, wide) for s in found)):
        return None
    return found


def _best_sets(found: list[set[str]]) -> Needles:
    """The best TOP_SETS sets; a later one only when it is worth a scan (it rejects texts
    the ones before let through)."""
    best: Needles = []
    for needles in sorted(found, key=_score, reverse=True):
        if all(len(s.strip()) <= 3 and s.replace(" ", "").isalpha() for s in needles):
            continue  # a short word (" is", "he "): in every text, not worth a scan
        if best and (_score(needles)[0] <= 0 or any(all(any(n in s for n in needles) for s in b) for b in best)):
            continue  # a common string, or one that every text holding an earlier set holds
        best.append(needles)
    return best[:TOP_SETS]


def _score(needles: set[str]) -> tuple[int, int]:
    # a longer needle is rarer (up to a point: 8 letters are rare enough), spaces and a
    # lone comma are everywhere, and each extra needle is one more scan of the text
    rarity = min(8, min(len(s.strip()) if s.strip(" ,") else 0 for s in needles))
    return rarity - (len(needles) - 1), -len(needles)


def _unusual_case(doc: Any) -> bool:
    """Does the text hold a character that defeats lowercase needles (cached per document)?"""
    found = doc.cache.get("phrases:unusual-case")
    if found is None:
        text = doc.text
        found = doc.cache["phrases:unusual-case"] = not text.isascii() and any(c in text for c in UNUSUAL_CASE)
    return found


class _Scan:
    """One list on one document: which phrases may match (one of their needles occurs), and
    the spans of the list's exceptions (found on first need)."""

    def __init__(self, plist: PhraseList, doc: Any) -> None:
        self.plist, self.doc, self.text = plist, doc, doc.text
        self.lower = plist.spec["ignore-case"]
        if self.lower and _unusual_case(doc):
            self.needles: list[tuple[tuple[str, ...], ...] | None] = [None] * len(plist.phrases)
        else:
            self.needles = plist.needles()
        self._excluded: list[tuple[int, int]] | None = None
        self._in_text: dict[int, bool] = {}

    def may_match(self, i: int, haystack: str) -> bool:
        """Does ``haystack`` (lowered for an ignore-case list) hold a needle of each of phrase
        i's sets?"""
        needles = self.needles[i]
        return needles is None or all(any(n in haystack for n in found) for found in needles)

    def in_text(self, i: int) -> bool:
        """May phrase i match anywhere in the document?"""
        if i not in self._in_text:
            needles = self.needles[i]
            text = self.doc.lowered if self.lower and needles else self.text
            self._in_text[i] = self.may_match(i, text)
        return self._in_text[i]

    def any_in_text(self) -> bool:
        return None in self.needles or any(self.in_text(i) for i in range(len(self.needles)))

    def reports(self, phrase: Phrase, matches: Iterable[Any], ctx: Context) -> Iterator[Report]:
        """The matches that are not empty and overlap no exception."""
        text = self.text
        for m in matches:
            if m.end() == m.start():
                continue
            if self._excluded is None:
                found = (x.finditer(text, timeout=_timeout(text)) for x in self.plist.compiled_exceptions())
                self._excluded = [(e.start(), e.end()) for it in found for e in it]
            if not any(s < m.end() and m.start() < e for s, e in self._excluded):
                yield _report(self.plist, phrase, m, text, ctx)


def _timeout(text: str) -> float:
    return REGEX_TIMEOUT_S + REGEX_TIMEOUT_PER_MB * len(text) / 1_000_000


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _alternation_lines(plist: PhraseList, text: str) -> Iterator[tuple[int, int]]:
    """The trimmed lines that begin with a match of the list's anchored alternation."""
    prefilter = plist.prefilter()
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


def _every_line(doc: Any) -> Iterator[tuple[int, int]]:
    """Every line of the document's shared ``lines`` view, trimmed, but the blank ones."""
    text = doc.text
    for line in doc.lines:
        start, end = _trimmed(text, line.start, line.end)
        if start < end:
            yield start, end


def run_phrase_list(plist: PhraseList, doc: Any, ctx: Context) -> Iterator[Report]:
    scan = _Scan(plist, doc)
    text = doc.text
    if plist.spec["scope"] == "text":
        for i, phrase in enumerate(plist.phrases):
            if scan.in_text(i):
                yield from scan.reports(phrase, plist.regex(i).finditer(text, timeout=_timeout(text)), ctx)
        return
    if not scan.any_in_text():
        return
    mode = plist.line_mode(len(text))
    tries: Sequence[int] = range(len(plist.phrases))
    if mode != "alternation":  # every line: only the phrases whose needles the text holds
        tries = [i for i in tries if scan.in_text(i)]
    for start, end in _alternation_lines(plist, text) if mode == "alternation" else _every_line(doc):
        line = text[start:end].lower() if scan.lower else text[start:end]
        for i in tries:
            if scan.may_match(i, line):  # the match is the whole line: its needle is in it
                m = plist.regex(i).fullmatch(text, start, end, timeout=_timeout(text))
                if m:
                    if mode != "lines" or _begins_with_match(plist, scan, text, start, i):
                        yield from scan.reports(plist.phrases[i], [m], ctx)
                    break


def _begins_with_match(plist: PhraseList, scan: _Scan, text: str, start: int, first: int) -> bool:
    """Would the anchored alternation have found the line ``start`` is in? (A pattern that
    matches the trimmed line nearly always matches there, so ``first`` goes first.)"""
    pos = text.rfind("\n", 0, start) + 1
    while pos < start and text[pos] in " \t":
        pos += 1
    for i in [first, *(j for j in range(len(plist.phrases)) if j != first)]:
        if scan.in_text(i) and plist.anchored(i).match(text, pos, timeout=_timeout(text)):
            return True
    return False


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
