"""TYP007 inconsistent-casing."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule

#: a word of letters (a possessive ’s is cut off); hyphenated compounds are left alone
_WORD = regex.compile(r"(?<![\p{L}\p{N}\-’'./@])(\p{L}{3,})(?:[’']s)?(?![\p{L}\p{N}\-@]|[./]\p{L})")
_SENTENCE_START = regex.compile(r"(?:^|\n\s*|[.!?…:][\"'”’)\]]*\s+|[\"“‘(]\s*)$")
_CAPS_NEIGHBOUR = regex.compile(r"\p{Lu}{2,}")
_LOWER_WORD = regex.compile(r"\b\p{Ll}+\b")
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


def _forced(text: str, start: int, end: int, kind: str, line: str) -> bool:
    """Is this casing imposed by position (sentence start, heading, a run of capitals)?"""
    if kind == "title":
        before = text[max(0, start - 8) : start]
        return bool(_SENTENCE_START.search(before)) or _title_case_line(line)
    if kind == "upper":  # THE NORTH ATLANTIC: capitals all around
        around = text[max(0, start - 30) : start] + " " + text[end : end + 30]
        words = [w for w in regex.findall(r"\p{L}+", around) if len(w) > 1]
        return any(w.isupper() for w in words[-2:] + words[:2]) or line.upper() == line
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
    for line in doc.lines:
        for m in _WORD.finditer(text, line.start, line.end):
            word = m.group(1)
            kind = shape(word)
            if kind == "lower" or _forced(text, m.start(1), m.end(1), kind, line.text):
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
