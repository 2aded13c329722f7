"""The proper-name extractor, measured on seed 003 (every person mention must be found)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.document import Document
from rules.names.extract import capitalised_words, full_names, mentions, name_tokens

SEED_003 = Path(__file__).parents[3] / "seeds" / "003_12a97b863d5565b3.txt"

#: every person mention of seed 003, in order (hand-annotated): 17
PERSONS_003 = [
    "Anthony Blincoln",  # line 11
    "Anthony Blincoln",  # line 15
    "Blincoln",  # 17 Secretary Blincoln made
    "Blincoln",  # 19 Blincoln’s response
    "Blincoln",  # 19 Blincoln’s remarks
    "Blincoln",  # 27
    "Blincoln",  # 29
    "Blincoln",  # 31
    "Blincoln",  # 33
    "Blincoln",  # 37
    "Blincoln",  # 41
    "Jens Stoltenberg",  # 43
    "Sergei Lavrov",  # 49
    "Stoltenberg",  # 49
    "Stoltenberg",  # 51
    "Lavrov",  # 51
    "Dmitry Kozak",  # 57
]


def test_all_person_mentions_of_seed_003_are_found() -> None:
    doc = Document(SEED_003.read_text(encoding="utf-8"))
    persons = [m for m in mentions(doc) if m.kind == "person"]
    assert [m.text(doc.text) for m in persons] == PERSONS_003
    for m in persons:  # offsets point at the name itself
        assert doc.text[m.start : m.end] == m.text(doc.text)
        assert not doc.text[m.end : m.end + 1].isalpha()


def test_titles_are_split_off_and_recorded() -> None:
    text = "NATO Secretary-General Jens Stoltenberg met Russian Foreign Minister Sergei Lavrov."
    doc = Document(text)
    found = {m.text(text): (m.kind, m.title) for m in mentions(doc)}
    assert found["Jens Stoltenberg"] == ("person", "Secretary-General")
    assert found["Sergei Lavrov"] == ("person", "Foreign Minister")
    assert found["NATO"][0] == "acronym"
    assert "Secretary-General" not in " ".join(found)


@pytest.mark.parametrize(
    "text,name",
    [
        ("She met Ursula von der Leyen in Brussels.", "Ursula von der Leyen"),
        ("The books of J. K. Rowling sold well.", "J. K. Rowling"),
        ("Mr. Blinken left early.", "Blinken"),
        ("They quoted Jean-Luc Mélenchon at length.", "Jean-Luc Mélenchon"),
        ("Analysts cited Conor O'Brien on the issue.", "Conor O'Brien"),
    ],
    ids=["particles", "initials", "title-with-period", "hyphenated-first-name", "apostrophe-name"],
)
def test_multi_word_names(text: str, name: str) -> None:
    assert name in [m.text(text) for m in mentions(Document(text))]


def test_sentence_openers_are_not_names() -> None:
    text = "Separately, the talks ended. However Moscow disagreed. The Kremlin said no."
    found = [m.text(text) for m in mentions(Document(text))]
    assert found == ["Moscow", "Kremlin"]


def test_possessive_is_outside_the_mention() -> None:
    text = "Blinken’s response was read by Lavrov's staff."
    assert [m.text(text) for m in mentions(Document(text))] == ["Blinken", "Lavrov"]


def test_name_tokens_skip_titles_acronyms_and_common_words() -> None:
    text = "US Secretary of State Antony Blinken met the Ukraine Crisis group."
    words = [t.text for t in name_tokens(Document(text))]
    assert words == ["Antony", "Blinken", "Ukraine"]


def test_full_names_give_first_and_last() -> None:
    text = "Dmitri Kozak and Dmytro Kuleba met; Kozak spoke first."
    assert [(f, last) for _, f, last in full_names(Document(text))] == [
        ("Dmitri", "Kozak"),
        ("Dmytro", "Kuleba"),
    ]


def _texts() -> list[str]:
    root = Path(__file__).parents[3]
    paths = sorted(root.glob("seeds/*.txt")) + sorted(root.glob("tests/fixtures/*/*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths] + [
        "President Grant Bill met Bill. The Hague, J. K. Rowling and Mr. Blinken’s aide Ursula von der Leyen.",
        "Anti-Kremlin protests; NATO-Russia talks. In New York, Secretary Blincoln said Blincoln would go.",
    ]


def _names(doc: Document) -> tuple[list, list]:
    tokens = [
        (t.start, t.end, t.text, t.first_name, t.mention.start, t.mention.end, t.mention.is_full_name)
        for t in name_tokens(doc)
    ]
    people = [(m.start, m.end, first, last, m.title, m.kind) for m, first, last in full_names(doc)]
    return tokens, people


def test_name_rules_see_the_names_of_every_mention() -> None:
    """name_tokens and full_names look only at runs holding a title or an uncommon word:
    they give what every mention gives."""
    for text in _texts():
        everything = Document(text)
        mentions(everything)  # then the name rules use all the mentions
        assert _names(Document(text)) == _names(everything)


def test_capitalised_words_hold_every_name_word() -> None:
    """NAM001 skips a document none of whose capitalised words can be reported: every name
    token, first name and surname must be among them, however the text around it looks."""
    tricky = [
        "Blincoln’s aide, Blincoln's driver, @Blincoln2024, Blincoln_x and the Blincoln-Lavrov talks.",
        "Conan O’Brien, Jose\u0301 Ferreira and Сергей Шойгу met ZÜRICH-based NATO-Russia envoys.",
        "Anthony J. Blinken and Ursula von der Leyen met the U.S. delegation in Zürich.",
    ]
    for text in [*_texts(), *tricky]:
        doc = Document(text)
        words = capitalised_words(doc.text)
        assert {t.text for t in name_tokens(doc)} <= words
        assert {w for _, first, last in full_names(doc) for w in (first, last)} <= words


def test_capitalised_words_leave_out_acronyms_but_not_hyphen_parts() -> None:
    words = capitalised_words("NATO and the U.S. met ZÜRICH officials over NATO-Russia and Russia-Ukraine.")
    assert words == {"NATO-Russia", "NATO", "Russia", "Russia-Ukraine", "Ukraine"}
