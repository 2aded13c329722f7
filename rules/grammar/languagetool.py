"""GRM006 languagetool-match: LanguageTool's grammar checks, through language-tool-python.

Where LanguageTool runs is the user's choice, read from ``settings["languagetool"]``:

- ``url``: a LanguageTool HTTP server (``http://localhost:8081``); the environment variable
  ``LANGUAGETOOL_URL`` works too. The public API (``*.languagetool.org``,
  ``*.languagetoolplus.com``) is refused unless ``allow-public = true``: articles must not
  leave the machine by accident.
- ``path``: a local LanguageTool folder (``/opt/LanguageTool-6.4``, holding
  ``languagetool-server.jar``); copydesk starts it with Java once per process and reuses it.
- ``disabled-rules``, ``disabled-categories``, ``enabled-rules`` (lists of LanguageTool ids),
  ``enabled-only`` (true: only ``enabled-rules``), ``mother-tongue`` (a language code).

copydesk sends ``doc.text`` (the visible prose of a Markdown or HTML file, the text of a plain
file), so LanguageTool's offsets are offsets of ``doc.text`` and the engine maps them to the
source exactly. LanguageTool counts in UTF-16 code units; they are converted to code points.
"""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

import regex

from linter.document import Document
from linter.findings import Report, Severity
from linter.rule import Context, document_rule

CODE = "GRM006"
#: LanguageTool rules copydesk checks itself; disabled so nothing is reported twice
DUPLICATES = (
    "MORFOLOGIK_RULE_EN_US",
    "MORFOLOGIK_RULE_EN_GB",
    "MORFOLOGIK_RULE_EN_AU",
    "MORFOLOGIK_RULE_EN_CA",
    "MORFOLOGIK_RULE_EN_NZ",
    "MORFOLOGIK_RULE_EN_ZA",
    "HUNSPELL_RULE",
    "EN_A_VS_AN",  # GRM001
    "ENGLISH_WORD_REPEAT_RULE",  # DUP002
    "I_LOWERCASE",  # SPL004
)
SPELLING_CATEGORIES = ("TYPOS",)
PUBLIC_HOSTS = ("languagetool.org", "languagetoolplus.com")
_SEVERITY = {"grammar": Severity.WARNING, "misspelling": Severity.WARNING}

NOT_CONFIGURED = (
    "GRM006 (LanguageTool) is selected but no LanguageTool is configured, so it was skipped: "
    'set url = "http://localhost:8081" (a LanguageTool server you run) or path = '
    '"/opt/LanguageTool-6.4" (a local LanguageTool folder; needs Java) under '
    "[tool.copydesk.languagetool], or the LANGUAGETOOL_URL environment variable"
)


class LanguageToolUnavailable(Exception):
    """LanguageTool cannot be reached or started; the message says why."""


class Server(NamedTuple):
    """Where LanguageTool is: a URL, or a local folder copydesk starts (a named tuple: a frozen
    dataclass costs a millisecond at start-up)."""

    url: str | None
    path: str | None

    def __str__(self) -> str:
        return self.url or self.path or "?"


def server_from(settings: Mapping[str, Any]) -> Server | None:
    cfg = settings.get("languagetool") or {}
    url = cfg.get("url") or os.environ.get("LANGUAGETOOL_URL") or None
    path = cfg.get("path") or None
    return Server(str(url), None) if url else (Server(None, str(path)) if path else None)


def is_public(url: str) -> bool:
    host = urllib.parse.urlparse(url if "//" in url else "//" + url).hostname or ""
    return any(host == h or host.endswith("." + h) for h in PUBLIC_HOSTS)


def refusal(server: Server, settings: Mapping[str, Any]) -> str | None:
    """Why copydesk will not use this server, or None."""
    cfg = settings.get("languagetool") or {}
    if server.url and is_public(server.url) and cfg.get("allow-public") is not True:
        return (
            f"GRM006 refuses to send articles to the public LanguageTool API ({server.url}): "
            "run your own LanguageTool server, or set allow-public = true under "
            "[tool.copydesk.languagetool] to accept that the text leaves this machine"
        )
    return None


