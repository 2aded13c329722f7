"""A tiny LanguageTool HTTP server for tests: GET /v2/languages, POST /v2/check.

It answers like LanguageTool 6: form-encoded requests, JSON matches whose offsets and lengths
count UTF-16 code units (as Java does), and it honours disabledRules / disabledCategories /
enabledRules / enabledOnly. Its "rules" are a word table: each listed word is a match.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

#: word -> (rule id, category id, issue type, replacements, message)
RULES: dict[str, tuple[str, str, str, list[str], str]] = {
    "go": (
        "HE_VERB_AGR",
        "GRAMMAR",
        "grammar",
        ["goes"],
        "The pronoun ‘He’ must be used with a third-person verb.",
    ),
    "teh": (
        "MORFOLOGIK_RULE_EN_US",
        "TYPOS",
        "misspelling",
        ["the", "tech"],
        "Possible spelling mistake found.",
    ),
    "weeks": ("EVERY_NNS", "GRAMMAR", "grammar", ["week"], "‘every’ takes a singular noun."),
    "alot": ("ALOT", "TYPOS", "misspelling", ["a lot"], "Did you mean “a lot”?"),
    "utilize": ("UTILIZE", "STYLE", "style", ["use"], "Consider a simpler word."),
}
LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German", "code": "de", "longCode": "de"},
]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def matches_for(form: dict[str, str]) -> list[dict[str, Any]]:
    text = form["text"]
    disabled = set(filter(None, form.get("disabledRules", "").split(",")))
    categories = set(filter(None, form.get("disabledCategories", "").split(",")))
    enabled = set(filter(None, form.get("enabledRules", "").split(",")))
    only = form.get("enabledOnly") == "true"
    out = []
    for m in re.finditer(r"\w+", text):
        rule = RULES.get(m.group())
        if rule is None:
            continue
        rule_id, category, issue, replacements, message = rule
        if (only and rule_id not in enabled) or rule_id in disabled or category in categories:
            continue
        offset, length = utf16_len(text[: m.start()]), utf16_len(m.group())
        out.append(
            {
                "message": message,
                "shortMessage": "",
                "replacements": [{"value": r} for r in replacements],
                "offset": offset,
                "length": length,
                "context": {
                    "text": text[max(0, m.start() - 20) : m.end() + 20],
                    "offset": min(20, m.start()),
                    "length": length,
                },
                "sentence": text,
                "type": {"typeName": "Other"},
                "rule": {
                    "id": rule_id,
                    "description": message,
                    "issueType": issue,
                    "category": {"id": category, "name": category},
                },
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            }
        )
    return out


class Handler(BaseHTTPRequestHandler):
    requests: list[dict[str, str]]

    def _json(self, payload: Any) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/v2/languages"):
            self._json(LANGUAGES)
        else:
            self.send_error(404)

    def do_POST(self) -> None:  # noqa: N802
        if not self.path.startswith("/v2/check"):
            self.send_error(404)
            return
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        form = {k: v[0] for k, v in urllib.parse.parse_qs(raw, keep_blank_values=True).items()}
        self.server.requests.append(form)  # type: ignore[attr-defined]
        self._json({"software": {"name": "LanguageTool", "version": "6.4"}, "matches": matches_for(form)})

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def fake_languagetool() -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A running fake server on 127.0.0.1: (its URL, the check requests it received)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.requests  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
