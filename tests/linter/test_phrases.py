"""Phrase-list rules: every data file's examples hold, and bad files fail clearly."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import rules
from linter import phrases
from linter.document import Document
from linter.phrases import PhraseListError, load_phrase_file, parse_phrase_list
from linter.rule import Context, collect
from tests.helpers import FIXTURES, run_rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PHRASE_FILES = sorted(p for folder in rules.__path__ for p in Path(folder).glob("*/*.toml"))


def examples(kind: str) -> list:
    out = []
    for path in PHRASE_FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, line in enumerate(data.get("examples", {}).get(kind, [])):
            out.append(pytest.param(data["code"], line, id=f"{data['code']}-{kind}-{i}"))
    return out


def test_every_phrase_list_has_examples_of_both_kinds() -> None:
    assert PHRASE_FILES, "no phrase lists found"
    for path in PHRASE_FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data.get("examples", {}).get("bad"), f"{path.name}: no bad examples"
        assert data.get("examples", {}).get("good"), f"{path.name}: no good examples"


@pytest.mark.parametrize(("code", "line"), examples("bad"))
def test_bad_examples_fire(code: str, line: str) -> None:
    assert run_rule(code, line + "\n"), f"{code} stayed silent on {line!r}"


@pytest.mark.parametrize(("code", "line"), examples("good"))
def test_good_examples_stay_silent(code: str, line: str) -> None:
    found = run_rule(code, line + "\n")
    assert not found, f"{code} fired on {line!r}: {found[0].message}"


MINIMAL = {
    "code": "BPL999",
    "name": "test-list",
    "category": "boilerplate",
    "severity": "warning",
    "kind": "existence",
    "scope": "text",
    "ignore-case": True,
    "word-boundary": True,
    "message": "found {match}",
    "fix": "none",
    "safe": False,
    "what": "w",
    "why": "y",
    "fix-safety": "f",
    "patterns": [{"pattern": "subscribe now"}],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"kind": "maybe"}, "kind = 'maybe'", id="bad-kind"),
        pytest.param({"category": "style"}, "unknown category 'style'", id="bad-category"),
        pytest.param({"patterns": [{"pattern": "(unclosed"}]}, "invalid regex", id="bad-regex"),
        pytest.param({"patterns": []}, "patterns", id="no-patterns"),
        pytest.param({"code": "bad"}, "rule code 'bad'", id="bad-code"),
    ],
)
def test_invalid_phrase_lists_name_the_file(change: dict, message: str) -> None:
    with pytest.raises(PhraseListError) as info:
        parse_phrase_list("lists/x.toml", {**MINIMAL, **change})
    assert "lists/x.toml" in str(info.value) and message in str(info.value)


def test_missing_keys_are_listed() -> None:
    data = dict(MINIMAL)
    del data["why"]
    with pytest.raises(PhraseListError, match="missing key.*why"):
        parse_phrase_list("x.toml", data)


def test_invalid_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("code = \n", encoding="utf-8")
    with pytest.raises(PhraseListError, match="broken.toml"):
        load_phrase_file(path)


def test_line_scope_delete_fix_removes_the_line_break() -> None:
    [finding] = run_rule("BPL001", "Body text.\nLeave a Reply\nMore text.\n")
    assert (finding.line, finding.column, finding.end_column) == (2, 1, 14)
    assert finding.fix is not None and finding.fix.replacement == "" and finding.fix.safe
    text = "Body text.\nLeave a Reply\nMore text.\n"
    assert text[: finding.fix.start] + text[finding.fix.end :] == "Body text.\nMore text.\n"


import pytest as _pytest  # noqa: E402


@_pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        _pytest.param("Body.\n\nLeave a Reply\n", "text", "Body.\n", id="last-line-after-blank"),
        _pytest.param("A.\n\nLeave a Reply\n\nB.\n", "text", "A.\n\nB.\n", id="between-paragraphs"),
        _pytest.param("A.\r\nLeave a Reply\r\nB.\r\n", "text", "A.\r\nB.\r\n", id="crlf"),
        _pytest.param("A.\n\n**Leave a Reply**\n\nB.\n", "markdown", "A.\n\nB.\n", id="markdown-markup-too"),
    ],
)
def test_line_delete_removes_whole_source_lines(text: str, fmt: str, expected: str) -> None:
    [finding] = run_rule("BPL001", text, format=fmt)
    assert finding.fix is not None and finding.fix.safe
    assert text[: finding.fix.start] + text[finding.fix.end :] == expected


# -- needles: the literal strings a pattern's every match contains ---------------------------

RULE_FILES = {tomllib.loads(p.read_text(encoding="utf-8"))["code"]: p for p in PHRASE_FILES}


def fresh_list(code: str) -> phrases.PhraseList:
    """A phrase list as loaded for a run (nothing compiled yet)."""
    path = RULE_FILES[code]
    return parse_phrase_list(str(path), tomllib.loads(path.read_text(encoding="utf-8")), validate=False)


def spans(plist: phrases.PhraseList, text: str) -> list[tuple[int, int, str]]:
    return [(r.start, r.end, r.message) for r in collect(phrases.run_phrase_list(plist, Document(text), Context()))]


@pytest.mark.parametrize(
    ("pattern", "ignore_case", "expected"),
    [
        pytest.param("subscribe now", True, [("subscribe now",)], id="literal"),
        pytest.param("Subscribe NOW", True, [("subscribe now",)], id="lowered-for-ignore-case"),
        pytest.param("Subscribe NOW", False, [("Subscribe NOW",)], id="kept-for-case-sensitive"),
        pytest.param("you are here:?", True, [("you are here",)], id="optional-part-left-out"),
        pytest.param(r"\d+ comments?", True, [(" comment",)], id="repeat-applies-to-last-character"),
        pytest.param(
            "(?:leave a (?:reply|comment)|post a comment)[.:!]?",
            True,
            [("leave a comment", "leave a reply", "post a comment")],
            id="branches-joined",
        ),
        pytest.param("related (?:posts?|articles?)|related", True, [("related",)], id="longer-needle-dropped"),
        pytest.param("ab[Yy]cd", False, [("abYcd", "abycd")], id="set-of-letters"),
        pytest.param("[Tt]he end", True, [("the end",)], id="set-folded"),
        pytest.param("[Tt]he end", False, [("he end",), ("The end", "the end")], id="one-needle-first"),
        pytest.param(
            r"(?m)^[ \t]*(?:photo|picture|image) (?:author|authors|by),",
            True,
            [("image ", "photo ", "picture "), (" author,", " authors,", " by,")],
            id="two-sets-both-needed",
        ),
        pytest.param("(?:abcd)+ then (?:xyz)*", False, [(" then ",), ("abcd",)], id="repeat-at-least-once"),
        pytest.param(
            r"United State(?<=\b[Tt]he United State)(?![\p{L}’'])", False, [("United State",)], id="lookaround"
        ),
        pytest.param("ab{2}c", False, [("abbc",)], id="counted-repeat"),
        pytest.param(r"\pLxyzw", False, [("xyzw",)], id="short-unicode-class"),
        pytest.param(r"click to share on \p{L}+", True, [("click to share on ",)], id="unicode-class"),
        pytest.param("Légende image", False, [("Légende image",)], id="non-ascii-case-sensitive"),
        pytest.param("(?i:hello) there", False, [(" there",)], id="scoped-flags-not-followed"),
        pytest.param("Légende image", True, [("légende image",)], id="non-ascii-ignore-case"),
        pytest.param("(?m)^(?:사진 설명|画像説明)[,，]?", True, [("画像説明", "사진 설명")], id="caseless-scripts"),
        pytest.param("Подпись к ФОТО", True, [("подпись к фото",)], id="cyrillic-lowered"),
        pytest.param(r"(?:like )?loading(?:\.\.\.|…)", True, [("loading",)], id="ascii-needles-first"),
        pytest.param("θέμα|λόγος", False, [("θέμα", "λόγος")], id="greek-case-sensitive"),
    ],
)
def test_needles(pattern: str, ignore_case: bool, expected: list[tuple[str, ...]]) -> None:
    assert phrases.necessary_literals(pattern, ignore_case) == tuple(expected)


@pytest.mark.parametrize(
    ("pattern", "ignore_case"),
    [
        pytest.param("λόγος", True, id="final-sigma"),
        pytest.param("θέμα", True, id="theta-pairs-with-theta-symbol"),
        pytest.param("µg dose|mg dose", True, id="micro-sign-pairs-with-mu"),
        pytest.param("İstanbul", True, id="dotted-capital-i-lowers-to-two-characters"),
        pytest.param("ab\ua7cbcd", True, id="unknown-to-python-known-to-regex"),
        pytest.param("(?:a1|b2|c3|d4|e5|f6)", False, id="too-many-strings"),
        pytest.param(r"\w+ is", False, id="short-word-not-worth-a-scan"),
        pytest.param("(?:hello){e<=1}", False, id="fuzzy-matching"),
        pytest.param(r"(\w+) \1 again", False, id="back-reference"),
        pytest.param("[[:alpha:]]+ing", False, id="posix-class"),
        pytest.param("(?i)hello", False, id="ignore-case-flag-in-case-sensitive-list"),
        pytest.param("(?x) h e l l o", False, id="verbose-flag"),
        pytest.param(r"\mword\M", False, id="regex-only-escape"),
        pytest.param("(?i:hello)", False, id="scoped-flags"),
        pytest.param("(?:ly)?", False, id="optional"),
        pytest.param("(unbalanced", False, id="unbalanced"),
        pytest.param("[]abc] x", False, id="set-starting-with-bracket"),
    ],
)
def test_no_needles(pattern: str, ignore_case: bool) -> None:
    assert phrases.necessary_literals(pattern, ignore_case) is None


def test_every_match_of_a_shipped_pattern_holds_one_of_its_needles() -> None:
    """On the lists' own bad examples, whatever a pattern matches contains a needle."""
    checked = 0
    for code in RULE_FILES:
        plist = fresh_list(code)
        for line in plist.spec["examples"]["bad"]:
            for i, needles in enumerate(plist.needles()):
                for m in plist.regex(i).finditer(line):
                    if m.group() and needles is not None:
                        matched = m.group().lower() if plist.spec["ignore-case"] else m.group()
                        for found in needles:
                            assert any(n in matched for n in found), (code, plist.phrases[i].pattern, line)
                        checked += 1
    assert checked > 50


