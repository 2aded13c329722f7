"""BPL001 widget-leftover (phrase list rules/boilerplate/widgets.toml)."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule
from tests.rules.boilerplate.common import apply_fixes, article, flagged

CODE = "BPL001"

FIRES = {
    "wordpress-comment-form": "Leave a Reply",
    "jetpack-likes-placeholder": "%d bloggers like this:",
    "related-post-box": "Related Post",
    "jetpack-loading": "Like Loading...",
    "share-row": "Facebook Twitter WhatsApp Email",
    "share-button": "Share on Facebook",
    "akismet": "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    "comment-consent": "Save my name, email, and website in this browser for the next time I comment.",
    "blogger-footer": "Newer Post Older Post Home",
    "blogger-byline-time": "Posted by Anna at 9:14 AM",
    "ad-label": "Advertisement",
    "ad-continues": "Story continues below advertisement",
    "post-navigation": "Previous article",
    "tags": "Tags: ferry, harbour, transport",
    "medium": "Member-only story",
    "jetpack-related-header": "Related",
    "substack-share": "Share this post",
}

SILENT = {
    "reply-in-prose": "He decided to leave a reply to the letter unanswered.",
    "platforms-in-prose": "Facebook and Twitter both removed the post.",
    "loading-in-prose": "He was loading the truck when the storm hit.",
    "previous-article-in-prose": "The previous article in this series looked at rents.",
    "tags-in-prose": "Tags on the luggage showed it came from Oslo.",
    "tags-sentence": "Tags: the police said the luggage came from Oslo.",
    "related-in-prose": "Related stories ran in other papers the same week.",
}


@pytest.mark.parametrize("line", FIRES.values(), ids=FIRES.keys())
def test_fires_on_a_line_of_its_own(line: str) -> None:
    text = article(bottom=line)
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == line
    assert f.severity.name == "ERROR" and f.fix is not None and f.fix.safe


@pytest.mark.parametrize("line", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(line: str) -> None:
    assert run_rule(CODE, article(middle=line)) == []


def test_label_inside_a_sentence_stays_silent() -> None:
    assert flagged(CODE, article(middle="Readers were asked to Leave a Reply below the article.")) == []


def test_fix_deletes_the_lines() -> None:
    text = article(bottom="Related Post\n\n%d bloggers like this:")
    assert apply_fixes(text, run_rule(CODE, text)).rstrip() == article().rstrip()


def test_markdown_widget_line_maps_to_source() -> None:
    src = "# Title\n\nThe story.\n\n*Leave a Reply*\n"
    [f] = run_rule(CODE, src, format="markdown")
    assert (f.line, f.column, f.end_column) == (5, 2, 15)
