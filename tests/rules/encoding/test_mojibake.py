"""ENC001 mojibake."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule


def garble(text: str) -> str:
    """What a CMS export does: UTF-8 bytes read back as Windows-1252."""
    return text.encode("utf-8").decode("cp1252", errors="ignore")


@pytest.mark.parametrize(
    ("text", "garbled", "repaired"),
    [
        pytest.param("Russia’s demand", "â€™", "’", id="apostrophe"),
        pytest.param("a new “diplomatic path” out", "â€œ", "“", id="left-double-quote"),
        pytest.param("the café in Zürich", "Ã©", "é", id="e-acute"),
        pytest.param("It cost £100", "Â£", "£", id="pound-sign"),
        pytest.param("Größe und März", "Ã¶ÃŸ", "öß", id="german-run"),
        pytest.param("great 😀 day", "ðŸ˜€", "😀", id="emoji"),
        pytest.param("¿Qué pasó?", "Â¿", "¿", id="spanish-inverted-question"),
    ],
)
def test_fires(text: str, garbled: str, repaired: str) -> None:
    line = garble(text)
    found = run_rule("ENC001", line)
    first = found[0]
    assert line[first.start : first.end] == garbled
    assert first.suggestion == repaired and first.fix is not None and first.fix.safe
    assert str(first.severity) == "error"


def test_right_quote_that_lost_its_last_byte() -> None:
    line = garble("he said “yes” and left")  # the 0x9D byte of ” has no cp1252 character
    suggestions = [f.suggestion for f in run_rule("ENC001", line)]
    assert suggestions == ["“", "”"]


def test_latin1_reading_with_c1_characters() -> None:
    line = "Russia’s demand".encode().decode("latin-1")
    (f,) = run_rule("ENC001", line)
    assert f.suggestion == "’" and "\\x80\\x99" in f.message


def test_double_encoding() -> None:
    (f,) = run_rule("ENC001", garble(garble("Russia’s demand")))
    assert f.suggestion == "’"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Café owners in Zürich and São Paulo", id="accents"),
        pytest.param("He said “yes” and ‘no’ — it’s fine…", id="curly-quotes-and-dashes"),
        pytest.param("«On verra», said the naïve owner of the Ærø café; ações concretas.", id="guillemets-ae"),
        pytest.param("¿Quién paga? ¡Nadie! It cost €12, or £10 ©.", id="symbols"),
        pytest.param("ÉTÉ and Ørsted, œuvre, façade.", id="capitals"),
    ],
)
def test_stays_silent(text: str) -> None:
    assert run_rule("ENC001", text) == []


def test_continuation_set_is_the_pattern_class() -> None:
    """The trigger's character set holds exactly the characters the sequence pattern's class matches."""
    import regex

    from rules.encoding.mojibake import _CONTINUATION, _continuations

    every = "".join(map(chr, range(0x10000)))
    assert _continuations() == frozenset(regex.findall(f"[{_CONTINUATION}]", every))
