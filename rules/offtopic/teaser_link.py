"""OFT001 teaser-link."""

from __future__ import annotations

from collections.abc import Iterator

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.offtopic.teasers import Teaser, find_teasers
from rules.offtopic.topic import DocumentTerms, TfIdf, Vector, cosine

#: a headline with fewer content words names a section or a tag, not a story
_MIN_TERMS = 3


@document_rule(
    "OFT001",
    "teaser-link",
    category="off-topic",
    severity="warning",
    options={"unrelated-below": 0.03, "related-above": 0.08},
    fixable=True,
)
def teaser_link(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a link to another story inserted in the article ("Read also: <headline>").

    What it does
    Flags a line that starts with a teaser label ("See also", "Read also", "Also read",
    "Read more", "Must read", "Don't miss", "Recommended", "You may also like",
    "Related:", "MORE:"; the list is data in ``rules/offtopic/data/teaser_labels.toml``)
    followed by a headline, or standing alone ("Must Read:-"). The message says how far
    the headline is from the article's topic: the TF-IDF cosine similarity between the
    headline and the article's topic vector. The TF-IDF model is built over the
    document's own paragraphs (the teasers excluded), lower-cased, stop words removed,
    lightly stemmed; the topic vector sums the words that recur in two paragraphs or
    more, so that a word the article uses once does not make a headline look related.
    A headline unrelated to the article (a TV show in an article on NATO) is link spam
    and reported as an error; an on-topic teaser is still reported, as a
    warning. A bare label is a warning too: its link was lost on the way, and so is a
    label followed by fewer than three content words ("Read more: Local News"), a link
    to a section or a tag whose distance from the topic cannot be measured.

    Stays silent on an encyclopedic "See also" section: in a text that reads like a
    reference text (reference headings, citation marks or a definitional lead), a
    "See also" heading followed by a list of topic names near the end, or a "See also:
    Topic, Topic" note. A bare "Related posts" line is left to BPL001 (boilerplate).

    Why it matters
    CMS plugins and scrapers splice links to other stories into the body. They break
    the article's thread, and an unrelated one makes a news page look like spam.

    Example
        Blinken said the door remained open.
        See also  Ozark Season 4 is going to Stream on Netflix Earlier than we Thought!
        He also made it clear that ...
    Use instead:
        Blinken said the door remained open.
        He also made it clear that ...

    Options
    - ``unrelated-below`` (0.03): below this similarity the headline is unrelated to
      the article (error).
    - ``related-above`` (0.08): from this similarity up the headline is on the
      article's topic; in between it is loosely related.

    Implementation note: the TF-IDF is written by hand (rules/offtopic/topic.py);
    scikit-learn would cost 0.8 s of import, more than the 0.35 s pre-commit budget.

    Fix safety
    Unsafe: in plain text the fix deletes the whole teaser line (and the headline line
    under a bare label); the editor should confirm that no sentence of the article is on
    it. No automatic fix in Markdown and HTML, where deleting the visible text would leave
    the link markup behind.
    """
    teasers = find_teasers(doc)
    if not teasers:
        return
    terms = DocumentTerms.of(doc)
    model = TfIdf(counts=[terms.counts(pieces) for pieces in article_units(doc, teasers)])
    topic = model.topic_vector()
    low, high = float(ctx.options["unrelated-below"]), float(ctx.options["related-above"])
    for t in teasers:
        yield _report(doc, ctx, t, model.vector(t.headline) if t.headline else {}, topic, low, high)


def article_units(doc: Document, teasers: list[Teaser]) -> list[list[tuple[int, int]]]:
    """The document's paragraphs with the teaser lines cut out (empty ones dropped), each as
    the spans of its pieces (their texts joined by spaces make the unit)."""
    cut = sorted((t.line_start, t.end) for t in teasers)
    text = doc.text
    units = []
    k = 0  # cuts and paragraphs are both in text order: one pass over each
    for para in doc.paragraphs:
        while k < len(cut) and cut[k][1] <= para.start:
            k += 1
        pieces, pos, j = [], para.start, k
        while j < len(cut) and cut[j][0] < para.end:
            s, e = cut[j]
            pieces.append((pos, max(pos, s)))
            pos = max(pos, e)
            j += 1
        if pos < para.end:
            pieces.append((pos, para.end))
        kept = [(s, e) for s, e in pieces if text[s:e].strip()]
        if kept:
            units.append(kept)
    return units


def _report(doc: Document, ctx: Context, t: Teaser, vec: Vector, topic: Vector, low: float, high: float) -> Report:
    fix_end = t.end
    while fix_end < len(doc.text) and doc.text[fix_end] in " \t\u00a0\n":
        fix_end += 1
    shown = _clip(" ".join(doc.text[t.start : t.end].split()), 60)
    if not t.headline:
        message = f"Teaser label “{shown}” with no headline: a related-story insert whose link was lost"
        severity = "warning"
    elif len(vec) < _MIN_TERMS:  # "Read more: Local News": a section or tag link
        message = f"Inserted teaser “{shown}”: a link to a section or a tag (too short to compare with the article)"
        severity = "warning"
    else:
        score = cosine(vec, topic)
        if score < low:
            distance, severity = "unrelated to the article: link spam", "error"
        elif score < high:
            distance, severity = "only loosely related to the article", "warning"
        else:
            distance, severity = "on the article's topic", "warning"
        message = f"Inserted teaser “{shown}”: headline {distance} (topic similarity {score:.2f})"
    plain = doc.format == "text"  # in Markdown/HTML the deletion would leave the link markup behind
    return ctx.report(
        t.start,
        t.end,
        message,
        suggestion="delete the teaser line",
        replacement="" if plain else None,
        safe=False,
        severity=severity,
        fix_span=(t.line_start, fix_end) if plain else None,
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
