"""Running rules on one document: reports -> findings with exact source positions.

The engine owns everything a rule should not: mapping offsets back to the source,
suppression comments, severity overrides, ordering, and keeping one broken rule from
taking the others down.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from linter import suppression
from linter.document import Document
from linter.findings import Edit, Finding, Report, Severity
from linter.rule import Context, CorpusRule, Rule, collect


@dataclass
class ActiveRule:
    """A rule as configured for a run: its options and its effective severity."""

    rule: Rule
    options: dict[str, Any] = field(default_factory=dict)
    #: set only when the configuration overrides the severity; it then wins over the
    #: severity a rule gives a single finding
    severity: Severity | None = None

    @classmethod
    def default(cls, rule: Rule) -> ActiveRule:
        return cls(rule, dict(rule.options), None)


@dataclass
class DocumentResult:
    findings: list[Finding]
    #: one-line problems (a rule that crashed or ran out of time on this file)
    problems: list[str] = field(default_factory=list)
    #: run-level notices from rules (deduplicated by the runner, printed once)
    notices: list[str] = field(default_factory=list)


def whole_lines(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Widen a source span to the whole lines it touches, line breaks included, plus one
    blank line after it (or, at the end of the file, the blank lines before it)."""
    source, index = doc.source, doc.lines_index
    first, _ = index.position(start)
    last, _ = index.position(max(start, end - 1))
    s = index.starts[first - 1]
    e = index.starts[last] if last < len(index.starts) else len(source)
    if e < len(source):
        nxt = last + 1
        ls, le = index.line_span(nxt, source)
        if not source[ls:le].strip():
            e = index.starts[nxt] if nxt < len(index.starts) else len(source)
    else:
        while s > 0 and not source[index.starts[index.position(s - 1)[0] - 1] : s].strip():
            s = index.starts[index.position(s - 1)[0] - 1]
    return s, e


def to_finding(doc: Document, active: ActiveRule, report: Report) -> Finding:
    """Map a rule's report (visible-text offsets) to a finding (source positions)."""
    n = len(doc.text)
    start = min(max(report.start, 0), n)
    end = min(max(report.end, start), n)
    s, e = doc.span(start, end)
    line, column = doc.position(s)
    end_line, end_column = doc.position(e)
    fix = None
    if report.replacement is not None:
        fs, fe = report.fix_span or (start, end)
        fs, fe = doc.span(min(max(fs, 0), n), min(max(fe, fs), n))
        if report.fix_lines and report.replacement == "":
            fs, fe = whole_lines(doc, fs, fe)
        fix = Edit(fs, fe, report.replacement, report.safe)
    rule = active.rule
    return Finding(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.code,
        name=rule.name,
        category=rule.category,
        severity=active.severity or report.severity or rule.severity,
        message=report.message,
        suggestion=report.suggestion,
        start=s,
        end=e,
        fix=fix,
    )


def summarize(doc: Document, rules: Iterable[ActiveRule], settings: Mapping[str, Any]) -> dict[str, Any]:
    """The map step of every corpus rule for one document."""
    out: dict[str, Any] = {}
    for active in rules:
        if isinstance(active.rule, CorpusRule):
            ctx = Context(dict(active.options), dict(settings))
            out[active.rule.code] = active.rule.summarize(doc, ctx)
    return out


def merge(rules: Iterable[ActiveRule], merged: dict[str, Any], summaries: Mapping[str, Any]) -> dict[str, Any]:
    """The reduce step: fold one document's (or one chunk's) summaries into ``merged``."""
    for active in rules:
        rule = active.rule
        if isinstance(rule, CorpusRule) and rule.code in summaries:
            current = merged[rule.code] if rule.code in merged else rule.initial()
            merged[rule.code] = rule.merge(current, summaries[rule.code])
    return merged


class BudgetExceeded(BaseException):
    """Raised inside a rule when the file's time budget runs out (BaseException: rules
    that catch Exception cannot swallow it)."""


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread on Unix; elsewhere a no-op)."""
    usable = (
        seconds is not None and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise BudgetExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds or 0.0, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def budget_for(doc: Document, seconds_per_mb: float | None) -> float | None:
    """The time budget of one file: ``seconds_per_mb`` per started megabyte of text."""
    if seconds_per_mb is None:
        return None
    return seconds_per_mb * max(1.0, len(doc.source) / 1_000_000)


def _run_rule(doc: Document, active: ActiveRule, ctx: Context, silenced: Any, findings: list[Finding]) -> None:
    for report in collect(active.rule.check(doc, ctx)):
        finding = to_finding(doc, active, report)
        if not silenced.silences(finding.line, active.rule):
            findings.append(finding)


def lint(
    doc: Document,
    rules: Iterable[ActiveRule],
    settings: Mapping[str, Any] | None = None,
    corpus: Mapping[str, Any] | None = None,
    budget_s: float | None = None,
    counted: bool = True,
) -> DocumentResult:
    """Run the rules on one document; findings sorted, suppressed ones dropped. ``counted``:
    does ``corpus`` hold this document's summaries (see ``Context.counted``)?

    The file's time budget is one alarm for the whole document (not one per rule): when it
    rings inside a rule, that rule and the ones after it are reported as skipped.
    """
    settings = settings or {}
    corpus = corpus or {}
    findings: list[Finding] = []
    problems: list[str] = []
    notices: list[str] = []
    silenced = suppression.parse(doc.source, doc.lines_index)
    budget = budget_for(doc, budget_s)
    started = time.monotonic()
    pending = list(rules)
    try:
        with deadline(budget):
            while pending:
                if budget is not None and time.monotonic() - started >= budget:
                    break  # no alarm off the main thread: the budget is checked between rules
                _run_one(doc, pending[0], settings, corpus, counted, silenced, findings, problems, notices)
                pending.pop(0)
    except BudgetExceeded:
        pass
    problems += [
        f"rule {a.rule.code} ({a.rule.name}) skipped: the file's time budget ({budget:g} s) ran out" for a in pending
    ]
    unique = {(f.sort_key(), f.category): f for f in findings}
    return DocumentResult(sorted(unique.values(), key=Finding.sort_key), problems, notices)


def _run_one(
    doc: Document,
    active: ActiveRule,
    settings: Mapping[str, Any],
    corpus: Mapping[str, Any],
    counted: bool,
    silenced: Any,
    findings: list[Finding],
    problems: list[str],
    notices: list[str],
) -> None:
    """One rule on one document; its failure becomes a one-line problem (BudgetExceeded,
    a BaseException, goes through to ``lint``)."""
    rule = active.rule
    ctx = Context(dict(active.options), dict(settings))
    if isinstance(rule, CorpusRule):
        ctx.corpus = corpus.get(rule.code, rule.initial())
        ctx.counted = counted
    found: list[Finding] = []
    try:
        _run_rule(doc, active, ctx, silenced, found)
    except TimeoutError as exc:  # a `regex` pattern's own timeout
        problems.append(f"rule {rule.code} ({rule.name}) skipped: a pattern timed out ({exc})")
    except Exception as exc:  # one broken rule must not stop the others
        name = type(exc).__name__
        problems.append(f"rule {rule.code} ({rule.name}) failed on this file: {name}: {exc}")
    findings += found
    notices.extend(n for n in ctx.notices if n not in notices)
