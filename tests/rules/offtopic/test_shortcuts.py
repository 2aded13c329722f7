"""The shortcuts that make the off-topic rules fast never change what they report: each
rule runs with its shortcuts and with them forced open, and the findings match."""

from __future__ import annotations

import pytest

import rules.offtopic.teasers as teasers
import rules.offtopic.topic as topic
from tests.helpers import FIXTURES, run_rule

FIXTURE_TEXTS = [
    p.read_text(encoding="utf-8") for code in ("OFT001", "OFT002") for p in (FIXTURES / code).glob("*.txt")
]


@pytest.mark.parametrize("index", range(len(FIXTURE_TEXTS)))
@pytest.mark.parametrize("code", ["OFT001", "OFT002"])
def test_shortcut_reports_what_the_full_check_reports(code: str, index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = FIXTURE_TEXTS[index]
    fast = run_rule(code, text)
    monkeypatch.setattr(teasers, "_line_starts_pattern", lambda: None)  # the line pattern everywhere
    monkeypatch.setattr(topic, "_case_safe", lambda c: False)  # terms counted on each unit's text
    monkeypatch.setattr(topic.TfIdf, "all_matched", lambda self, units, limit: False)  # always weigh
    assert run_rule(code, text) == fast


def _models() -> list[topic.TfIdf]:
    """TF-IDF models of the units OFT002 judges, for the fixtures and a few made texts."""
    from linter.document import Document
    from rules.offtopic.offtopic_paragraph import _units

    texts = [
        *FIXTURE_TEXTS,
        "One line alone.",
        "Alpha beta gamma.\n\nAlpha beta gamma.\n\nDelta epsilon.\n\nBeta beta beta gamma delta.",
        "Tea tea tea.\n\nCoffee.\n\nTea coffee milk sugar.\n\nMilk milk.",
    ]
    models = []
    for text in texts:
        doc = Document(text)
        models.append(topic.TfIdf(counts=topic.DocumentTerms.of(doc).span_counts(_units(doc))))
    return models


def _bounds_from_vectors(model: topic.TfIdf) -> list[float]:
    """``match_bounds`` the straightforward way: from every unit's whole weight vector."""
    shared = {t for t, d in model.df.items() if d > 1}
    first: dict[str, tuple[float, int]] = {}
    second: dict[str, float] = {}
    for i, vec in enumerate(model.vectors):
        for t in (t for t in vec if t in shared):
            top = first.get(t)
            if top is None or vec[t] > top[0]:
                if top is not None:
                    second[t] = top[0]
                first[t] = (vec[t], i)
            elif vec[t] > second.get(t, 0.0):
                second[t] = vec[t]
    bounds = []
    for i, vec in enumerate(model.vectors):
        total = 0.0
        for t in (t for t in vec if t in shared):
            top_w, top_i = first[t]
            total += vec[t] * (top_w if top_i != i else second.get(t, 0.0))
        bounds.append(min(total, 1.0))
    return bounds


def test_match_bounds_equal_the_bounds_made_from_weight_vectors() -> None:
    """Only the shared terms are weighed, with the same float operations: equal to the bit."""
    for model in _models():
        every = _bounds_from_vectors(model)
        assert model.match_bounds() == every
        some = range(1, len(every), 2)
        assert model.match_bounds(some) == [every[i] for i in some]


def _all_matched_in_full(model: topic.TfIdf, units: list[int], limit: float) -> bool:
    """``all_matched`` without its early answer for a unit that shares nothing."""
    counts = model.counts
    if not counts or not model.idf:
        return False
    tf = topic._TF
    lengths = [sum(tf[k] * tf[k] for k in c.values()) ** 0.5 for c in counts]
    top = max(model.idf.values())
    scale = top * top * max(lengths)
    for i in units:
        c = counts[i]
        mass = sum(tf[c[t]] * model.idf[t] ** 2 for t in c if model.df[t] > 1)
        if not lengths[i] or mass < limit * (1 + 1e-9) * scale * lengths[i]:
            return False
    return True


@pytest.mark.parametrize("limit", [0.0, 0.03, 0.5])
def test_all_matched_answers_as_the_full_check(limit: float) -> None:
    answers = set()
    for model in _models():
        for units in (list(range(len(model.counts))), [i for i, c in enumerate(model.counts) if c][1:3]):
            answer = model.all_matched(units, limit)
            assert answer == _all_matched_in_full(model, units, limit)
            answers.add(answer)
    assert answers == {True, False}  # both answers are exercised


def test_all_matched_is_a_sound_shortcut() -> None:
    """When it answers True, every unit's real bound reaches the limit; random bags of terms,
    some with one term repeated many times beside many single ones (where raw counts, unlike
    the weights' 1 + log count, would overstate a unit)."""
    import random
    from collections import Counter

    rng = random.Random(5)
    models = _models()
    for _ in range(400):
        vocabulary = [f"w{i}" for i in range(rng.randint(3, 30))]
        units = []
        for _ in range(rng.randint(2, 8)):
            bag = Counter(rng.choices(vocabulary, k=rng.randint(1, 40)))
            if rng.random() < 0.5:
                bag[rng.choice(vocabulary)] += rng.randint(5, 60)
            units.append(bag)
        models.append(topic.TfIdf(counts=units))
    taken = 0
    for model in models:
        everyone = list(range(len(model.counts)))
        for limit in (0.01, 0.05, 0.2, 0.5):
            if model.all_matched(everyone, limit):
                taken += 1
                assert min(model.match_bounds(everyone)) >= limit
    assert taken > 50  # the shortcut is taken often enough for the test to mean something


def test_topic_vector_sums_the_units_counts() -> None:
    from collections import Counter

    for model in _models():
        total: Counter[str] = Counter()
        for c in model.counts:
            total.update(c)
        if len(model.counts) >= 3:
            total = Counter({t: k for t, k in total.items() if model.df[t] >= 2})
        assert list(model.topic_vector().items()) == list(model.weigh(total).items())


def test_line_pattern_is_compiled_only_for_a_line_that_may_be_a_teaser() -> None:
    from linter.document import Document

    teasers._line_pattern.cache_clear()
    assert teasers.find_teasers(Document("A plain article.\n\nIt has two paragraphs.\n")) == []
    assert teasers._line_pattern.cache_info().currsize == 0
    found = teasers.find_teasers(Document("Read more: Ozark Season 4 Is Coming\n\nA plain article.\n"))
    assert [(t.start, t.label) for t in found] == [(0, "Read more")]
    assert teasers._line_pattern.cache_info().currsize == 1


@pytest.mark.parametrize(
    "text",
    [
        "The talks resumed in Geneva on Monday, officials said.",
        "  Leading and trailing\tspaces\x0bvertical\x1cfile separators  ",
        "“Quoted” words — dashes, ’tis and café au lait; Éclair élan über Ölmühle",
        "No\u00a0break\u2009thin\u3000ideographic spaces and\u2028line separators",
        "ǆungla ǅemal ß straße ﬁne ǈ ĳssel",
        "Москва и москва, Σ σ ς",
        "",
    ],
)
def test_word_counts_are_those_of_split(text: str) -> None:
    """Words and lower-case initials counted on classified bytes equal those of ``str.split()``."""
    from linter.document import Document
    from rules.offtopic.offtopic_paragraph import _odd_initials, _word_counts

    words = text.split()
    expected = (len(words), sum(w[0].islower() for w in words))
    assert _word_counts(text, _odd_initials(Document(text))) == expected
    # with no odd characters declared, only a text that has none is counted on bytes exactly
    if not any(c > "\x7f" and (c.isspace() or c.islower()) for c in text):
        assert _word_counts(text, frozenset()) == expected
