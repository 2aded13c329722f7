"""TYP007 inconsistent-casing."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule

#: a word of letters (a possessive ’s is cut off); hyphenated compounds are left alone
_BEFORE = r"(?<![\p{L}\p{N}\-’'./@])"
_AFTER = r"(?:[’']s)?(?![\p{L}\p{N}\-@]|[./]\p{L})"
#: a word starting with a capital (lower case is never compared, and skipping it is fast)
_CAPITALISED = regex.compile(_BEFORE + r"(\p{Lu}\p{L}*)" + _AFTER)
#: a capital inside a word that starts in lower case (iPhone, eBay): rare, found separately
_INNER_CAPITAL = regex.compile(r"(?<=\p{Ll})\p{Lu}")
_LOWER_START = regex.compile(_BEFORE + r"(\p{Ll}+\p{Lu}\p{L}*)" + _AFTER)
_SENTENCE_START = regex.compile(r"(?:^|\n\s*|[.!?…:][\"'”’)\]]*\s+|[\"“‘(]\s*)$")
_CAPS_NEIGHBOUR = regex.compile(r"\p{Lu}{2,}")
_LETTERS = regex.compile(r"\p{L}+")
_LOWER_WORD = regex.compile(r"\b\p{Ll}+\b")
#: a longer line is prose, not a heading
_MAX_HEADING = 200
_SMALL = frozenset(
    "a an the and or but nor for of on in at to by as from with into onto over per via vs is are".split()
)


def shape(word: str) -> str:
    """upper (NATO), title (Nato), lower (nato) or mixed (iPhone, YouTube)."""
    if word.isupper():
        return "upper"
    if word.islower():
        return "lower"
    if word[0].isupper() and word[1:].islower():
        return "title"
    return "mixed"


def _title_case_line(line: str) -> bool:
    """A heading in Title Case: no lower-case word but the small ones (a, of, the...)."""
    lowers = [w for w in _LOWER_WORD.findall(line) if w not in _SMALL]
    return not lowers and not line.rstrip().endswith((".", "?", "!")) or not lowers and len(line) < 90


def _words(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """Words with a capital in ``text[start:end]``, in no particular order."""
    yield from _CAPITALISED.finditer(text, start, end)
    done = -1
    for inner in _INNER_CAPITAL.finditer(text, start, end):
        if inner.start() < done:
            continue
        word_start = inner.start()
        while word_start > start and text[word_start - 1].isalpha():
            word_start -= 1
        m = _LOWER_START.match(text, word_start, end)
        if m:
            done = m.end()
            yield m


class _Line:
    """What a line imposes on the casing of its words, computed once per line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._title: bool | None = None
        self._shouted: bool | None = None

    @property
    def title_case(self) -> bool:
        if self._title is None:
            self._title = len(self.text) <= _MAX_HEADING and _title_case_line(self.text)
        return self._title

    @property
    def shouted(self) -> bool:
        if self._shouted is None:
            self._shouted = len(self.text) <= _MAX_HEADING and self.text.upper() == self.text
        return self._shouted


def _forced(text: str, start: int, end: int, kind: str, line: _Line) -> bool:
    """Is this casing imposed by position (sentence start, heading, a run of capitals)?"""
    if kind == "title":
        before = text[max(0, start - 8) : start]
        return bool(_SENTENCE_START.search(before)) or line.title_case
    if kind == "upper":  # THE NORTH ATLANTIC: capitals all around
        before = _LETTERS.findall(text[max(0, start - 30) : start])[-1:]
        after = _LETTERS.findall(text[end : end + 30])[:1]
        return any(w.isupper() and len(w) > 1 for w in before + after) or line.shouted
    return False


@document_rule(
    "TYP007",
    "inconsistent-casing",
    category="typography",
    severity="info",
    options={"min-ratio": 2},
)
def inconsistent_casing(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a term written in two casings in one document (Nato and NATO).

    What it does
    Counts the casings of each word of three letters or more: capitals (NATO), title
    case (Nato) and mixed case (YouTube, Youtube). When a word appears in two of these
    and one form is used at least ``min-ratio`` times as often as the other, each
    occurrence of the minority form is reported with the dominant form as suggestion.
    Lower case is never compared: “us” and “US”, “aids” and “AIDS” are different words.

    Why it matters
    Mixed casings show text stitched together from several sources (wire copy and a
    local rewrite); a house style picks one.

    Example
        The US has rejected Russia’s demand to bar Ukraine from Nato. (...) Ukraine
        will never join NATO, NATO officials said, and NATO allies agreed.
    Use instead:
        The US has rejected Russia’s demand to bar Ukraine from NATO. (...)

    Stays silent where the casing is imposed: a capital at a sentence start, a word in a
    Title Case heading, a word inside a run of capitals (THE NORTH ATLANTIC TREATY);
    and when neither form clearly dominates (report nothing rather than the wrong one).

    Options
    - ``min-ratio``: how many times more often the dominant form must appear.

    Fix safety
    Unsafe: a different casing can be a different word (a name, a title); the
    replacement is offered, not applied.
    """
    ratio = float(ctx.options.get("min-ratio", 2))
    text = doc.text
    seen: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for span in doc.lines:
        line = _Line(span.text)
        for m in _words(text, span.start, span.end):
            word = m.group(1)
            if len(word) < 3:
                continue
            kind = shape(word)
            if kind == "lower" or _forced(text, m.start(1), m.end(1), kind, line):
                continue
            seen[word.casefold()].append((m.start(1), m.end(1), word))
    for occurrences in seen.values():
        forms = Counter(w for _, _, w in occurrences)
        if len(forms) < 2:
            continue
        (top, top_n), (_, second_n) = forms.most_common(2)
        if top_n < ratio * second_n:
            continue
        for start, end, word in occurrences:
            if word != top:
                yield ctx.report(
                    start,
                    end,
                    f"“{word}” is written “{top}” {top_n} times in this document",
                    suggestion=top,
                    replacement=top,
                    safe=False,
                )