def test_unusual_case_holds_every_character_an_ascii_letter_matches_under_another_lower() -> None:
    import regex

    everything = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    matched = set(regex.findall(r"[\x00-\x7f]", everything, regex.IGNORECASE | regex.V0))
    ascii_chars = [chr(c) for c in range(0x80)]
    odd = {
        c
        for c in matched
        for a in ascii_chars
        if regex.fullmatch(regex.escape(a), c, regex.IGNORECASE | regex.V0) and c.lower() != a.lower()
    }
    assert "\u212a" in matched and "\u212a" not in odd  # the Kelvin sign lowers to k: no problem
    assert odd <= set(phrases.UNUSUAL_CASE)


def _case_classes() -> dict[str, list[str]]:
    """Every character with a case partner, and the characters regex's IGNORECASE (VERSION0,
    as the lists use) pairs it with, read off every code point."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    # regex's own case properties and Python's case mappings (regex's Unicode data is newer)
    cased = set(regex.findall(r"[\p{Cased}\p{CWCF}\p{CWCM}\p{CWL}\p{CWU}\p{CWT}]", everything))
    cased |= {c for c in everything if c.lower() != c or c.upper() != c or c.casefold() != c or c.title() != c}
    flags = regex.IGNORECASE | regex.V0
    rest = "".join(c for c in everything if c not in cased)
    any_cased = "[" + "".join(regex.escape(c) for c in sorted(cased)) + "]"
    assert regex.search(any_cased, rest, flags) is None  # nothing else pairs with a cased character
    alphabet = "".join(sorted(cased))
    return {c: regex.findall(regex.escape(c), alphabet, flags) for c in alphabet}


def test_needle_characters_fold_like_lower() -> None:
    """A needle is searched in the lowered text: whatever a pattern character matches under
    IGNORECASE must lower to what the character lowers to, when a needle may hold the
    latter; otherwise the text holds one of UNUSUAL_CASE (and is searched without needles)."""
    classes = _case_classes()
    unsafe = {
        (pattern_char, text_char)
        for pattern_char, matched in classes.items()
        for text_char in matched
        if text_char.lower() != pattern_char.lower()
        and text_char not in phrases.UNUSUAL_CASE
        and phrases._folds_safely(pattern_char.lower())
    }
    assert not unsafe
    # str.lower() lowers Σ by its context (σ or ς): neither may be in a needle
    assert classes["Σ"] == sorted("Σσς") and not phrases._folds_safely("σ") and not phrases._folds_safely("ς")
    # what it lets through: caseless scripts, accented Latin, Cyrillic (rounded letters aside)
    assert phrases._folds_safely("사진 설명 画像説明，légende подпись к фото")
    assert classes["о"] == sorted("Ооᲂ") and "ᲂ" in phrases.UNUSUAL_CASE
    # every character NO_NEEDLE_CASE lists is needed there (the list is no guess)
    needed = {
        c
        for pattern_char, matched in classes.items()
        for text_char in matched
        if text_char.lower() != pattern_char.lower() and text_char not in phrases.UNUSUAL_CASE
        for c in pattern_char.lower()
        if not c.isascii() and c.isprintable()
    }
    assert needed == set(phrases.NO_NEEDLE_CASE)


@pytest.mark.parametrize(
    ("code", "line"),
    [
        pytest.param("TRN001", "Photo deſcription,", id="long-s"),
        pytest.param("BPL008", "S\u212aIP TO CONTENT", id="kelvin-sign"),
        pytest.param("BPL008", "Sk\u0130p to content", id="dotted-capital-i"),
        pytest.param("TRN001", "П\u1c82дпись к фото,", id="cyrillic-narrow-o"),
        pytest.param("TRN001", "ПОДПИСЬ К ФОТО, Владимир Путин", id="cyrillic-capitals"),
        pytest.param("TRN001", "LÉGENDE IMAGE, Abidjan", id="accented-capitals"),
        pytest.param("TRN002", "CRÉDIT PHOTO, AFP", id="accented-capitals-credit"),
    ],
)
def test_unusual_case_folding_still_fires(code: str, line: str) -> None:
    assert run_rule(code, line + "\n"), f"{code} stayed silent on {line!r}"


def test_unusual_case_folding_defeats_lowered_needles() -> None:
    """Why a text holding ſ, İ or ı is searched without needles."""
    assert phrases.necessary_literals("(?:picture|photo|image) description", True)[0] == (" description",)
    assert " description" not in "Photo deſcription,".lower()


# -- lazy work ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "text"),
    [
        pytest.param("TRN001", "An ordinary paragraph about the weather.", id="no-needle"),
        pytest.param("TRN002", "A photo essay: pictures by the sea.", id="one-set-of-two"),
    ],
)
def test_a_pattern_runs_and_compiles_only_when_its_needles_occur(code: str, text: str) -> None:
    plist = fresh_list(code)
    assert spans(plist, text + "\n") == []
    compiled = [i for i, rx in enumerate(plist._regexes) if rx is not None]
    assert compiled == [i for i, needles in enumerate(plist.needles()) if needles is None]


def test_a_pattern_whose_needles_occur_runs() -> None:
    plist = fresh_list("TRN001")
    assert spans(plist, "Picture explanation,\n")
    assert plist._regexes[0] is not None


def test_a_line_list_whose_needles_are_all_absent_does_nothing() -> None:
    plist = fresh_list("BPL008")
    assert all(plist.needles())
    assert spans(plist, "An ordinary paragraph about the weather.\n") == []
    assert not plist._any_built and not any(plist._regexes)


def test_exceptions_compile_once_a_pattern_matches() -> None:
    plist = fresh_list("TRN007")
    assert spans(plist, "Nothing to see here.\n") == []
    assert plist._compiled_exceptions is None
    assert spans(plist, "Connecticut Secretary of the State Denise Merrill spoke.\n") == []
    assert plist._compiled_exceptions is not None
    assert spans(plist, "The Secretary of the State Antony Blinken spoke.\n")


def test_validate_compiles_every_pattern_at_load() -> None:
    path = RULE_FILES["BPL001"]
    plist = parse_phrase_list(str(path), tomllib.loads(path.read_text(encoding="utf-8")))
    assert all(rx is not None for rx in plist._regexes)
    lazy = parse_phrase_list("x.toml", {**MINIMAL, "patterns": [{"pattern": "(unclosed"}]}, validate=False)
    assert lazy.phrases  # built-in lists compile on first use (their tests compile them)


# -- line scope: lines one by one, or the anchored alternation ---------------------------------

EDGE_LINES = [
    "\u00a0Leave a Reply",  # a no-break space: not skipped by the alternation's [ \t]*
    "\x0bLeave a Reply",
    "  Leave a Reply \u00a0",
    "\tShare this:",
    "Leave a Reply and more",
    "Skip to content",
    "Back to top ↑",
]


def line_texts(code: str) -> list[str]:
    texts = [Document(p.read_text(encoding="utf-8"), path=str(p)).text for p in (FIXTURES / code).glob("*.*")]
    examples = fresh_list(code).spec["examples"]
    return [t for t in texts if t] + ["\n".join(examples["bad"] + examples["good"] + EDGE_LINES) + "\n"]


@pytest.mark.parametrize("code", ["BPL001", "BPL008"])
def test_line_lists_find_the_same_lines_with_or_without_the_alternation(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = {}
    for mode, after in (("lines", 10**12), ("alternation", -1)):
        monkeypatch.setattr(phrases, "ALTERNATION_AFTER", after)
        plist = fresh_list(code)
        found[mode] = [spans(plist, text) for text in line_texts(code)]
        assert plist.line_mode(0) == mode
    assert found["lines"] == found["alternation"]
    assert sum(map(len, found["lines"])) > 10


@pytest.mark.parametrize(("after", "mode"), [(10**12, "lines"), (-1, "alternation")])
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        pytest.param("foo\nbar\n", False, id="lookahead-sees-the-line-break"),
        pytest.param("bar\nfoo", True, id="at-the-end"),
    ],
)
def test_a_line_the_alternation_would_miss_stays_silent(
    after: int, mode: str, text: str, fires: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(phrases, "ALTERNATION_AFTER", after)
    plist = parse_phrase_list("x.toml", {**MINIMAL, "scope": "line", "patterns": [{"pattern": "foo(?!\n)"}]})
    assert bool(spans(plist, text)) == fires
    assert plist.line_mode(0) == mode


def test_line_patterns_that_cannot_be_joined_try_every_line() -> None:
    plist = parse_phrase_list("x.toml", {**MINIMAL, "scope": "line", "patterns": [{"pattern": r"(ab)\1"}]})
    assert [s[:2] for s in spans(plist, "x\n abab \nababx\n")] == [(3, 7)]
    assert plist.line_mode(0) == "all"


def test_a_small_text_does_not_build_the_alternation() -> None:
    plist = fresh_list("BPL001")
    assert spans(plist, "Body text.\nLeave a Reply\nMore text.\n")
    assert not plist._any_built


# a pattern and a string it matches, built together: every match holds a needle of each set
_WORD_CHARS = "abkisxAKS ,.-оСтéσμ설"
#: letters with their case partners, the rare and odd ones too (regex's IGNORECASE pairs)
_CASE_ALPHABET = "abkisxAKSİıſ\u212aоОᲂсСᲃтТᲄᲅвВᲀдДᲁéÉσςΣμµΜθϑΘ설"
_SWAPS = {
    c: "".join(d for d in _CASE_ALPHABET if regex.fullmatch(regex.escape(c), d, regex.IGNORECASE | regex.V0))
    for c in _CASE_ALPHABET
}


def _any_case(text: str, rnd: Any) -> str:
    """``text`` with each letter swapped for a random one of its case partners."""
    return "".join(rnd.choice(_SWAPS.get(c, c)) for c in text)


@st.composite
def _literal(draw: st.DrawFn) -> tuple[str, str]:
    word = draw(st.text(_WORD_CHARS, min_size=1, max_size=6))
    return regex.escape(word, special_only=True), word


def _combine(inner: st.SearchStrategy[tuple[str, str]]) -> st.SearchStrategy[tuple[str, str]]:
    def optional(p: tuple[str, str], use: bool) -> tuple[str, str]:
        return f"(?:{p[0]})?", p[1] if use else ""

    def alternation(ps: list[tuple[str, str]], pick: int) -> tuple[str, str]:
        return "(?:" + "|".join(p for p, _ in ps) + ")", ps[pick % len(ps)][1]

    return st.one_of(
        st.lists(inner, min_size=1, max_size=4).map(lambda ps: ("".join(p for p, _ in ps), "".join(e for _, e in ps))),
        st.builds(alternation, st.lists(inner, min_size=1, max_size=6), st.integers(0, 5)),
        st.builds(optional, inner, st.booleans()),
        st.builds(lambda p, n: (f"(?:{p[0]})+", p[1] * n), inner, st.integers(1, 3)),
        st.builds(lambda p, n: (f"(?:{p[0]}){{{n}}}", p[1] * n), inner, st.integers(0, 3)),
        inner.map(lambda p: (f"({p[0]})(?=)", p[1])),
    )


_ATOMS = st.one_of(
    _literal(),
    st.just((r"\d", "7")),
    st.just(("[Kk]", "k")),
    st.just(("[a-c]", "b")),
    st.just((r"\p{L}+", "word")),
    st.just((".", "?")),
    st.just((r"\.", ".")),
)
_PATTERNS = st.recursive(_ATOMS, _combine, max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(_PATTERNS, st.booleans(), st.randoms(use_true_random=False))
def test_needles_hold_for_random_patterns(built: tuple[str, str], ignore_case: bool, rnd: Any) -> None:
    pattern, example = built
    if ignore_case:  # any case, and the characters that fold to the same letters
        example = _any_case(example, rnd)
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    assume(regex.fullmatch(pattern, example, flags))
    needles = phrases.necessary_literals(pattern, ignore_case)
    if needles is None or (ignore_case and any(c in example for c in phrases.UNUSUAL_CASE)):
        return  # no needles, or a text the needles are not used on
    haystack = example.lower() if ignore_case else example
    for found in needles:
        assert any(n in haystack for n in found), (pattern, example, needles)


# the shipped lists' non-ASCII labels, in any case: needles change no finding
_LABELS = [
    "사진 설명", "画像説明", "图像加注文字", "Подпись к фото", "Підпис до фото", "Pie de foto", "Légende image",
    "Legenda do vídeo", "사진 출처", "画像提供", "Автор фото", "Фото автора", "Crédito de la imagen", "Crédit photo",
    "Image caption", "Photo source",
]  # fmt: skip
_LABEL_ALPHABET = "".join(sorted({d for label in _LABELS for c in label for d in c + c.upper() + c.lower()}))
_LABEL_ALPHABET += "İıſ\u212aΣσςµμ" + "".join(map(chr, range(0x1C80, 0x1C89)))  # odd case partners
_LABEL_SWAPS = {
    c: "".join(d for d in _LABEL_ALPHABET if regex.fullmatch(regex.escape(c), d, regex.IGNORECASE | regex.V0))
    for c in _LABEL_ALPHABET
}
_LINES = st.tuples(
    st.sampled_from(["", " ", "\t", "x "]),
    st.sampled_from(_LABELS),
    st.sampled_from(["", ",", "，", ", Reuters", "， 연합뉴스", ": x"]),
)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["TRN001", "TRN002"]), st.lists(_LINES, min_size=1, max_size=6), st.randoms(use_true_random=False)
)
def test_non_ascii_labels_in_any_case_find_the_same_with_or_without_needles(
    code: str, lines: list[tuple[str, str, str]], rnd: Any
) -> None:
    text = "\n".join(
        head + "".join(rnd.choice(_LABEL_SWAPS.get(c, c)) for c in label) + tail for head, label, tail in lines
    )
    with_needles = fresh_list(code)
    assert sum(n is None for n in with_needles.needles()) == 0
    without = fresh_list(code)
    without._needles = [None] * len(without.phrases)
    assert spans(with_needles, text) == spans(without, text), text