def request_options(settings: Mapping[str, Any], options: Mapping[str, Any]) -> dict[str, Any]:
    """What to ask LanguageTool for: the settings' lists plus copydesk's own exclusions."""
    cfg = settings.get("languagetool") or {}
    disabled = set(_strings(cfg.get("disabled-rules")))
    categories = set(_strings(cfg.get("disabled-categories")))
    if not options.get("keep-duplicates", False):
        disabled.update(DUPLICATES)
        categories.update(SPELLING_CATEGORIES)
    enabled = set(_strings(cfg.get("enabled-rules")))
    only = cfg.get("enabled-only", False)
    if isinstance(only, (list, tuple)):
        enabled.update(_strings(only))
        only = True
    disabled -= enabled
    return {
        "language": str(settings.get("language") or "en-US"),
        "disabled_rules": disabled,
        "disabled_categories": categories,
        "enabled_rules": enabled,
        "enabled_rules_only": bool(only) and bool(enabled),
        "mother_tongue": cfg.get("mother-tongue") or None,
    }


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    return [str(v).strip() for v in value or () if str(v).strip()]


@lru_cache(maxsize=8)
def client(server: Server, language: str) -> Any:
    """One language-tool-python client per server and language for the whole process (a
    local LanguageTool starts once: its JVM takes seconds)."""
    try:
        import language_tool_python
    except ImportError as exc:  # pragma: no cover - an optional dependency
        raise LanguageToolUnavailable(
            "language-tool-python is not installed (pip install copydesk[languagetool])"
        ) from exc
    try:
        if server.url:
            return language_tool_python.LanguageTool(language, remote_server=server.url)
        return language_tool_python.LanguageTool(language, language_tool_download_version=_local_version(server.path))
    except LanguageToolUnavailable:
        raise
    except Exception as exc:  # connection refused, no Java, bad folder...
        raise LanguageToolUnavailable(f"{type(exc).__name__}: {exc}") from exc


def _local_version(path: str | None) -> str:
    """Point language-tool-python at a local LanguageTool folder; never download one."""
    folder = os.path.abspath(os.path.expanduser(path or ""))
    m = regex.fullmatch(r"LanguageTool-(\d+\.\d+)", os.path.basename(folder))
    jar = os.path.join(folder, "languagetool-server.jar")
    if not m or not os.path.isfile(jar):
        raise LanguageToolUnavailable(
            f"{folder} is not a LanguageTool folder (expected LanguageTool-X.Y/languagetool-server.jar)"
        )
    os.environ["LTP_PATH"] = os.path.dirname(folder)  # where language-tool-python looks
    return m.group(1)


#: servers that failed during this process: not asked again (one notice, no repeated timeouts)
_FAILED: dict[Server, str] = {}


def check_text(server: Server, text: str, request: Mapping[str, Any], max_chars: int) -> Iterator[tuple[int, int, Any]]:
    """LanguageTool's matches on ``text`` as (start, end, match), offsets in code points."""
    tool = client(server, request["language"])
    tool.disabled_rules = set(request["disabled_rules"])
    tool.disabled_categories = set(request["disabled_categories"])
    tool.enabled_rules = set(request["enabled_rules"])
    tool.enabled_rules_only = request["enabled_rules_only"]
    tool.mother_tongue = request["mother_tongue"]
    for base, chunk in chunks(text, max_chars):
        try:
            matches = tool.check(chunk)
        except Exception as exc:
            raise LanguageToolUnavailable(f"{type(exc).__name__}: {exc}") from exc
        for m in matches:
            start = base + m.offset  # language-tool-python already counts astral characters once
            end = base + py_end(chunk, m.offset, m.error_length)
            yield start, end, m


def py_end(text: str, start: int, utf16_length: int) -> int:
    """The code-point offset reached from ``start`` after ``utf16_length`` UTF-16 units."""
    i, units = start, 0
    while i < len(text) and units < utf16_length:
        units += 2 if ord(text[i]) > 0xFFFF else 1
        i += 1
    return i


