"""BPL002 call-to-action."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule
from tests.rules.boilerplate.common import apply_fixes, article

CODE = "BPL002"

FIRES = {
    "stay-with-brand": "For more updates stay with Example Review",
    "please-follow-and-subscribe": "To know More Updates Please Follow and Subscribe to Our Channel:-",
    "follow-us": "Follow us on Twitter",
    "join-telegram": "Join our Telegram channel for the latest news",
    "named-platform": "Join Telegram for breaking news",
    "download-app": "Download our app",
    "newsletter": "Sign up for our daily newsletter",
    "like-us": "Like us on Facebook",
    "stay-tuned": "Stay tuned for more updates.",
    "click-to-subscribe": "Click here to subscribe to our YouTube channel",
    "lead-in": "For latest news and updates, follow us on Google News",
    "dont-forget": "Don't forget to subscribe to our channel",
    "substack": "Thanks for reading Daily Planet! Subscribe for free to receive new posts.",
    "signup-in-one-word": "Signup for our daily newsletter",
    "emoji-not-a-plain-line": "Don’t forget to follow us on Instagram ✨",
    "long-s-full-case-folding": "Follow uſ on Twitter",
}

SILENT = {
    "reported-speech": "He urged supporters to follow the rules.",
    "join-alliance": "They decided to join Nato.",
    "march": "Protesters urged people to join our march",
    "heading": "What is Nato",
    "follow-the-money": "Follow the money",
    "stay-with-me": "Stay with me",
    "quote": "“Join us,” she said.",
    "share-prices": "Share prices fell sharply on Monday",
    "watch-heading": "Watch: the moment the bridge collapsed",
    "authors-own-line": "Subscribe to the newsletter for the second part.",
    "generic-channel": "Join the channel",
    "verb-inside-a-word": "Followers of our channel grew fast",
}


@pytest.mark.parametrize("line", FIRES.values(), ids=FIRES.keys())
def test_fires(line: str) -> None:
    text = article(bottom=line)
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == line
    assert f.severity.name == "WARNING" and f.fix is not None and f.fix.safe


@pytest.mark.parametrize("line", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(line: str) -> None:
    assert run_rule(CODE, article(bottom=line)) == []


def test_call_inside_a_long_paragraph_stays_silent() -> None:
    para = (
        "The minister, who has 2 million followers, told supporters at the rally on Saturday to follow "
        "us on Twitter for news of the campaign, and then spoke for an hour about taxes and the budget."
    )
    assert run_rule(CODE, article(bottom=para)) == []


def test_fix_deletes_the_line_and_its_break() -> None:
    text = article(bottom="Follow us on Twitter\n\nJoin our Telegram channel")
    assert apply_fixes(text, run_rule(CODE, text)).rstrip() == article().rstrip()


def test_markdown_positions() -> None:
    src = "# Title\n\nText of the article.\n\n**Follow us on [Telegram](https://t.me/x) for updates.**\n"
    [f] = run_rule(CODE, src, format="markdown")
    assert (f.line, f.column) == (5, 3)
