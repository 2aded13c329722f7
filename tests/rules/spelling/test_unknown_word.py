"""SPL002 unknown-word, and the en-US / en-GB dictionaries."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "SPL002"
GB = {"language": "en-GB"}

FIRES = {
    "typo-our": ("NATO’s door is open and that is oue commitment.", "oue", "our"),
    "typo-in-hyphenated": ("It is a well-knowm fact.", "knowm", "known"),
    "typo-beside-british-word": ("The colour of the flaag.", "flaag", "flag"),
}

SILENT = {
    "plain-prose": "The alliance said its door remains open to new members.",
    "names-are-not-judged": "Secretary Blincoln met Mr Kozak in Paris.",
    "acronyms": "NATO and the OSCE met the UNHCR.",
    "url": "Read it at https://www.example.org/cpsprodpb/news.webp today.",
    "email-and-hashtag": "Write to press@example.org or follow #ukrainecrisis now.",
    "digits": "The 240w and 4k versions, 3rd edition.",
    "regular-plural-missing-from-list": "The dialogs in Paris were not simple.",
    "contraction": "There’ll be talks, and we’ll see.",
    "british-in-us": "Ukraine’s defences, anti-armour weapons and its neighbour.",
    "foreign-quote": "He quoted the motto “nisi dominus frustra wyrdeth ond ealdod” at length.",
    "foreign-phrase": "It has a certain je ne sais quoi, and his joie de vivre shows.",
    "elision": "He shrugged: c'est la vie in politics.",
    "diacritics": "She spoke of ações concretas at the meeting.",
    "short-quotation": "«On verra», one owner said; another said “yalla” and left.",
    "other-script": "The word спецоперация was banned.",
    "code-sentence": "A variable declared with const cannot be reassigned: const rate = 0.2; is common.",
    "html-entity": "Editors use the &nbsp; entity.",
    "clipped-compound-part": "She wore a floral co-ord set.",
    "replacement-character": "Caf\ufffd owners and caf\ufffd staff met.",
}


@pytest.mark.parametrize("text,word,first", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, word: str, first: str | None) -> None:
    (f,) = run_rule(CODE, text)
    assert text[f.start : f.end] == word
    assert str(f.severity) == "warning"
    if first:
        assert f.suggestion == first
        assert f.fix is not None and not f.fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_house_vocabulary_accepts_a_term() -> None:
    text = "We ship copydesk today, and later this year we add grafana."
    assert [text[f.start : f.end] for f in run_rule(CODE, text)] == ["copydesk", "grafana"]
    settings = {"vocabulary": {"accept": ["copydesk", "Grafana"]}}
    assert [text[f.start : f.end] for f in run_rule(CODE, text, settings=settings)] == ["grafana"]


@pytest.mark.parametrize("word", ["defence", "armour", "neighbour", "colour", "organisation"])
def test_en_gb_accepts_british(word: str) -> None:
    assert run_rule(CODE, f"The {word} was fine.", settings=GB) == []


@pytest.mark.parametrize("word", ["defense", "armor", "neighbor", "color", "organization"])
def test_en_us_accepts_american(word: str) -> None:
    assert run_rule(CODE, f"The {word} was fine.") == []


def test_regional_report_option_en_us() -> None:
    text = "Ukraine’s defences and anti-armour weapons."
    found = run_rule(CODE, text, options={"regional": "report"})
    assert [(text[f.start : f.end], f.suggestion, str(f.severity)) for f in found] == [
        ("defences", "defenses", "info"),
        ("armour", "armor", "info"),
    ]


def test_regional_report_option_en_gb() -> None:
    text = "The color of the armor."
    found = run_rule(CODE, text, options={"regional": "report"}, settings=GB)
    assert [(text[f.start : f.end], f.suggestion) for f in found] == [
        ("color", "colour"),
        ("armor", "armour"),
    ]


def test_en_gb_dictionary_still_catches_typos() -> None:
    (f,) = run_rule(CODE, "That is oue commitment.", settings=GB)
    assert f.suggestion == "our"
