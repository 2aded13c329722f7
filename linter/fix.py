"""Safe autofix: apply the edits rules mark safe, re-lint until stable, write atomically.

The pure part works on strings: ``apply_fixes(source, edits)`` applies non-overlapping
edits in a deterministic order (by start offset, then by rule code; an edit that overlaps
one already accepted is dropped and left for the next pass) and ``fix_source`` loops
lint -> apply until nothing more applies, at most ``MAX_PASSES`` times, like ruff.

The file part keeps everything a file is besides its text: its encoding (a byte-order
mark is kept, with its byte order), its line endings (edits are offsets into the decoded
source, which keeps CRLF as is), its permissions, and its identity (a file with nothing
to fix is never rewritten). Writes go to a temporary file in the same folder, then
``os.replace`` swaps it in, so a crash never leaves half an article.
"""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from linter.document import Document
from linter.findings import Edit, Finding
from linter.runner import FileResult, ReadError, Runner, decode

#: how many lint -> fix rounds before giving up on reaching a fixed point
MAX_PASSES = 5

#: byte-order marks and the codec that encodes text after them (checked in this order:
#: the UTF-32 LE mark starts with the UTF-16 LE one)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

RuleEdit = tuple[str, Edit]
Lint = Callable[[str], Sequence[Finding]]


class FixError(Exception):
    """A file that cannot be fixed safely; the message says why (no path)."""


# -- pure: edits on strings -------------------------------------------------------------
def safe_edits(findings: Iterable[Finding]) -> list[RuleEdit]:
    """The fixes rules marked safe, each with the code of the rule that proposed it."""
    return [(f.rule, f.fix) for f in findings if f.fix is not None and f.fix.safe]


def _conflicts(edit: Edit, last: Edit | None) -> bool:
    """Does ``edit`` (sorted after ``last``) overlap it? Two insertions at one point do."""
    if last is None:
        return False
    if edit.start < last.end:
        return True
    return edit.start == edit.end == last.start == last.end


def apply_fixes(source: str, edits: Iterable[RuleEdit]) -> tuple[str, list[RuleEdit]]:
    """Apply non-overlapping edits; return the new source and the edits applied, in order.

    Edits are taken by start offset, then rule code; one that overlaps an edit already
    accepted, falls outside the source, or changes nothing is skipped.
    """
    ordered = sorted(edits, key=lambda e: (e[1].start, e[0], e[1].end, e[1].replacement))
    parts: list[str] = []
    applied: list[RuleEdit] = []
    pos = 0
    last: Edit | None = None
    for code, edit in ordered:
        if not 0 <= edit.start <= edit.end <= len(source):
            continue
        if source[edit.start : edit.end] == edit.replacement or _conflicts(edit, last):
            continue
        parts += [source[pos : edit.start], edit.replacement]
        pos, last = edit.end, edit
        applied.append((code, edit))
    parts.append(source[pos:])
    return "".join(parts), applied


@dataclass
class FixOutcome:
    """What the lint -> fix loop made of one source."""

    source: str
    #: edits applied over all passes
    applied: int = 0
    #: findings of the final source
    findings: list[Finding] = field(default_factory=list)
    #: False when MAX_PASSES ran out while safe fixes still applied
    converged: bool = True


def fix_source(source: str, lint: Lint, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Lint, apply the safe fixes, re-lint the result; repeat until nothing applies."""
    findings = list(lint(source))
    applied = 0
    for _ in range(max_passes):
        new, done = apply_fixes(source, safe_edits(findings))
        if not done:
            return FixOutcome(source, applied, findings, True)
        source, applied = new, applied + len(done)
        findings = list(lint(source))
    pending = apply_fixes(source, safe_edits(findings))[1]
    return FixOutcome(source, applied, findings, not pending)


def unified_diff(path: str, old: str, new: str) -> str:
    """A git-style unified diff of one file (empty when nothing changed)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        f"a/{os.path.normpath(path)}",
        f"b/{os.path.normpath(path)}",
    )
    out = []
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


# -- files: encoding, BOM, atomic write -------------------------------------------------
def bom_of(raw: bytes) -> tuple[bytes, str] | None:
    """The byte-order mark a file starts with, and the codec for the text after it."""
    return next(((bom, codec) for bom, codec in BOMS if raw.startswith(bom)), None)


def encode(text: str, encoding: str, raw: bytes) -> bytes:
    """Encode text as the original file was: same codec, same byte-order mark."""
    found = bom_of(raw)
    try:
        if found is not None:
            bom, codec = found
            return bom + text.encode(codec)
        return text.encode(encoding)
    except (UnicodeEncodeError, LookupError) as exc:
        raise FixError(f"the fixed text cannot be written back in {encoding}: {exc}") from None


def check_round_trip(original: str, encoding: str, raw: bytes) -> None:
    """Refuse a file whose bytes the decoded text does not reproduce exactly."""
    if encode(original, encoding, raw) != raw:
        raise FixError(f"re-encoding the file as {encoding} would change bytes outside the fixes")


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace a file's bytes atomically, keeping its permission bits (follows symlinks)."""
    target = Path(os.path.realpath(path))
    _replace(target, data, stat.S_IMODE(target.stat().st_mode))


def write_new(path: Path, data: bytes) -> None:
    """Write a file atomically, creating it (mode 0666 minus the umask) or replacing it."""
    target = Path(os.path.realpath(path))
    if target.exists():
        mode = stat.S_IMODE(target.stat().st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    _replace(target, data, mode)


def _replace(target: Path, data: bytes, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".copydesk-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- one file, end to end ---------------------------------------------------------------
@dataclass
class FileFix:
    """The outcome of fixing one file: its text before and after, and its last lint."""

    path: str
    before: str
    after: str
    applied: int
    result: FileResult
    converged: bool = True

    @property
    def changed(self) -> bool:
        return self.after != self.before


def _read(path: str) -> tuple[bytes, str, str]:
    try:
        raw = Path(path).read_bytes()
        text, encoding = decode(raw)
    except OSError as exc:
        raise FixError(f"cannot read: {exc.strerror or exc}") from None
    except ReadError as exc:
        raise FixError(str(exc)) from None
    return raw, text, encoding


def fix_file(path: str, runner: Runner, write: bool) -> FileFix:
    """Fix one file with a configured runner; write it only when ``write`` and it changed."""
    raw, before, encoding = _read(path)
    last: list[FileResult] = []

    def lint(source: str) -> list[Finding]:
        doc = Document(source, path=path, prose_fields=runner.config.prose_fields)
        doc.encoding = encoding
        last[:] = [runner.lint_document(doc, runner.rules)]
        return last[0].findings

    outcome = fix_source(before, lint)
    fixed = FileFix(path, before, outcome.source, outcome.applied, last[0], outcome.converged)
    if write and fixed.changed:
        check_round_trip(before, encoding, raw)
        data = encode(fixed.after, encoding, raw)
        try:
            write_atomic(path, data)
        except OSError as exc:
            raise FixError(f"cannot write the fixed file: {exc.strerror or exc}") from None
    return fixed