def chunks(text: str, max_chars: int) -> Iterator[tuple[int, str]]:
    """The text in pieces of at most ``max_chars``, cut at paragraph breaks when possible."""
    start = 0
    while len(text) - start > max_chars:
        cut = text.rfind("\n\n", start, start + max_chars)
        cut = cut + 2 if cut > start else start + max_chars
        yield start, text[start:cut]
        start = cut
    if start < len(text):
        yield start, text[start:]


def _configured(settings: Any) -> bool:
    """Is a LanguageTool server URL or local folder configured (then GRM006 runs by default)?"""
    cfg = settings.get("languagetool") or {}
    return bool(cfg.get("url") or cfg.get("path") or os.environ.get("LANGUAGETOOL_URL"))


@document_rule(
    CODE,
    "languagetool-match",
    category="grammar",
    severity="warning",
    options={"keep-duplicates": False, "max-chars": 20000},
    fixable=True,
    default_enabled=False,
    enabled_when=lambda settings: _configured(settings),
)
def languagetool_match(doc: Document, ctx: Context) -> Iterator[Report]:
    """Reports what LanguageTool finds (grammar, agreement, confused words, style).

    What it does
    Sends the document's visible text to a LanguageTool server (``languagetool.url``, or
    ``LANGUAGETOOL_URL``) or to a local LanguageTool copydesk starts once per process
    (``languagetool.path``, needs Java) through ``language-tool-python``, and turns each match
    into a finding: LanguageTool's message and rule id, its replacements as the suggestion,
    its exact span. Off until LanguageTool is configured: it runs by default once a URL or a
    folder is set (or when selected). Selected without a configuration, or when the server
    is down, the run goes on and one notice says how to enable it. Never sends text to the
    public LanguageTool API unless ``allow-public = true``. LanguageTool's spelling rules and
    the rules copydesk has itself (a/an, doubled word, lower-case i) are disabled to avoid
    double reports; more rules and categories are disabled with ``disabled-rules`` / ``disabled-categories``.

    Why it matters
    LanguageTool knows thousands of grammar patterns no small rule set can cover; it catches
    agreement, tense and confused-word errors that machine-rewritten news is full of.

    Example
        He go to the talks every weeks.
    Use instead:
        He goes to the talks every week.

    Options
    - ``keep-duplicates`` (false): keep LanguageTool's spelling rules and the rules copydesk
      duplicates.
    - ``max-chars`` (20000): longer documents are sent in pieces cut at paragraph breaks.

    Fix safety
    Unsafe: LanguageTool's first replacement is offered as the fix; it is often, not always,
    the right one.
    """
    server = server_from(ctx.settings)
    if server is None:
        ctx.notify(NOT_CONFIGURED)
        return
    refused = refusal(server, ctx.settings)
    if refused:
        ctx.notify(refused)
        return
    if server in _FAILED:
        ctx.notify(_FAILED[server])
        return
    request = request_options(ctx.settings, ctx.options)
    try:
        found = list(check_text(server, doc.text, request, int(ctx.options.get("max-chars", 20000))))
    except LanguageToolUnavailable as exc:
        _FAILED[server] = f"LanguageTool at {server} is not available ({exc}); GRM006 was skipped"
        ctx.notify(_FAILED[server])
        return
    for start, end, m in found:
        yield _report(ctx, start, end, m)


def _report(ctx: Context, start: int, end: int, m: Any) -> Report:
    replacements = [r for r in (m.replacements or []) if isinstance(r, str)][:3]
    message = f"{m.message} (LanguageTool {m.rule_id})"
    severity = _SEVERITY.get(str(m.rule_issue_type), Severity.INFO)
    return ctx.report(
        start,
        end,
        message,
        suggestion=", ".join(replacements) or None,
        replacement=replacements[0] if replacements else None,
        severity=severity,
    )
