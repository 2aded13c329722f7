"""OFT002 off-topic-paragraph."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

ON_TOPIC = [
    "The United States rejected Russia's demand to bar Ukraine from NATO, offering what it called "
    "a serious diplomatic path if Moscow chose it.",
    "Secretary of State Antony Blinken said the alliance's door remained open and that Ukraine had "
    "the right to choose its own security arrangements.",
    "Russia has massed more than a hundred thousand troops near the Ukrainian border, which Western "
    "governments read as preparation for an invasion.",
    "Moscow denies planning an attack and says NATO's expansion towards its border threatens Russian "
    "security, demanding guarantees in writing.",
    "The American response, delivered in coordination with NATO allies, will not be published, Blinken "
    "said, because diplomacy needs space for confidential talks.",
    "NATO Secretary-General Jens Stoltenberg said the alliance had sent Moscow its own proposals on arms "
    "control and military exercises near the border.",
    "Russian Foreign Minister Sergei Lavrov said the response left little room for optimism but that "
    "Moscow would study it before deciding on its next steps.",
]
RECIPE = (
    "Preheat the oven to 200 degrees and butter a shallow baking dish, then layer the sliced potatoes "
    "with cream, crushed garlic and grated cheese before baking them for an hour until golden."
)


def article(paragraphs: list[str]) -> str:
    return "US rejects Russian demand on NATO\n\n" + "\n\n".join(paragraphs) + "\n"


def test_fires_on_an_inserted_paragraph() -> None:
    found = run_rule("OFT002", article(ON_TOPIC[:3] + [RECIPE] + ON_TOPIC[3:]))
    assert [(f.line, f.end_column) for f in found] == [(9, len(RECIPE) + 1)]
    assert "best similarity 0.00" in found[0].message


def test_fires_when_paragraphs_are_lines() -> None:
    text = "\n".join(ON_TOPIC[:4] + [RECIPE] + ON_TOPIC[4:]) + "\n"
    assert [f.line for f in run_rule("OFT002", text)] == [5]


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(ON_TOPIC[:3] + [RECIPE] + ON_TOPIC[3:4], id="too-few-paragraphs"),
        pytest.param(ON_TOPIC[:3] + ["“" + RECIPE + "”"] + ON_TOPIC[3:], id="quotation"),
        pytest.param(ON_TOPIC[:3] + ["Preheat the Oven and Butter the Dish"] + ON_TOPIC[3:], id="heading"),
        pytest.param(ON_TOPIC[:3] + ["Subscribe for cooking tips."] + ON_TOPIC[3:], id="short-line"),
        pytest.param(ON_TOPIC[:3] + ["WASHINGTON (Reuters) - " + RECIPE] + ON_TOPIC[3:], id="dateline"),
        pytest.param(ON_TOPIC[:3] + ["See also: " + RECIPE] + ON_TOPIC[3:], id="teaser-is-OFT001s"),
        pytest.param(ON_TOPIC, id="coherent-article"),
        pytest.param(
            ON_TOPIC[:3] + [RECIPE.replace("potatoes", "potatoes for the troops at the border")] + ON_TOPIC[3:],
            id="shares-topic-words",
        ),
    ],
)
def test_stays_silent(paragraphs: list[str]) -> None:
    assert run_rule("OFT002", article(paragraphs)) == []


def test_stays_silent_on_a_digest_of_unrelated_briefs() -> None:
    briefs = [
        "The central bank raised interest rates by a quarter point, citing stubborn inflation in services "
        "and a tight labour market.",
        "A storm knocked out power to forty thousand homes along the coast overnight, and crews expect to "
        "restore electricity by Friday.",
        "The city council approved a new cycle lane on the high street after months of debate with "
        "shopkeepers about parking.",
        "Scientists at the university sequenced the genome of a rare orchid that grows only on two "
        "islands in the Pacific.",
        "The national football team named a new captain ahead of next month's qualifying matches "
        "against Portugal and Greece.",
        "A museum in Lyon returned a bronze mask to Nigeria, the latest restitution of objects taken "
        "during the colonial period.",
        RECIPE,
    ]
    assert run_rule("OFT002", "News in brief\n\n" + "\n\n".join(briefs) + "\n") == []


def test_stays_silent_on_a_closing_bio() -> None:
    bio = (
        "Jane Doe is a correspondent covering food and wine for the Daily Planet, where she has worked since "
        "2015 after a decade at the Herald."
    )
    assert run_rule("OFT002", article(ON_TOPIC + [bio])) == []


@pytest.mark.parametrize("values", [[0.5], [0.3, 0.1], [0.2, 0.9, 0.1], [0.1, 0.4, 0.3, 0.2], [0.03, 0.09, 0.15, 0.09]])
def test_median_is_the_statistics_median(values: list[float]) -> None:
    from statistics import median

    from rules.offtopic.offtopic_paragraph import _median

    assert _median(list(values)) == median(values)
