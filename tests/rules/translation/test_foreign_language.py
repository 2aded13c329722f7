"""TRN005 foreign-language-run."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule


@pytest.mark.parametrize(
    ("text", "language", "severity"),
    [
        pytest.param(
            "The minister said el gobierno no ha confirmado la noticia de los despidos on Monday.",
            "Spanish",
            "warning",
            id="spanish",
        ),
        pytest.param(
            "The paper said qu'il n'est pas d'accord avec l'État sur la réforme, officials said.",
            "French",
            "warning",
            id="french-elisions",
        ),
        pytest.param(
            "The report said die Regierung hat die Entscheidung nicht bestätigt und wird es auch nicht tun.",
            "German",
            "warning",
            id="german",
        ),
        pytest.param(
            "The minister said que o país não vai aceitar uma mudança nas regras do comércio.",
            "Portuguese",
            "warning",
            id="portuguese",
        ),
        pytest.param(
            "Il ministro ha detto che il governo non è pronto per una nuova legge della riforma.",
            "Italian",
            "warning",
            id="italian",
        ),
        pytest.param(
            "Macron said « Nous ne sommes pas en guerre contre le peuple russe » on Friday.",
            "French",
            "info",
            id="quoted-french",
        ),
    ],
)
def test_fires(text: str, language: str, severity: str) -> None:
    (f,) = run_rule("TRN005", text)
    assert f.message.startswith(language) and str(f.severity) == severity


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("She visited the Museo Nacional de Arte de la Ciudad de México.", id="spanish-name"),
        pytest.param("He met students of the Universidad de Buenos Aires and the Banco de la Nación.", id="names"),
        pytest.param("It had a certain joie de vivre; c'est la vie, he said.", id="borrowed-phrases"),
        pytest.param("It has a certain je ne sais quoi, a coup de grâce.", id="more-borrowed-phrases"),
        pytest.param("Smith et al. (2004) found the de facto rate mattered.", id="et-al-de-facto"),
        pytest.param("He flew from Los Angeles to El Paso and La Paz, then Rio de Janeiro.", id="place-names"),
        pytest.param("Ursula von der Leyen met Mies van der Rohe's heirs.", id="german-particles"),
        pytest.param("It is in the plan. No, do come in, per the rules, non-stop.", id="english-homographs"),
    ],
)
def test_stays_silent(text: str) -> None:
    assert run_rule("TRN005", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("They said pas, dans and sur.", True, id="three-whole-words"),
        pytest.param("They said pas, dans and l'homme.", True, id="third-from-an-elision"),
        pytest.param("They said pas, dans and qu’il.", True, id="third-from-a-curly-elision"),
        pytest.param("They said pas, dans and au-dessus.", True, id="third-from-a-hyphenated-word"),
        pytest.param("They said pas, dans and homme.", False, id="two-only"),
        pytest.param("They said pas, dans and don't-care.", False, id="english-apostrophe-and-hyphen"),
    ],
)
def test_three_function_words_of_one_language_counts_parts_of_words(text: str, expected: bool) -> None:
    from linter.document import Document
    from rules.translation.foreign_language import _three_of_one_language, function_words

    assert _three_of_one_language(Document(text), function_words()) is expected
