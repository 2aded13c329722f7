"""TYP007 inconsistent-casing."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import filterfalse
from operator import itemgetter
from types import SimpleNamespace
from typing import Any

import regex

from linter.document import Document, Span
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.encoding.views import unusual_chars, word_set

#: a word of letters (a possessive ’s is cut off); hyphenated compounds are left alone
_BEFORE = r"(?<![\p{L}\p{N}\-’'./@])"
_AFTER = r"(?:[’']s)?(?![\p{L}\p{N}\-@]|[./]\p{L})"


@cache
def _patterns() -> SimpleNamespace:
    """Compiled for the first text with a word in two casings, not at start-up."""
    return SimpleNamespace(
        # a word starting with a capital (lower case is never compared, and skipping it is fast)
        capitalised=regex.compile(_BEFORE + r"(\p{Lu}\p{L}*)" + _AFTER),
        # a capital inside a word that starts in lower case (iPhone, eBay): rare, found separately
        inner_capital=regex.compile(r"(?<=\p{Ll})\p{Lu}"),
        lower_start=regex.compile(_BEFORE + r"(\p{Ll}+\p{Lu}\p{L}*)" + _AFTER),
        sentence_start=regex.compile(r"(?:^|\n\s*|[.!?…:][\"'”’)\]]*\s+|[\"“‘(]\s*)$"),
        letters=regex.compile(r"\p{L}+"),
        # the same, searched backwards: the last run of letters before a position
        letters_before=regex.compile(r"(?r)\p{L}+"),
        lower_word=regex.compile(r"\b\p{Ll}+\b"),
    )


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
    if any(m.group() not in _SMALL for m in _patterns().lower_word.finditer(line)):
        return False  # stops at the first lower-case word that is not a small one
    return not line.rstrip().endswith((".", "?", "!")) or len(line) < 90


def _words(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """Words with a capital in ``text[start:end]``, in no particular order."""
    rx = _patterns()
    yield from rx.capitalised.finditer(text, start, end)
    done = -1
    for inner in rx.inner_capital.finditer(text, start, end):
        if inner.start() < done:
            continue
        word_start = inner.start()
        while word_start > start and text[word_start - 1].isalpha():
            word_start -= 1
        m = rx.lower_start.match(text, word_start, end)
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
        return bool(_patterns().sentence_start.search(before)) or line.title_case
    if kind == "upper":  # THE NORTH ATLANTIC: capitals all around
        rx = _patterns()
        # the nearest letters before (the last run in the 30 characters) and after
        before = rx.letters_before.search(text, max(0, start - 30), start)
        after = rx.letters.search(text, end, end + 30)
        return any(m and m.group().isupper() and len(m.group()) > 1 for m in (before, after)) or line.shouted
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
    occurrences: Iterable[tuple[Span, Any]] | None = _occurrences(doc)
    if occurrences is None:  # the straightforward scan of every line
        occurrences = ((span, m) for span in doc.lines for m in _words(text, span.start, span.end))
    lines: dict[int, _Line] = {}
    for span, m in occurrences:
        line = lines.get(span.start)
        if line is None:
            line = lines[span.start] = _Line(span.text)
        word = m.group(1)
        if len(word) < 3:
            continue
        kind = shape(word)
        if kind == "lower" or _forced(text, m.start(1), m.end(1), kind, line):
            continue
        seen[word.casefold()].append((m.start(1), m.end(1), word))
    for occurrences_of in seen.values():
        forms = Counter(w for _, _, w in occurrences_of)
        if len(forms) < 2:
            continue
        (top, top_n), (_, second_n) = forms.most_common(2)
        if top_n < ratio * second_n:
            continue
        for start, end, word in occurrences_of:
            if word != top:
                yield ctx.report(
                    start,
                    end,
                    f"“{word}” is written “{top}” {top_n} times in this document",
                    suggestion=top,
                    replacement=top,
                    safe=False,
                )


def _occurrences(doc: Document) -> list[tuple[Span, Any]] | None:
    """The words ``_words`` finds on every line whose case-folding is shared by two
    different words, in the order the line by line scan meets them; None when the
    shortcut does not apply.

    Only a word written in two forms can be reported. A word the patterns find is the
    part before any apostrophe of a word of ``doc.words`` (the patterns stop at what ends
    a token there, and never start inside one), so the forms are looked for among those
    (a set of a few hundred), and only their occurrences are checked with the patterns.
    None when a character of the text is a letter or digit to one of Python and
    ``regex`` but not to the other, which could move a word's edges.
    """
    if any(map(_odd, unusual_chars(doc))):
        return None
    # the words with a capital, and the part before any apostrophe ("NATO’s", "O’Brien") of
    # those that are not all letters (the only ones with an apostrophe)
    capitals = list(filterfalse(str.islower, word_set(doc)))
    heads = set(filter(str.isalpha, capitals))
    for word in filterfalse(str.isalpha, capitals):
        if "'" in word or "’" in word:
            head = word.replace("’", "'").partition("'")[0]
            if head.isalpha():
                heads.add(head)
    candidates = [w for w in heads if len(w) >= 3]
    folded = list(map(str.casefold, candidates))
    if len(set(folded)) == len(folded):
        return []  # no word has two forms: the common case
    twice = {k for k, n in Counter(folded).items() if n > 1}
    shared = sorted(w for w, k in zip(candidates, folded, strict=True) if k in twice)
    text = doc.text
    lines = doc.lines
    starts = list(map(itemgetter(0), lines))
    rx = _patterns()
    found = []
    for form in shared:
        inner = not form[0].isupper()
        pattern = rx.lower_start if inner else rx.capitalised
        at = text.find(form)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            line = lines[index]
            m = pattern.match(text, at, line.end)
            # a word starting in lower case is found from its first inner capital, walking
            # back over letters to the line's start or a non-letter
            if m and m.group(1) == form and (not inner or at == line.start or not text[at - 1].isalpha()):
                found.append((index, inner, at, m))
            at = text.find(form, at + 1)
    found.sort(key=lambda x: x[:3])  # line by line; capitalised words, then inner capitals
    return [(lines[index], m) for index, _, _, m in found]


_ODD: dict[str, bool] = {}


def _odd(c: str) -> bool:
    """Is this character a letter, or a letter or digit, to only one of Python and ``regex``?"""
    odd = _ODD.get(c)
    if odd is None:
        letter = regex.match(r"\p{L}", c) is not None
        digit = regex.match(r"\p{N}", c) is not None
        odd = _ODD[c] = c.isalpha() != letter or (c.isalnum() and not (letter or digit))
    return odd
