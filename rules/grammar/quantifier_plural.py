"""GRM003 singular-after-plural-quantifier."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule

if TYPE_CHECKING:
    from rules.spelling.lexicon import Lexicon

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data" / "plural_frames.toml"
_NUMBERS = r"(?:[Tt]ens|[Dd]ozens|[Ss]cores|[Hh]undreds|[Tt]housands|[Mm]illions|[Bb]illions)"
_ONE_OF = r"[Oo]ne of (?:the|his|her|its|their|our|these|those)"


@cache
def _frame() -> regex.Pattern[str]:
    """ "tens of thousands of troop", "one of the reason"; the noun and what follows it
    (compiled for the first text that holds a frame word)."""
    return regex.compile(
        rf"\b(?P<frame>{_NUMBERS} of (?:{_NUMBERS.lower()} of )?|{_ONE_OF} )"
        r"(?P<noun>\p{Ll}+)(?=(?P<after>[ \t]+\p{L}+\b|[ \t]*[.,;:!?)]|[ \t]*$))",
        regex.V1 | regex.MULTILINE,
    )


#: a literal every frame holds, and where the frame starts relative to it ("tens of " holds
#: "ens of " one character in); each frame word has one
_FRAME_LITERALS = (
    ("ens of ", 1),  # tens of
    ("ozens of ", 1),  # dozens of
    ("cores of ", 1),  # scores of
    ("undreds of ", 1),  # hundreds of
    ("ousands of ", 2),  # thousands of
    ("illions of ", 1),  # millions of, billions of
    ("ne of ", 1),  # one of
)


def _frames(text: str) -> Iterator[Any]:
    """``_frame().finditer(text)``, with the pattern tried only where a frame word stands (its
    literal found with ``str.find``, in C), never inside the previous match."""
    starts = set()
    for literal, back in _FRAME_LITERALS:
        i = text.find(literal)
        while i >= 0:
            if i >= back:
                starts.add(i - back)
            i = text.find(literal, i + 1)
    if not starts:
        return  # no frame word: the pattern is not even compiled
    frame = _frame()
    last = 0
    for start in sorted(starts):
        if start >= last:
            m = frame.match(text, start)
            if m is not None:
                last = m.end()
                yield m


@lru_cache(maxsize=1)
def _data() -> dict[str, frozenset[str]]:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return {key: frozenset(value) for key, value in data.items()}


def plural_of(noun: str, lexicon: Lexicon) -> str | None:
    """The dictionary's plural of a singular count noun (troop -> troops), else None."""
    if noun.endswith("s") or not lexicon.is_noun(noun):
        return None
    forms = [noun + "s", noun + "es"]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        forms.insert(0, noun[:-1] + "ies")
    return next((f for f in forms if lexicon.knows(f)), None)


def _judged(m: Any, data: dict[str, frozenset[str]]) -> bool:
    noun, after = m.group("noun"), m.group("after").strip()
    if noun in data["invariant"] or (after[:1].isalpha() and after.lower() not in data["followers"]):
        return False
    if m.group("frame")[0] in "Oo":
        return noun not in data["one-of-exceptions"] and not noun.endswith("est")
    return True


@document_rule("GRM003", "singular-after-plural-quantifier", category="grammar", severity="warning", fixable=True)
def singular_after_plural_quantifier(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a singular noun where the frame needs a plural ("tens of thousands of troop").

    What it does
    Reports a singular count noun after "dozens/hundreds/thousands/millions of" (also "tens
    of thousands of") and after "one of the/his/their...", with the dictionary's plural as the
    fix. To stay precise it judges the noun only when the next word is a closed-class word
    (a preposition, an auxiliary, a relative pronoun: "troop to", "reason is") or punctuation,
    so an adjective ("thousands of new jobs") is never taken for the noun; nouns that are
    plural already or uncountable ("people", "police", "staff", "equipment") and idioms ("one
    of the family", "one of the best") are listed in ``rules/grammar/data/plural_frames.toml``.
    A noun counts as one when the Hunspell dictionary lets it take a possessive and knows its
    plural.

    Why it matters
    Missing plural endings are typical of machine translation from languages without them
    and of hurried rewriting; they read as a beginner's mistake.

    Example
        Russia sent tens of thousands of troop to Ukraine’s border.
    Use instead:
        Russia sent tens of thousands of troops to Ukraine’s border.

    Fix safety
    Unsafe: the plural is almost always meant, but the editor should read the sentence.
    """
    data = lexicon = None  # loaded for the first frame: most texts have none
    for m in _frames(doc.text):
        if data is None:
            data = _data()
        if not _judged(m, data):
            continue
        if lexicon is None:
            from rules.spelling.lexicon import lexicon_for  # the spelling family loads on demand

            lexicon = lexicon_for(ctx.settings)
        plural = plural_of(m.group("noun"), lexicon)
        if plural is None:
            continue
        frame = m.group("frame").strip()
        yield ctx.report(
            m.start("noun"),
            m.end("noun"),
            f"“{m.group('noun')}” after “{frame}”: the plural “{plural}”",
            replacement=plural,
        )
