"""OFT001 teaser-link."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

ARTICLE = (
    "NATO rejects Russian demand\n\n"
    "The United States rejected Russia's demand to bar Ukraine from NATO on Wednesday, "
    "offering a diplomatic path instead.\n\n"
    "{teaser}\n\n"
    "Secretary of State Antony Blinken said NATO's door remained open to Ukraine and that "
    "the alliance would not bargain over its members.\n\n"
    "Russia's foreign minister said Moscow would study the American response before "
    "deciding how to answer the alliance.\n"
)

FIRES = [
    pytest.param(
        "See also\u00a0 Ozark Season 4 is going to Stream on Netflix Earlier than we Thought!",
        "error",
        id="see-also-nbsp-offtopic-headline",
    ),
    pytest.param(
        "Read Also: Russia Rejects British Claims of Efforts to Replace Ukraine President",
        "warning",
        id="read-also-colon-ontopic-headline",
    ),
    pytest.param("ALSO READ | Best budget smartphones under $300 this month", "error", id="also-read-pipe"),
    pytest.param("READ MORE: Celebrity chef opens second restaurant in Soho", "error", id="read-more-colon"),
    pytest.param("Don't miss: Blinken warns Moscow over Ukraine border troops", "warning", id="dont-miss"),
    pytest.param(
        "Recommended: NATO allies send more troops to Ukraine's neighbours", "warning", id="recommended-colon"
    ),
    pytest.param("Related: Ukraine asks NATO for air defence", "warning", id="related-colon"),
    pytest.param("MORE: Taylor Swift announces extra concert dates", "error", id="upper-more-colon"),
    pytest.param("Must Read:-", "warning", id="bare-must-read"),
    pytest.param("Recommended", "warning", id="bare-recommended"),
    pytest.param("» Read more >> Putin says Russia is open to talks with NATO", "warning", id="bullet-arrows"),
]


@pytest.mark.parametrize(("teaser", "severity"), FIRES)
def test_fires(teaser: str, severity: str) -> None:
    found = run_rule("OFT001", ARTICLE.format(teaser=teaser))
    column = 3 if teaser.startswith("» ") else 1
    assert [(f.line, f.column, str(f.severity)) for f in found] == [(5, column, severity)]


def test_message_gives_topic_distance() -> None:
    spam = run_rule("OFT001", ARTICLE.format(teaser="See also: Ten Best Air Fryers, Tested by Our Experts"))
    on_topic = run_rule("OFT001", ARTICLE.format(teaser="Read also: NATO's door stays open to Ukraine, Blinken says"))
    assert "unrelated to the article" in spam[0].message and "similarity 0.00" in spam[0].message
    assert "on the article's topic" in on_topic[0].message


def test_headline_on_the_line_below_a_bare_label() -> None:
    text = ARTICLE.format(teaser="You may also like\n\nKim Kardashian Launches a New Skincare Line")
    (f,) = run_rule("OFT001", text)
    assert (f.line, f.end_line) == (5, 7)
    assert "Kim Kardashian" in f.message and str(f.severity) == "error"


def test_fix_deletes_the_line() -> None:
    (f,) = run_rule("OFT001", ARTICLE.format(teaser="Read also: Putin meets Macron in Moscow"))
    assert f.fix is not None and f.fix.replacement == "" and not f.fix.safe


SILENT = [
    pytest.param("See also the ministry's report, which lists every border crossing.", id="see-also-in-prose"),
    pytest.param("Read more about the plan on the alliance's website, officials said.", id="read-more-lowercase"),
    pytest.param("Recommended daily troop rotations were cut to save fuel.", id="recommended-adjective"),
    pytest.param("Don't miss the point, the minister said.", id="dont-miss-idiom"),
    pytest.param("Related measures take effect next week, NATO said.", id="related-without-colon"),
    pytest.param("More: the alliance has 30 members.", id="more-not-upper"),
    pytest.param("Related Posts", id="bare-related-posts-is-BPL001"),
    pytest.param("Related Post", id="bare-related-post-is-BPL001"),
    pytest.param("You may also like the new rules, Blinken joked.", id="you-may-like-in-prose"),
]


@pytest.mark.parametrize("teaser", SILENT)
def test_stays_silent(teaser: str) -> None:
    assert run_rule("OFT001", ARTICLE.format(teaser=teaser)) == []


REFERENCE = (
    "Osmosis\n\n"
    "Osmosis is the spontaneous net movement of solvent molecules through a selectively "
    "permeable membrane from a region of high water potential to a region of low water potential.[1]\n\n"
    "Mechanism\n\n"
    "The mechanism responsible for driving osmosis has commonly been represented in biology and "
    "chemistry texts as either the dilution of water by solute or by solute attraction.[2]\n\n"
    "{tail}"
)


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param(
            "See also\n\nReverse osmosis\nOsmotic pressure\nWater potential\n\nReferences\n\n"
            "1. Borg, F. (2003). What is osmosis?\n",
            id="see-also-section-then-references",
        ),
        pytest.param("See also\n\nReverse osmosis\nOsmotic pressure\n", id="see-also-section-at-end"),
        pytest.param(
            "See also: Reverse osmosis, Osmotic pressure and Water potential\n\n"
            "Osmosis was first documented in 1748 by Jean-Antoine Nollet.\n",
            id="hatnote",
        ),
    ],
)
def test_stays_silent_on_encyclopedic_see_also(tail: str) -> None:
    assert run_rule("OFT001", REFERENCE.format(tail=tail)) == []


def test_fires_on_see_also_heading_in_a_news_article() -> None:
    text = ARTICLE.format(teaser="See also") + "\nOzark\nNetflix\n"
    assert [f.line for f in run_rule("OFT001", text)] == [5]


def test_fires_on_see_also_section_followed_by_prose_in_reference_text() -> None:
    tail = (
        "See also\n\nReverse osmosis\n\nThe membrane was later improved by Sidney Loeb and Srinivasa "
        "Sourirajan at UCLA, who made it practical for desalination plants worldwide.\n"
    )
    assert len(run_rule("OFT001", REFERENCE.format(tail=tail))) == 1


def _format(path) -> str:
    return {".md": "markdown", ".html": "html"}.get(path.suffix, "text")


def test_markdown_teaser_is_found_but_not_fixed() -> None:
    text = ARTICLE.format(teaser="**Read Also:** [Ten Best Air Fryers, Tested](https://example.com/x)")
    (f,) = run_rule("OFT001", text, format="markdown")
    assert str(f.severity) == "error" and f.fix is None and f.suggestion == "delete the teaser line"


def test_html_teaser_in_a_related_box() -> None:
    body = ARTICLE.format(teaser="").split("\n\n")
    html = "".join(f"<p>{p}</p>" for p in body if p.strip())
    html += '<div><h3>You may also like</h3><ul><li><a href="/y">Ten best air fryers for 2024</a></li></ul></div>'
    (f,) = run_rule("OFT001", html, format="html")
    assert "Ten best air fryers" in f.message and str(f.severity) == "error"


@pytest.mark.parametrize("teaser", ["Read more: Food and Drink", "Read more: Local News", "See also: Ukraine"])
def test_section_link_is_a_warning_without_distance(teaser: str) -> None:
    (f,) = run_rule("OFT001", ARTICLE.format(teaser=teaser))
    assert str(f.severity) == "warning" and "section or a tag" in f.message


def test_line_scan_finds_every_letter_the_label_pattern_does() -> None:
    """Teaser lines are looked for only where a stdlib ``re`` scan points; that is exact
    only if its case-insensitive matching of each label letter includes ``regex``'s."""
    import re
    import sys

    import regex

    from rules.offtopic.teasers import labels

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    letters = {c for lab in labels() for c in lab.pattern if c.isalpha()}
    for c in letters:
        wide = set(regex.findall(regex.escape(c), every, flags=regex.IGNORECASE))
        assert wide <= set(re.findall(re.escape(c), every, flags=re.IGNORECASE)), c


@pytest.mark.parametrize(
    "text",
    [
        "The ΟΔΟΣ.Athens trip, covid-19 and state-of-the-art X2y tests; don't stop’s",
        "İstanbul DİŞ ıi ß ẞ Σίσυφος ΣΑΣ ½ ² Ⅻ ⓐⒶ ǅ ﬁ K fine words",
        "plain words only here and there and here",
        "Café-au-lait ÜBER über Москва МОСКВА 3D x2y o'clock don’t 1990s's state’s-rights ’til",
        "well-known-well x-ray-x Re-read-re tea-for-tea",
    ],
)
def test_terms_read_off_words_equal_terms_of_the_text(text: str) -> None:
    from linter.document import Document
    from rules.offtopic.topic import DocumentTerms, term_counts

    doc = Document(text)
    terms = DocumentTerms.of(doc)
    assert terms.exact == ("Σ" not in text and "İ" not in text)
    for start, end in [(0, len(text)), (0, len(text) // 2), (len(text) // 3, len(text))]:
        if text[start - 1 : start].isalnum() or text[end : end + 1].isalnum():
            continue  # a span must not cut a word
        assert list(terms.counts([(start, end)]).items()) == list(term_counts(text[start:end]).items())
