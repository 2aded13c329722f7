"""MRK001 leaked-srcset."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "MRK001"
BBC = (
    "news/240/cpsprodpb/158A/production/_1_a.jpg.webp 240w, "
    "https://ichef.example.co.uk/news/320/cpsprodpb/158A/production/_1_a.jpg.webp 320w"
)

FIRES = {
    "bbc-run-cut-mid-url": BBC,
    "wordpress-width-run": "Text. https://x.org/a-300x200.jpg 300w, https://x.org/a-1024x683.jpg 1024w",
    "density-descriptors": "/static/logo.png 1x, /static/logo@2x.png 2x",
    "decimal-density": "a.jpg 1x, a-15.jpg 1.5x, a-2.jpg 2x",
    "cdn-comma-in-url": "https://res.x.com/w_300,h_200/a.jpg 300w, https://res.x.com/w_600/a.jpg 600w",
    "single-candidate-closed-by-quote": 'https://x.org/a.jpg 640w" alt="A port"',
    "no-space-after-comma": "a/1.jpg 240w,a/2.jpg 480w",
}

SILENT = {
    "zoom-factors": "It has a 10x zoom, up from 4x, and a 1.5x crop.",
    "prices": "Prices are 240, 320 and 480 euros.",
    "dimensions": "The panel is 240 x 160 mm.",
    "one-candidate-in-prose": "The file a.jpg 640w was printed.",
    "bare-url": "Visit https://example.org/photos for details.",
}


@pytest.mark.parametrize("text", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str) -> None:
    findings = run_rule(CODE, text)
    assert len(findings) == 1
    assert findings[0].severity.name == "ERROR"
    assert findings[0].fix is not None and findings[0].fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_finding_points_at_head_and_fix_covers_run() -> None:
    text = f'Photo {BBC}" type="image/webp"/> The talks resumed.'
    [f] = run_rule(CODE, text)
    assert (f.line, f.column) == (1, 7)
    assert text[f.start : f.end] == "news/240/cpsprodpb/158A/production/_1_a.jpg.webp 240w, "
    assert "2 image URL(s)" in f.message
    assert f.fix is not None
    assert text[f.fix.start : f.fix.end] == BBC + '"'


def test_attribute_name_is_taken_with_the_run() -> None:
    text = 'Logo srcset="/a.png 1x, /a@2x.png 2x" here'
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end].startswith('srcset="')
    assert f.fix is not None and text[f.fix.start : f.fix.end] == 'srcset="/a.png 1x, /a@2x.png 2x"'


def test_two_runs_two_findings() -> None:
    text = f'{BBC}" type="image/webp"/>{BBC}" type="image/jpeg"/>'
    assert len(run_rule(CODE, text)) == 2


def test_html_positions_map_to_source() -> None:
    src = f"<html><body>\n<p>Photo:\n{BBC}</p>\n</body></html>"
    [f] = run_rule(CODE, src, format="html")
    assert (f.line, f.column) == (3, 1)
    assert src[f.start : f.start + 8] == "news/240"
