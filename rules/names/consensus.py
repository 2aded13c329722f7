"""NAM001 minority-name-spelling: corpus consensus on how a name is spelled."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, NamedTuple

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, corpus_rule
from rules.names.extract import NameToken, capitalised_words, full_names, name_tokens
from rules.names.similarity import DEFAULT_MIN_SIMILARITY, legitimate_variants, similar
from rules.spelling.lexicon import Lexicon, lexicon_for

DOCS = "#docs"
TOKEN = "t:"  # a surname or single-word name, counted once per document
FULL = "f:"  # "First Last" of a person, counted once per document


def summarize_names(doc: Document, settings: dict[str, Any]) -> dict[str, int]:
    """``{"#docs": 1, "t:Blinken": 1, "f:Antony Blinken": 1, ...}`` for one document."""
    out = {DOCS: 1}
    for token in name_tokens(doc, settings):
        if not token.first_name:
            out[TOKEN + token.text] = 1
    for _, first, last in full_names(doc, settings):
        out[f"{FULL}{first} {last}"] = 1
    return out


class Variant(NamedTuple):
    """The form a minority spelling should probably be: its document counts."""

    form: str
    docs: int
    minority_docs: int
    legitimate: bool


class CorpusIndex:
    """The merged counts, arranged for the look-ups ``check`` makes (built once per run)."""

    def __init__(self, counts: dict[str, int], options: dict[str, Any], lexicon: Lexicon) -> None:
        self.counts = counts
        self.options = options
        self.lexicon = lexicon
        self.attested: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.firsts_by_surname: dict[str, dict[str, int]] = defaultdict(dict)
        #: every first name and surname of the run's full names
        self.person_forms: set[str] = set()
        self._variants: dict[str, Variant | None] = {}
        self._full_reported: dict[tuple[str, str], bool] = {}
        floor = int(self.options.get("min-majority-docs", 3))
        for key, n in self.counts.items():
            if key.startswith(TOKEN) and n >= floor:
                form = key[len(TOKEN) :]
                self.attested[(form[:1].casefold(), len(form))].append(form)
            elif key.startswith(FULL):
                first, _, last = key[len(FULL) :].rpartition(" ")
                self.firsts_by_surname[last][first] = n
                self.person_forms.update((first, last))

    def docs(self, form: str, prefix: str = TOKEN) -> int:
        return max(1, self.counts.get(prefix + form, 0))

    def variant(self, form: str) -> Variant | None:
        """The well-attested spelling ``form`` is a minority variant of, if any (cached).
        A dictionary word (Paul, Jordan) is a name in its own right, never a garble."""
        if form not in self._variants:
            known = self.lexicon.knows(form)
            self._variants[form] = None if known else self._find(form, TOKEN, self._candidates(form))
        return self._variants[form]

    def _candidates(self, form: str) -> list[str]:
        key = form[:1].casefold()
        return [c for n in (len(form) - 1, len(form), len(form) + 1) for c in self.attested.get((key, n), [])]

    def _find(self, form: str, prefix: str, candidates: list[str]) -> Variant | None:
        threshold = float(self.options.get("min-similarity", DEFAULT_MIN_SIMILARITY))
        ratio = float(self.options.get("min-ratio", 2))
        mine = self.docs(form, prefix)
        best: Variant | None = None
        for cand in candidates:
            theirs = self.counts.get(prefix + cand, 0)
            if theirs < ratio * mine or not similar(form, cand, self.lexicon, threshold):
                continue
            if best is None or theirs > best.docs:
                best = Variant(cand, theirs, mine, self._legitimate(form, cand, mine, theirs))
        return best

    def _legitimate(self, form: str, cand: str, mine: int, theirs: int) -> bool:
        share = float(self.options.get("legitimate-share", 0.2))
        floor = int(self.options.get("legitimate-docs", 2))
        return legitimate_variants(form, cand) or (mine >= floor and mine >= share * theirs)

    def may_report(self, text: str) -> bool:
        """Can a document of text ``text`` get a report? A necessary condition, tested before
        the name extraction so that most documents skip it. A report is of
        - a name token with a variant: every name token is one of ``capitalised_words``, whose
          variants are looked up like the tokens' (cached);
        - a full name "first last" with a variant, a full name of the run: the runner merges
          the summary of every document it checks, so the document's own full names are in
          ``firsts_by_surname`` (not so for a text the corpus never counted, such as a
          ``--fix`` round: ``check`` skips this test when ``ctx.counted`` is False). Both
          words stand in the text, the first before the last, with neither a comma nor a
          line break between them (a name's words are separated by spaces, ". " and
          particles only).
        A legitimate variant counts only with ``report-legitimate``."""
        legit = bool(self.options.get("report-legitimate", False))
        words = capitalised_words(text)
        for word in words:
            v = self.variant(word)
            if v is not None and (legit or not v.legitimate):
                return True
            for first in self.firsts_by_surname.get(word, ()):
                if first in words and self._full_name_reported(first, word, legit) and _in_one_run(text, first, word):
                    return True
        return False

    def _full_name_reported(self, first: str, last: str, legit: bool) -> bool:
        key = (first, last)
        if key not in self._full_reported:
            found = self.full_name_variant(first, last)
            self._full_reported[key] = found is not None and (legit or not found[1].legitimate)
        return self._full_reported[key]

    def full_name_variant(self, first: str, last: str) -> tuple[str, Variant] | None:
        """For a person "first last": the corpus's spelling of the full name, when the
        surname (or its majority variant) is known with a similar first name."""
        surname = last
        v = self.variant(last)
        if v is not None and not v.legitimate:
            surname = v.form
        known = self.firsts_by_surname.get(surname, {})
        if not known:
            return None
        floor = int(self.options.get("min-majority-docs", 3))
        threshold = float(self.options.get("min-similarity", DEFAULT_MIN_SIMILARITY))
        mine = self.counts.get(f"{FULL}{first} {last}", 1)
        ranked = sorted(known.items(), key=lambda kv: -kv[1])
        for cand, n in ranked:
            if surname == last and cand == first:
                continue  # the spelling as written: compare with the others
            if cand == first or similar(first, cand, None, threshold):
                legit = cand != first and legitimate_variants(first, cand)
                if surname == last and (n < floor or n < 2 * mine):
                    return None
                return surname, Variant(f"{cand} {surname}", n, mine, legit)
        return None


def _in_one_run(text: str, first: str, last: str) -> bool:
    """Does ``first`` stand before ``last`` in ``text`` with no comma nor line break between?"""
    return re.search(re.escape(first) + "[^\n,]*" + re.escape(last), text) is not None


#: one index per merged corpus value (the same object is handed to every document's check)
_INDEXES: dict[int, tuple[Any, CorpusIndex]] = {}


def corpus_index(ctx: Context) -> CorpusIndex:
    corpus = ctx.corpus or {}
    key = id(corpus)
    cached = _INDEXES.get(key)
    if cached is None or cached[0] is not corpus or cached[1].options != ctx.options:
        _INDEXES.clear()
        cached = (corpus, CorpusIndex(dict(corpus), dict(ctx.options), lexicon_for(ctx.settings)))
        _INDEXES[key] = cached
    return cached[1]


@corpus_rule(
    "NAM001",
    "minority-name-spelling",
    category="name",
    severity="error",
    options={
        "min-majority-docs": 3,
        "min-ratio": 2,
        "min-similarity": DEFAULT_MIN_SIMILARITY,
        "legitimate-docs": 2,
        "legitimate-share": 0.2,
        "report-legitimate": False,
    },
    fixable=True,
)
class MinorityNameSpelling:
    """Finds a name spelled differently from the way most documents of the run spell it.

    What it does
    Collects the proper names of every document of the run (names are capitalised words that
    are not common dictionary words, with titles and sentence openers removed; see
    ``rules/names/extract.py``) and counts, for each spelling, the documents that use it.
    A spelling is reported when another spelling of the same name is well attested: used in
    at least ``min-majority-docs`` documents and ``min-ratio`` times as many as this one
    ("Blincoln": 1 document, "Blinken": 4). Two spellings are one name when they start with
    the same letter, differ in length by at most one, have a Jaro-Winkler similarity of at
    least ``min-similarity`` and are not both dictionary words (Russia/Prussia,
    Austria/Australia are different places; Kozak/Kuleba, Peskov/Putin never come close).
    Masculine and feminine surnames (Ivanov/Ivanova) are two people, and a spelling that is
    itself a dictionary name (Paul beside São Paulo) is not a garble. First names are
    compared only inside full names whose surnames match ("Anthony Blincoln" -> "Antony
    Blinken"). A spelling that is used inside a full name is merged only with a surname the
    run also uses inside a full name with a similar first name (the person "Jordon Ibe" is
    not the country Jordan). Every occurrence is reported, so that a fix corrects them all.
    Counting is per document, not per mention: one article repeating a garbled name ten
    times does not outvote four articles. When the majority spelling appears in the same
    document, NAM002 reports it instead.

    Legitimate variants are not reported: transliterations (Dmitri/Dmitry, Sergei/Sergey,
    Kyiv/Kiev: rules/names/data/transliterations.txt) and any spelling used in at least
    ``legitimate-docs`` documents and at least ``legitimate-share`` as often as the other.
    With ``report-legitimate = true`` they are reported at info level.

    Why it matters
    Machine translation and back-transliteration garble names ("Blinken" -> "Blincoln");
    an editor reading one article cannot tell, but the other articles of the run can.

    Example
        (four other articles: "Antony Blinken")
        US Secretary of State Anthony Blincoln said the door was open. Blincoln added...
    Use instead:
        US Secretary of State Antony Blinken said the door was open. Blinken added...

    Options
    - ``min-majority-docs`` (3): documents the majority spelling needs.
    - ``min-ratio`` (2): how many times more documents the majority spelling needs.
    - ``min-similarity`` (0.86): Jaro-Winkler threshold.
    - ``legitimate-docs`` (2) and ``legitimate-share`` (0.2): when a minority spelling is
      common enough to be a legitimate variant.
    - ``report-legitimate`` (false): report legitimate variants at info level.

    Fix safety
    Unsafe: the majority is usually right, but the editor must confirm it is the same person.
    """

    @staticmethod
    def initial() -> dict[str, int]:
        return {}

    @staticmethod
    def summarize(doc: Document, ctx: Context) -> dict[str, int]:
        return summarize_names(doc, ctx.settings)

    @staticmethod
    def merge(merged: dict[str, int], summary: dict[str, int]) -> dict[str, int]:
        for key, n in summary.items():
            merged[key] = merged.get(key, 0) + n
        return merged

    @staticmethod
    def check(doc: Document, ctx: Context) -> Iterator[Report]:
        index = corpus_index(ctx)
        if index.counts.get(DOCS, 0) < 2:
            return
        if ctx.counted and not index.may_report(doc.text):
            return  # most documents: no name of theirs can be reported, no extraction needed
        tokens = name_tokens(doc, ctx.settings)
        in_doc = {t.text for t in tokens}
        full = {id(m): (first, last) for m, first, last in full_names(doc, ctx.settings)}
        # only a spelling with a variant, or a token of a full name, can be reported
        varied = {text for text in in_doc if index.variant(text) is not None}
        for token in tokens:
            if token.text not in varied and id(token.mention) not in full:
                continue
            report = _check_token(token, index, in_doc, full, ctx, doc.text)
            if report is not None:
                yield report


def _check_token(
    token: NameToken,
    index: CorpusIndex,
    in_doc: set[str],
    full: dict[int, tuple[str, str]],
    ctx: Context,
    text: str,
) -> Report | None:
    mention = token.mention
    name = full.get(id(mention))
    if token.first_name:
        return None  # judged with its surname
    if name is not None and token.end == mention.end:
        report = _check_full_name(mention.start, token, name, index, in_doc, ctx, text)
        if report is not None:
            return report
    v = index.variant(token.text)
    if v is None or v.form in in_doc:
        return None
    in_full_name = any(token.text in (first, last) for first, last in full.values())
    if in_full_name and v.form not in index.person_forms:
        return None  # a person here, something else (a place?) in the other documents
    return _report(ctx, token.start, token.end, token.text, v)


def _check_full_name(
    start: int,
    token: NameToken,
    name: tuple[str, str],
    index: CorpusIndex,
    in_doc: set[str],
    ctx: Context,
    text: str,
) -> Report | None:
    first, last = name
    found = index.full_name_variant(first, last)
    if found is None:
        return None
    surname, v = found
    if surname != last and surname in in_doc:
        return None  # the document also has the majority spelling: NAM002's case
    if surname == last:  # only the first name differs: flag the first name
        first_form = v.form.rsplit(" ", 1)[0]
        return _report(
            ctx, start, start + len(first), first, Variant(first_form, v.docs, v.minority_docs, v.legitimate)
        )
    return _report(ctx, start, token.end, text[start : token.end], v)


def _report(ctx: Context, start: int, end: int, written: str, v: Variant) -> Report | None:
    if v.legitimate and not ctx.options.get("report-legitimate", False):
        return None
    counts = f"{v.docs} documents of this run write “{v.form}”, {v.minority_docs} “{written}”"
    if v.legitimate:
        message = f"“{written}” is also spelled “{v.form}” ({counts})"
        return ctx.report(start, end, message, suggestion=v.form, severity="info")
    message = f"“{written}” looks like a garbled “{v.form}” ({counts})"
    return ctx.report(start, end, message, replacement=v.form)
