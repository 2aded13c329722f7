"""BPL003 credit-leftover."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule
from tests.rules.boilerplate.common import article

CODE = "BPL003"

FIRES = {
    "source-web": "Source: Web",
    "photo-agency": "Photo: Getty Images",
    "image-credit": "Image credit: Jane Doe/Example News",
    "dash-label": "Picture - AFP",
    "photo-by": "Photo by Jane Doe on Unsplash",
    "courtesy-of": "Image courtesy of NASA",
    "file-photo": "File photo",
    "representational": "Representational image",
    "agency-alone": "Getty Images",
    "agency-with-photographer": "AP Photo/Jane Doe",
    "parenthesised": "(Photo: Reuters)",
    "handle": "Photo Credit: Twitter/@user",
    "lowercase-short-value": "Source: social media",
    "bbc-image-source": "Image source, Getty Images",
    "accented-name-not-a-plain-line": "Photo: José Ramírez",
    "by-accented-name": "Photo by Zoë Ball",
    "ligature-full-case-folding": "\ufb01le photo",
}

SILENT = {
    "sentence-after-label": "Source: the ministry said the figures were final",
    "translated-caption-label": "photo source, Reuters",
    "bare-word": "Photo",
    "sources-said": "Sources said the deal was close.",
    "pictures-sentence": "Pictures of the flood were shared widely.",
    "section-heading": "Confidential Discussions:",
    "dateline": "Washington: The United States on Wednesday rejected the demand",
    "gallery-heading": "Photographs: a new exhibition at the harbour",
    "bbc-caption-label": "Image caption, The port at dawn",
    "long-line": "Photo: Jane Doe and John Smith and Mary Major and Richard Roe for Example News Agency",
}


@pytest.mark.parametrize("line", FIRES.values(), ids=FIRES.keys())
def test_fires(line: str) -> None:
    text = article(middle=line)
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == line
    assert f.severity.name == "WARNING"
    assert f.fix is not None and not f.fix.safe  # a credit may be required: an editor decides


@pytest.mark.parametrize("line", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(line: str) -> None:
    assert run_rule(CODE, article(middle=line)) == []


def test_credit_under_repeated_caption_lines() -> None:
    text = article(middle="US rejects Russian demand\nUS rejects Russian demand\nSource: Web")
    [f] = run_rule(CODE, text)
    assert (f.line, f.column) == (7, 1)


def test_figcaption_credit_is_a_caption() -> None:
    src = "<figure><img src='a.jpg'><figcaption>Photo: Getty Images</figcaption></figure><p>Text.</p>"
    assert run_rule(CODE, src, format="html") == []


def test_credit_after_the_figcaption_inside_the_figure_is_a_caption() -> None:
    src = (
        "<figure><img src='a.jpg'><figcaption>The port.</figcaption>"
        "<p class='credit'>Photo: Getty Images</p></figure><p>Text.</p>"
    )
    assert run_rule(CODE, src, format="html") == []


def test_credit_after_a_closed_figure_is_flagged() -> None:
    src = "<figure><img src='a.jpg'></figure>\n<p>Photo: Getty Images</p>\n<p>Text.</p>"
    [f] = run_rule(CODE, src, format="html")
    assert (f.line, f.column) == (2, 4)


def test_paragraph_credit_in_html_is_flagged_with_source_position() -> None:
    src = "<h1>Title</h1>\n<p>The story.</p>\n<p>Photo: Getty Images</p>\n"
    [f] = run_rule(CODE, src, format="html")
    assert (f.line, f.column, f.end_column) == (3, 4, 23)


def test_markdown_credit_under_an_image_is_a_caption() -> None:
    src = "# Title\n\n![Blinken](https://e.org/b.jpg)\nPhoto: Getty Images\n\nThe story.\n"
    assert run_rule(CODE, src, format="markdown") == []
