"""MRK005 leaked-shortcode."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "MRK005"

FIRES = {
    "caption-pair": (
        '[caption id="attachment_1" align="alignnone" width="300"]The port.[/caption]',
        ['[caption id="attachment_1" align="alignnone" width="300"]', "[/caption]"],
    ),
    "embed-pair": ("[embed]https://youtu.be/x[/embed]", ["[embed]", "[/embed]"]),
    "gallery-with-ids": ('[gallery ids="1,2,3"]', ['[gallery ids="1,2,3"]']),
    "page-builder": (
        "[vc_row][vc_column]Text[/vc_column][/vc_row]",
        ["[vc_row]", "[vc_column]", "[/vc_column]", "[/vc_row]"],
    ),
    "divi": ('[et_pb_section fb_built="1"]', ['[et_pb_section fb_built="1"]']),
    "bbcode": ("[b]Breaking[/b] news", ["[b]", "[/b]"]),
    "contact-form": (
        '[contact-form-7 id="88" title="Contact"]',
        ['[contact-form-7 id="88" title="Contact"]'],
    ),
    "self-closing": ('[audio src="a.mp3" /]', ['[audio src="a.mp3" /]']),
}

SILENT = {
    "sic": "the most beautiful [sic] thing",
    "footnote": "The report [1] lists the repairs.",
    "editor-note": "[Editor's note: the trust is a charity.]",
    "stage-direction": "The crowd [laughs] cheered.",
    "capitalised-transcript": "[Video] [Music] [Applause]",
    "citation-needed": "put the cost at £2m [citation needed].",
    "markdown-link-text": "Read [here](https://example.org).",
    "bare-unknown-name": "He said [quietly] that it was over.",
}


@pytest.mark.parametrize(("text", "flagged"), FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: list[str]) -> None:
    findings = run_rule(CODE, text)
    assert [text[f.start : f.end] for f in findings] == flagged
    assert all(f.fix is not None and f.fix.safe and f.severity.name == "ERROR" for f in findings)


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_fix_keeps_the_caption_text() -> None:
    text = '[caption id="a"]The port at dawn.[/caption]'
    findings = run_rule(CODE, text)
    out = text
    for f in sorted(findings, key=lambda f: -f.start):
        assert f.fix is not None
        out = out[: f.fix.start] + f.fix.replacement + out[f.fix.end :]
    assert out == "The port at dawn."


def test_markdown_positions() -> None:
    src = '# Title\n\nIntro.\n\n[caption id="a"]Port.[/caption]'
    findings = run_rule(CODE, src, format="markdown")
    assert [(f.line, f.column) for f in findings] == [(5, 1), (5, 22)]
