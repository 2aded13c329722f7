"""MRK005 leaked-shortcode."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.markup._shared import glue_replacement

_NAME = r"[a-z][a-z0-9]{0,30}+(?:[_-][a-z0-9]{1,30}+){0,6}+"
_VALUE = r"(?:\"[^\"\]\n]{0,500}+\"|'[^'\]\n]{0,500}+'|“[^”\]\n]{0,500}+”|[^\s\"'\]\[=]{1,200}+)"
_ATTRS = rf"(?:[ \t]++[a-z_][\w-]{{0,40}}+[ \t]*+=[ \t]*+{_VALUE})++"


@cache
def _known() -> regex.Pattern[str]:
    """Names that WordPress core, page builders and popular plugins register."""
    return regex.compile(
        r"embed|caption|wp_caption|gallery|playlist|audio|video|youtube|vimeo|soundcloud|tweet|"
        r"instagram|facebook|toc|ad|ads|adsense|adinserter|contact-form(?:-7)?|wpforms|mc4wp_form|"
        r"mailpoet_form|ninja_form|gravityform|rev_slider|button|divider|spacer|box|"
        r"(?:vc|et_pb|fusion|av|tie|su|td|mk|cs|dt|ux|tm|elementor|ld|bs|sc|x)_[a-z0-9_]+",
    )


@cache
def _pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"\[(?P<close>/)?(?P<name>{_NAME})(?P<attrs>{_ATTRS})?[ \t]*+/?\]",
        regex.IGNORECASE,
    )


def _report_reason(text: str, m: regex.Match[str], closers: set[str]) -> str | None:
    name = m.group("name").lower()
    if m.group("close"):
        return f"closing shortcode “[/{name}]”"
    if m.group("attrs"):
        return f"shortcode “[{name} …]”"
    if name in closers:
        return f"shortcode “[{name}]”"
    if _known().fullmatch(name) and m.group("name").islower():
        return f"shortcode “[{name}]”"
    return None


@document_rule("MRK005", "leaked-shortcode", category="markup", severity="error", fixable=True)
def leaked_shortcode(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds WordPress-style shortcodes and BBCode left in the text.

    What it does
    Flags ``[name attr="value" …]`` (a shortcode with attributes, such as
    ``[caption id="attachment_1" align="alignnone" width="300"]``), any closing tag
    ``[/name]`` (``[/caption]``, ``[/embed]``, BBCode ``[/b]``), a bare ``[name]`` that
    is closed later in the text, and a bare lower-case ``[name]`` that WordPress or a
    well-known plugin registers (``[embed]``, ``[gallery]``, ``[vc_row]``,
    ``[et_pb_section]``). Editorial brackets stay silent: ``[sic]``, ``[1]``,
    ``[laughs]``, ``[Editor's note: …]``.

    Why it matters
    An unrendered shortcode shows the CMS's plumbing where a picture, a video or a
    form should be.

    Example
        [caption id="attachment_7" width="640"]The port at dawn.[/caption]
    Use instead:
        The port at dawn.

    Fix safety
    Safe: the fix deletes the shortcode tags only; the text they wrap (a caption)
    stays.
    """
    text = doc.text
    matches = list(_pattern().finditer(text)) if "[" in text else []
    closers = {m.group("name").lower() for m in matches if m.group("close")}
    for m in matches:
        reason = _report_reason(text, m, closers)
        if reason is None:
            continue
        start, end = m.span()
        yield ctx.report(
            start,
            end,
            f"Unrendered {reason} left in the text",
            suggestion="delete the shortcode",
            replacement=glue_replacement(text, start, end),
            safe=True,
        )
