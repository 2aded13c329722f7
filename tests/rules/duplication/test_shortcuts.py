"""The shortcuts that make the duplication rules fast never change what they report.

Each rule decides most documents, lines or paragraphs without its full check (a cheap
necessary condition first); here every rule runs with its shortcut and with the shortcut
forced open on texts built to hit the shortcuts' edges, and the findings must be equal.
"""

from __future__ import annotations

import re

import pytest

import rules.duplication.doubled_word as doubled_word
import rules.duplication.repeated_line as repeated_line
import rules.duplication.repeated_paragraph as repeated_paragraph
import rules.duplication.repeated_phrase as repeated_phrase
from linter.document import Document
from rules.duplication.common import key_lengths, normalize
from tests.helpers import FIXTURES, run_rule

TEXTS = {
    "fixtures": "\n\n".join(
        p.read_text(encoding="utf-8")
        for code in ("DUP001", "DUP002", "DUP003", "DUP004")
        for p in (FIXTURES / code).glob("*.txt")
    ),
    "odd-white-space": "The talks\u00a0will resume in Geneva next week.\n\n"
    "The talks will  resume in\tGeneva next week.\n\n"
    "THE TALKS WILL RESUME IN GENEVA NEXT WEEK.\u200b\n\nStraße Straße strasse STRASSE was closed for the day.",
    "sentences": "He left. The talks will resume in Geneva next week. It rained. The talks will resume in "
    "Geneva  next week! “The talks will resume in Geneva next week.” Then the talks will resume in Geneva next week",
    "separator-in-text": "A\x01B. The talks will resume in Geneva next week. "
    "The talks will resume in Geneva next week.",
    "joined-words": "a state-of-the-art art show, the the-end party, o'clock clock, don’t don’t, well-known known-x",
    "odd-letters": "the ſtate ftate state ſtate, straße Straße, İstanbul i̇stanbul, \u212aing king, ² ²",
}


@pytest.mark.parametrize("name", TEXTS)
@pytest.mark.parametrize("code", ["DUP001", "DUP002", "DUP003", "DUP004"])
def test_shortcut_reports_what_the_full_check_reports(code: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXTS[name]
    fast = run_rule(code, text)
    if code == "DUP001":  # every word may start a copy
        monkeypatch.setattr(repeated_phrase, "_candidate_starts", lambda low, max_n: range(len(low)))
    elif code == "DUP002":  # every line may hold a doubled word
        monkeypatch.setattr(doubled_word, "_candidates", lambda doc: [(0, len(doc.text))])
    elif code == "DUP003":  # every line and sentence is compared, sentences always looked at
        monkeypatch.setattr(repeated_line, "_may_repeat_sentences", lambda doc, window, least: True)
        monkeypatch.setattr(repeated_line, "key_lengths", lambda doc, texts, *a, **k: [99] * len(texts))
    else:  # every paragraph's key is computed
        monkeypatch.setattr(repeated_paragraph, "key_lengths", lambda doc, texts, *a, **k: [99] * len(texts))
    assert run_rule(code, text) == fast


@pytest.mark.parametrize(
    "a,b",
    [
        ("The talks  resume.", "the talks resume"),
        ("Straße\tin Berlin", "STRASSE in berlin"),
        ("word\u200bword", "word word"),
        ("x\u00a0\u2003y ,", "X Y"),
        ("ﬁne. ", "FINE"),
    ],
)
def test_equal_keys_have_equal_key_lengths(a: str, b: str) -> None:
    doc = Document(a + "\n\n" + b)
    for trailing in ("", " .!?…:;,"):
        if normalize(a).rstrip(trailing) == normalize(b).rstrip(trailing):
            assert key_lengths(doc, [a], trailing) == key_lengths(doc, [b], trailing)


def test_normalize_is_the_regular_expression_it_replaced() -> None:
    for text in ["a  b", " a\u200b b\u3000", "ÄÖ\tß", "\u2028x\u2029", ""]:
        assert normalize(text) == re.sub(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+", " ", text).strip().casefold()


def test_key_lengths_need_no_newline_count_on_lines() -> None:
    doc = Document("one line\n\nanother line")
    assert key_lengths(doc, ["one  line"], lines=True) == key_lengths(doc, ["one line"])


@pytest.mark.parametrize("name", TEXTS)
def test_sentence_pieces_are_the_documents_sentences(name: str) -> None:
    """DUP003 splits paragraphs with the engine's sentence pattern instead of reading
    ``doc.sentences``: one piece per sentence, each the sentence less its end mark."""
    from rules.duplication.repeated_line import _CLOSERS, _SENTENCE_END, _SEPARATOR, _TRAILING

    doc = Document(TEXTS[name])
    if _SEPARATOR in doc.text:
        return
    pieces = _SENTENCE_END.sub(_SEPARATOR, _SEPARATOR.join(p.text for p in doc.paragraphs)).split(_SEPARATOR)
    strip = _TRAILING + _CLOSERS
    assert [p.strip().rstrip(strip) for p in pieces] == [s.text.rstrip(strip) for s in doc.sentences]
