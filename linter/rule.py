"""The rule API: document rules, corpus rules, and the context they run with.

A document rule is a plain function of a document and a context that yields
``Report`` objects (spans in ``doc.text``)::

    @document_rule("DUP002", "doubled-word", category="duplication", severity="warning")
    def doubled_word(doc: Document, ctx: Context) -> Iterator[Report]:
        '''What it does ... Why it matters ... Example ... Fix safety ...'''
        for m in PATTERN.finditer(doc.text):
            yield ctx.report(m.start(2), m.end(2), "doubled word", replacement="", safe=True)

A corpus rule sees the whole run in three steps that can run in different processes:
``summarize`` (one document -> a small JSON-able summary), ``merge`` (two merged values
-> one, associative, starting from ``initial()``) and ``check`` (one document + the
merged value -> reports).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.findings import CATEGORIES, Report, Severity

if TYPE_CHECKING:
    from linter.document import Document

_CODE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DOC_HEADINGS = ("What it does", "Why it matters", "Example", "Fix safety")


@dataclass
class Context:
    """What a rule may read besides the document: its options and the run's settings."""

    options: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    corpus: Any = None
    #: does ``corpus`` count this document as it stands? True in a run, which merges the
    #: summary of every document it checks; False for a text the corpus never saw (the
    #: rounds of ``--fix``). A corpus rule's shortcut that relies on the document's own
    #: summary being in the corpus must not be taken when it is False.
    counted: bool = True
    #: run-level messages (e.g. "LanguageTool is not configured"); printed once per run
    notices: list[str] = field(default_factory=list)

    def notify(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)

    def report(
        self,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        replacement: str | None = None,
        safe: bool = False,
        severity: Severity | str | None = None,
        fix_span: tuple[int, int] | None = None,
        fix_lines: bool = False,
    ) -> Report:
        if isinstance(severity, str):
            severity = Severity.parse(severity)
        if suggestion is None and replacement:
            suggestion = replacement
        return Report(start, end, message, suggestion, replacement, safe, severity, fix_span, fix_lines)


CheckFn = Callable[["Document", Context], Iterable[Report]]


@dataclass
class Rule:
    """A rule's identity, documentation and behaviour."""

    code: str
    name: str
    category: str
    severity: Severity
    check: CheckFn
    doc: str
    options: dict[str, Any] = field(default_factory=dict)
    fixable: bool = False
    source: str = "copydesk"
    #: off by default (e.g. it needs a service the user must configure); select it to run it
    default_enabled: bool = True
    #: for a rule off by default: turns it on when the run's settings say so (e.g. a
    #: LanguageTool URL is configured)
    enabled_when: Callable[[Mapping[str, Any]], bool] | None = None

    def enabled_by_default(self, settings: Mapping[str, Any]) -> bool:
        return self.default_enabled or bool(self.enabled_when and self.enabled_when(settings))

    def __post_init__(self) -> None:
        validate_identity(self.code, self.name, self.category)

    @property
    def is_corpus(self) -> bool:
        return False

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")


@dataclass
class CorpusRule(Rule):
    """A rule that compares each document with a summary of the whole run."""

    summarize: Callable[[Document, Context], Any] = lambda doc, ctx: None
    merge: Callable[[Any, Any], Any] = lambda a, b: a
    initial: Callable[[], Any] = lambda: None

    @property
    def is_corpus(self) -> bool:
        return True


def validate_identity(code: str, name: str, category: str) -> None:
    if not _CODE.match(code):
        raise ValueError(f"rule code {code!r} must be a family prefix and 3 digits, like DUP001")
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} of {code} must be kebab-case")
    if category not in CATEGORIES:
        raise ValueError(f"rule {code} has unknown category {category!r}")


def _docstring(obj: Any, code: str) -> str:
    doc = inspect.getdoc(obj) or ""
    missing = [h for h in DOC_HEADINGS if h not in doc]
    if missing:
        raise ValueError(f"rule {code} docstring lacks: {', '.join(missing)}")
    return doc


def _identity(obj: Any, code: str, name: str, category: str, severity: str, **rest: Any) -> dict[str, Any]:
    """The fields both decorators fill the same way (documentation read from ``obj``)."""
    options = rest.pop("options", None)
    return dict(
        code=code,
        name=name,
        category=category,
        severity=Severity.parse(severity),
        doc=_docstring(obj, code),
        options=dict(options or {}),
        source=obj.__module__,
        **rest,
    )


def document_rule(
    code: str,
    name: str,
    *,
    category: str,
    severity: str = "warning",
    options: dict[str, Any] | None = None,
    fixable: bool = False,
    default_enabled: bool = True,
    enabled_when: Callable[[Mapping[str, Any]], bool] | None = None,
) -> Callable[[CheckFn], Rule]:
    """Decorator that turns ``fn(doc, ctx) -> Iterable[Report]`` into a ``Rule``."""

    def wrap(fn: CheckFn) -> Rule:
        return Rule(
            check=fn,
            **_identity(
                fn,
                code,
                name,
                category,
                severity,
                options=options,
                fixable=fixable,
                default_enabled=default_enabled,
                enabled_when=enabled_when,
            ),
        )

    return wrap


def corpus_rule(
    code: str,
    name: str,
    *,
    category: str,
    severity: str = "warning",
    options: dict[str, Any] | None = None,
    fixable: bool = False,
    default_enabled: bool = True,
    enabled_when: Callable[[Mapping[str, Any]], bool] | None = None,
) -> Callable[[type], CorpusRule]:
    """Class decorator: a class with static ``initial``, ``summarize``, ``merge``, ``check``."""

    def wrap(cls: Any) -> CorpusRule:
        return CorpusRule(
            check=cls.check,
            summarize=cls.summarize,
            merge=cls.merge,
            initial=cls.initial,
            **_identity(
                cls,
                code,
                name,
                category,
                severity,
                options=options,
                fixable=fixable,
                default_enabled=default_enabled,
                enabled_when=enabled_when,
            ),
        )

    return wrap


def matches(selector: str, rule: Rule) -> bool:
    """Does a selector (``ALL``, a code or code prefix, a category, a rule name) pick a rule?"""
    if selector == "ALL" or selector in (rule.category, rule.name):
        return True
    return selector[:1].isupper() and rule.code.startswith(selector)


def collect(reports: Iterable[Report] | None) -> Iterator[Report]:
    """Iterate a rule's output, tolerating a rule that returns None."""
    if reports is not None:
        yield from reports
