"""MRK007 leaked-media-path."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "MRK007"

FIRES = {
    "wordpress-upload-glued-to-sentence": (
        "The port reopened.wp-content/uploads/2024/02/harbour-1024x683.jpg Ships queued.",
        "wp-content/uploads/2024/02/harbour-1024x683.jpg",
    ),
    "cdn-path-in-prose": (
        "The talks ended news/624/cpsprodpb/1A/production/_1_a.jpg early.",
        "news/624/cpsprodpb/1A/production/_1_a.jpg",
    ),
    "url-alone-on-line": ("Text.\n\nhttps://cdn.example.com/a.jpg\n\nMore.", "https://cdn.example.com/a.jpg"),
    "url-glued-to-word": ("Photohttps://example.com/a.jpg of the port", "Photohttps://example.com/a.jpg"),
    "file-name-in-prose": (
        "Boats were moored along the bordersource.jpg and the market shut.",
        "bordersource.jpg",
    ),
    "camera-file-name": ("Photo: IMG_2041.jpg", "IMG_2041.jpg"),
    "query-string": ("Text /uploads/2024/a.webp?w=300 more", "/uploads/2024/a.webp?w=300"),
}

SILENT = {
    "bare-link-in-sentence": "The map is at https://www.example.org/maps/harbour.png for details.",
    "file-talk": "Save the picture as harbour.jpg and export harbour-small.webp.",
    "folder-talk": "Put the files in the images folder: images/harbour.jpg is the full size.",
    "domain-path-in-sentence": "See example.org/maps/harbour.png for the map.",
    "srcset-candidate": "a/1.jpg 240w, a/2.jpg 480w",
    "attribute-value": '<img src="/uploads/2024/a.jpg">',
    "markdown-image": "![](https://example.org/uploads/2024/a.jpg)",
    "no-extension": "The site https://example.org/uploads/2024/ is down.",
    "document-file": "The report.pdf was published.",
    "camera-name-in-a-how-to": "Your phone saves each picture with a name like IMG_0001.jpg in the folder.",
}


@pytest.mark.parametrize(("text", "flagged"), FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: str) -> None:
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == flagged
    assert f.severity.name == "WARNING"


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_line_fix_and_glued_no_fix() -> None:
    text = "Text.\n\nhttps://cdn.example.com/a.jpg\n\nMore."
    [alone] = run_rule(CODE, text)
    assert alone.fix is not None and alone.fix.safe
    assert text[: alone.fix.start] + text[alone.fix.end :] == "Text.\n\nMore."
    [glued] = run_rule(CODE, "Boats along the bordersource.jpg and more.")
    assert glued.fix is None


def test_path_after_sentence_end_deletes_only_the_path() -> None:
    text = "The port reopened.wp-content/uploads/2024/02/a.jpg Ships queued."
    [f] = run_rule(CODE, text)
    assert f.fix is not None
    assert text[: f.fix.start] + f.fix.replacement + text[f.fix.end :] == "The port reopened. Ships queued."


def test_html_positions() -> None:
    src = "<p>Intro.</p>\n<p>Boats along the bordersource.jpg and more.</p>"
    [f] = run_rule(CODE, src, format="html")
    assert (f.line, f.column) == (2, 20)
