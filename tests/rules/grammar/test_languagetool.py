"""GRM006 languagetool-match: the adapter, against a fake LanguageTool on 127.0.0.1."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from linter.api import select_rules
from linter.document import Document
from linter.engine import lint
from rules.grammar import languagetool as lt
from tests.helpers import check_fixture, fixture_files, run_rule
from tests.rules.grammar.fake_languagetool import fake_languagetool

CODE = "GRM006"


@pytest.fixture
def server() -> Iterator[tuple[str, list[dict[str, str]]]]:
    with fake_languagetool() as running:
        yield running


def run(text: str, settings: dict[str, Any], fmt: str = "text", options: dict | None = None) -> Any:
    doc = Document(text, format=fmt)
    return doc, lint(doc, select_rules([CODE], options={CODE: options or {}}), settings)


def test_matches_become_findings_with_exact_spans(server: tuple[str, list]) -> None:
    url, requests = server
    text = "He go to the talks every weeks."
    doc, result = run(text, {"languagetool": {"url": url}})
    got = [(text[f.start : f.end], f.suggestion, str(f.severity)) for f in result.findings]
    assert got == [("go", "goes", "warning"), ("weeks", "week", "warning")]
    assert "HE_VERB_AGR" in result.findings[0].message
    assert result.findings[0].fix is not None and result.findings[0].fix.replacement == "goes"
    assert not result.findings[0].fix.safe
    assert requests[-1]["text"] == text and requests[-1]["language"] == "en-US"


def test_offsets_count_utf16_like_java(server: tuple[str, list]) -> None:
    url, _ = server
    text = "Fans 😀😀 said he go there 𝔘 every weeks."
    _, result = run(text, {"languagetool": {"url": url}})
    assert [text[f.start : f.end] for f in result.findings] == ["go", "weeks"]


def test_markdown_offsets_map_to_the_source(server: tuple[str, list]) -> None:
    url, requests = server
    source = "# Talks\n\nSome **bold** text: he go to [the talks](https://example.org) every weeks.\n"
    doc, result = run(source, {"languagetool": {"url": url}}, fmt="markdown")
    assert requests[-1]["text"] == doc.text  # the visible prose, not the markup
    assert [source[f.start : f.end] for f in result.findings] == ["go", "weeks"]
    assert (result.findings[0].line, result.findings[0].column) == (3, source.splitlines()[2].index("go") + 1)


def test_html_offsets_map_to_the_source(server: tuple[str, list]) -> None:
    url, _ = server
    source = "<html><body><p>He <em>go</em> to&nbsp;the talks every weeks.</p></body></html>"
    _, result = run(source, {"languagetool": {"url": url}}, fmt="html")
    assert [source[f.start : f.end] for f in result.findings] == ["go", "weeks"]


def test_spelling_and_duplicated_rules_are_disabled_by_default(server: tuple[str, list]) -> None:
    url, requests = server
    _, result = run("He go to teh talks, alot.", {"languagetool": {"url": url}})
    assert [f.message.split("(LanguageTool ")[1] for f in result.findings] == ["HE_VERB_AGR)"]
    sent = requests[-1]
    assert "MORFOLOGIK_RULE_EN_US" in sent["disabledRules"].split(",")
    assert "EN_A_VS_AN" in sent["disabledRules"].split(",")
    assert sent["disabledCategories"] == "TYPOS"


def test_keep_duplicates_option(server: tuple[str, list]) -> None:
    url, _ = server
    text = "He go to teh talks."
    _, result = run(text, {"languagetool": {"url": url}}, options={"keep-duplicates": True})
    assert [text[f.start : f.end] for f in result.findings] == ["go", "teh"]


def test_configured_rules_categories_and_language(server: tuple[str, list]) -> None:
    url, requests = server
    settings = {
        "language": "en-GB",
        "languagetool": {
            "url": url,
            "disabled-rules": ["HE_VERB_AGR"],
            "disabled-categories": ["STYLE"],
            "mother-tongue": "de",
        },
    }
    text = "He go there every weeks; utilize it."
    _, result = run(text, settings)
    assert [text[f.start : f.end] for f in result.findings] == ["weeks"]
    sent = requests[-1]
    assert sent["language"] == "en-GB" and sent["motherTongue"] == "de"
    assert set(sent["disabledCategories"].split(",")) == {"STYLE", "TYPOS"}


def test_enabled_only(server: tuple[str, list]) -> None:
    url, requests = server
    settings = {"languagetool": {"url": url, "enabled-rules": ["UTILIZE"], "enabled-only": True}}
    text = "He go there every weeks; utilize it."
    _, result = run(text, settings)
    assert [(text[f.start : f.end], str(f.severity)) for f in result.findings] == [("utilize", "info")]
    assert requests[-1]["enabledOnly"] == "true" and requests[-1]["enabledRules"] == "UTILIZE"


def test_environment_variable_names_the_server(server: tuple[str, list], monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = server
    monkeypatch.setenv("LANGUAGETOOL_URL", url)
    _, result = run("He go there.", {})
    assert len(result.findings) == 1


def test_long_documents_are_sent_in_pieces(server: tuple[str, list]) -> None:
    url, requests = server
    text = "\n\n".join(f"Paragraph {i}: he go there." for i in range(30))
    before = len(requests)
    _, result = run(text, {"languagetool": {"url": url}}, options={"max-chars": 200})
    assert len(requests) - before > 1
    assert [text[f.start : f.end] for f in result.findings] == ["go"] * 30


def test_not_configured_notice_and_no_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LANGUAGETOOL_URL", raising=False)
    _, result = run("He go there.", {})
    assert result.findings == [] and result.problems == []
    assert result.notices == [lt.NOT_CONFIGURED]


def test_public_api_is_refused_without_allow_public() -> None:
    for url in (
        "https://api.languagetool.org/v2/",
        "https://languagetool.org/api/",
        "api.languagetoolplus.com",
    ):
        _, result = run("He go there.", {"languagetool": {"url": url}})
        assert result.findings == []
        assert len(result.notices) == 1 and "refuses" in result.notices[0] and "allow-public" in result.notices[0]


def test_allow_public_lifts_the_refusal_only_when_true() -> None:
    server = lt.Server("https://api.languagetool.org", None)
    assert lt.refusal(server, {"languagetool": {"allow-public": True}}) is None
    assert lt.refusal(server, {"languagetool": {"allow-public": "yes"}}) is not None
    assert lt.refusal(lt.Server("http://localhost:8081", None), {}) is None


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_notice_once_and_the_run_goes_on() -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    rules = select_rules([CODE, "GRM001"])
    settings = {"languagetool": {"url": url}}
    first = lint(Document("It was an unique chance; he go."), rules, settings)
    second = lint(Document("He go again."), rules, settings)
    assert [f.rule for f in first.findings] == ["GRM001"]  # the other rules ran
    assert first.problems == [] and second.findings == []
    assert len(first.notices) == 1 and "not available" in first.notices[0] and url in first.notices[0]
    assert second.notices == first.notices


def test_local_folder_must_be_a_languagetool_folder(tmp_path: Any) -> None:
    _, result = run("He go there.", {"languagetool": {"path": str(tmp_path / "nothing")}})
    assert result.findings == []
    assert "not a LanguageTool folder" in result.notices[0]


def test_local_folder_sets_up_language_tool_python(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "LanguageTool-6.4"
    folder.mkdir()
    (folder / "languagetool-server.jar").write_bytes(b"")
    monkeypatch.delenv("LTP_PATH", raising=False)
    assert lt._local_version(str(folder)) == "6.4"
    assert os.environ["LTP_PATH"] == str(tmp_path)


def test_one_client_per_server_and_language(server: tuple[str, list]) -> None:
    url, _ = server
    s = lt.Server(url, None)
    assert lt.client(s, "en-US") is lt.client(s, "en-US")
    assert lt.client(s, "en-US") is not lt.client(s, "en-GB")


@pytest.mark.parametrize(
    "text,size",
    [("short", 100), ("a\n\nb\n\nc" * 50, 40), ("x" * 250, 100)],
    ids=["one-piece", "paragraphs", "no-break"],
)
def test_chunks_cover_the_text(text: str, size: int) -> None:
    pieces = list(lt.chunks(text, size))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= size for _, p in pieces)
    assert all(text[start : start + len(p)] == p for start, p in pieces)


@pytest.mark.skipif(not os.environ.get("LANGUAGETOOL_URL"), reason="needs a LanguageTool server: LANGUAGETOOL_URL")
def test_real_languagetool_server() -> None:
    text = "He go to the talks every weeks."
    _, result = run(text, {"languagetool": {"url": os.environ["LANGUAGETOOL_URL"]}})
    assert result.findings, "LanguageTool found nothing in an ungrammatical sentence"
    assert all(0 <= f.start < f.end <= len(text) for f in result.findings)
    assert any(text[f.start : f.end] in ("go", "weeks", "every weeks") for f in result.findings)


# The fixtures of GRM006 are checked here, not in tests/rules/test_fixtures.py (see CHECKED_ELSEWHERE there).
@pytest.mark.parametrize("path", fixture_files(CODE, "bad"), ids=lambda p: p.name)
def test_bad_fixture(path: Any, server: tuple[str, list]) -> None:
    check_fixture(CODE, path, settings={"languagetool": {"url": server[0]}})


@pytest.mark.parametrize("path", fixture_files(CODE, "good"), ids=lambda p: p.name)
def test_good_fixture(path: Any, server: tuple[str, list]) -> None:
    text = path.read_text(encoding="utf-8")
    assert run_rule(CODE, text, format="markdown", settings={"languagetool": {"url": server[0]}}) == []


def test_runs_by_default_once_a_server_is_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    from linter import config as config_mod
    from linter import registry

    monkeypatch.delenv("LANGUAGETOOL_URL", raising=False)
    rules = registry.all_rules()
    plain = config_mod.from_mapping({}, "x.toml", None, rules)
    assert "GRM006" not in {a.rule.code for a in plain.active_rules(rules)}
    configured = config_mod.from_mapping({"languagetool": {"url": "http://127.0.0.1:9"}}, "x.toml", None, rules)
    assert "GRM006" in {a.rule.code for a in configured.active_rules(rules)}
    monkeypatch.setenv("LANGUAGETOOL_URL", "http://127.0.0.1:9")
    assert "GRM006" in {a.rule.code for a in plain.active_rules(rules)}
