"""TRN004 foreign-script-fragment."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

ENGLISH = (
    "\n\nThe United States rejected Russia's demand to bar Ukraine from NATO on Wednesday, offering what it "
    "called a serious diplomatic path if Moscow chose it. Secretary of State Antony Blinken said the "
    "alliance's door remained open.\n"
)


@pytest.mark.parametrize(
    ("text", "flagged", "severity"),
    [
        pytest.param(
            "사진 설명, 토니 블링컨 미 국무장관",
            "사진 설명, 토니 블링컨 미 국무장관",
            "warning",
            id="hangul-caption",
        ),
        pytest.param(
            "Lavrov said: Мы не будем нападать на Украину.",
            "Мы не будем нападать на Украину",
            "warning",
            id="cyrillic-sentence",
        ),
        pytest.param(
            "The ministry said 北朝鮮がミサイルを発射した.",
            "北朝鮮がミサイルを発射した",
            "warning",
            id="japanese",
        ),
        pytest.param("The sign read 立入禁止 at the gate.", "立入禁止", "info", id="short-han-bare"),
        pytest.param("The Greek word ἀρετή means excellence.", "ἀρετή", "info", id="short-greek-bare"),
        pytest.param(
            "He quoted “Мы не будем нападать на Украину” in full.",
            "Мы не будем нападать на Украину",
            "info",
            id="long-quotation",
        ),
        pytest.param(
            "The statement said مرحبا بكم في المؤتمر الصحفي today.",
            "مرحبا بكم في المؤتمر الصحفي",
            "warning",
            id="arabic",
        ),
    ],
)
def test_fires(text: str, flagged: str, severity: str) -> None:
    (f,) = run_rule("TRN004", text + ENGLISH)
    assert (text[f.start : f.end], str(f.severity)) == (flagged, severity)
    assert f.message.startswith("Untranslated") == (severity == "warning")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("President Moon Jae-in (문재인) met Mr Kishida.", id="name-after-romanization"),
        pytest.param("The so-called glasnost (гласность) era ended.", id="term-after-translation"),
        pytest.param("President Yoon Suk Yeol (Korean: 윤석열) spoke.", id="parenthesis-with-lead-in"),
        pytest.param("Officials called it «спецоперация».", id="one-word-in-guillemets"),
        pytest.param("The drag terms α and β can be ignored; ρ is small.", id="greek-variables"),
        pytest.param("Variables α, β, γ, δ are bound.", id="greek-variable-list"),
        pytest.param("Cafés in Zürich and São Paulo.", id="latin-accents"),
    ],
)
def test_stays_silent(text: str) -> None:
    assert run_rule("TRN004", text + ENGLISH) == []


def test_stays_silent_on_a_document_in_another_script() -> None:
    russian = "Министр иностранных дел России Сергей Лавров заявил, что Москва изучит ответ США. " * 5
    assert run_rule("TRN004", russian + "\n\nReuters\n") == []


@pytest.mark.parametrize(
    "text",
    ["plain English", "사진 설명, 토니 블링컨 The minister", "Москва и Kyiv, Αθήνα; 東京 and ß, é, İ", ""],
)
def test_latin_share_counted_on_bytes_is_the_pattern_count(text: str) -> None:
    from linter.document import Document
    from rules.translation.scripts import latin_share, latin_share_of

    assert latin_share_of(Document(text)) == latin_share(text)
