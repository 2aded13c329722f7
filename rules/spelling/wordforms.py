"""A Hunspell dictionary expanded to its word forms, cached on disk.

Reading a Hunspell dictionary with spylls takes 0.5-1 s and a lookup ~15-40 µs, which
is most of a pre-commit run. Expanding every stem by its affix rules once (like
Hunspell's own ``unmunch``) gives the set of accepted forms (en_US: ~124k); saved as a
sorted word list under the user cache folder it loads in about a millisecond; a
look-up is a binary search in its text, then, past a few thousand look-ups, a set
membership test. Hunspell's casing rules are kept: a form is also accepted capitalised
(sentence start) and in capitals. The forms of NOSUGGEST entries (slurs and swear words:
accepted, never suggested) are saved after a ``#nosuggest`` line for the suggester
(suggest.py), then, after an ``#upper`` line, the capitals of the forms in mixed case
(``upper_only``); spylls itself is loaded only to build the file.

The cache file is named by a fingerprint of the dictionary files' content, written
atomically, and rebuilt when missing, unreadable or not matching the checksum on its first
line (``cache_file``, also used for codespell's sorted list: lexicon.common_misspellings).
Writing one removes the files of the same name left by an older format, and those of
other dictionary versions unused for 30 days (``prune``).
"""

from __future__ import annotations

import os
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMAT = "3"
#: the first word of a cache file's first line (then the format and a checksum)
HEADER = "#copydesk-wordforms"


def _odd_lines(data: bytes, start: int, stop: int) -> set[str]:
    """The lines of ``data[start:stop]`` (UTF-8) holding a hyphen or a typographic apostrophe
    (found with ``bytes.find``: most dictionaries have none)."""
    out = set()
    for c in "-’ʼ":
        mark = c.encode()
        i = data.find(mark, start, stop)
        while i >= 0:
            begin = data.rfind(b"\n", 0, i) + 1
            end = data.find(b"\n", i)
            end = len(data) if end < 0 else end
            out.add(data[begin:end].decode("utf-8"))
            i = data.find(mark, end, stop)
    return out


#: the line between the forms and the forms of NOSUGGEST entries in the cache file
NOSUGGEST_MARK = "#nosuggest"
#: the line before ``upper_only`` in the cache file
UPPER_MARK = "#upper"


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "copydesk" / "wordforms"


def _fingerprint(paths: Iterable[str]) -> str:
    """The files' contents in short (CRC-32 and size: they tell versions of a package apart)."""
    # the word-form file holds str.upper() results: they depend on the Unicode version too
    crc = zlib.crc32((FORMAT + unicodedata.unidata_version).encode())
    size = 0
    for path in paths:
        data = Path(path).read_bytes()
        crc = zlib.crc32(data, crc)
        size += len(data)
    return f"{crc:08x}{size:x}"


def cache_file(name: str, sources: list[str], build: Callable[[], list[str]]) -> bytes:
    """A file of lines kept under ``cache_folder()``, named by ``name`` and the fingerprint
    of the files ``sources``: read when it is there and ``valid``, else made of the lines
    ``build()`` returns (with a header line), written atomically and returned."""
    path = cache_folder() / f"{name}-{_fingerprint(sources)}.txt"
    try:
        data = path.read_bytes()
        if valid(data):
            _mark_used(path)
            return data
    except OSError:
        pass
    body = ("\n".join(build()) + "\n").encode("utf-8")
    data = _header(body) + body
    _write(path, data)
    prune(path)
    return data


#: a cache file of another version of a dictionary not used for this many days is removed
STALE_DAYS = 30


def _mark_used(path: Path) -> None:
    """Set a file's modification time to now, once a day at most: it tells ``prune`` the
    file is still in use (a file is read, never rewritten, while its dictionary is the same)."""
    import time

    try:
        if time.time() - path.stat().st_mtime > 86400:
            os.utime(path)
    except OSError:
        pass


def prune(path: Path) -> None:
    """Remove the other cache files of ``path``'s name (files of older versions of the same
    dictionary): those of another format at once, the others once unused for STALE_DAYS
    (another environment may still use an older dictionary package)."""
    import time

    name = path.name.rsplit("-", 1)[0]
    mine = f"{HEADER} {FORMAT} ".encode()
    for other in path.parent.glob(f"{name}-*.txt"):
        if other == path or other.name.rsplit("-", 1)[0] != name:
            continue
        try:
            with open(other, "rb") as fh:
                head = fh.read(len(mine))
            if head != mine or time.time() - other.stat().st_mtime > STALE_DAYS * 86400:
                other.unlink()
        except OSError:
            pass


def _header(body: Any) -> bytes:
    return f"{HEADER} {FORMAT} {zlib.crc32(body):08x}\n".encode()


def valid(data: bytes) -> bool:
    """Is ``data`` a cache file of this format, its checksum right (never trust another)?"""
    begin = data.find(b"\n") + 1
    return begin > 0 and data.endswith(b"\n") and data[:begin] == _header(memoryview(data)[begin:])


def _write(path: Path, data: bytes) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        pass  # no cache folder: build again next time


def first_line_from(data: bytes, key: bytes, lo: int, hi: int) -> bytes | None:
    """The first line of ``data[lo:hi]`` that sorts at or after ``key`` (None if none).
    ``data[lo]`` and ``data[hi]`` are line breaks and the lines between are sorted (UTF-8
    bytes sort as their code points): a binary search on byte offsets, each step comparing
    the line around the middle offset (~10 µs; nothing to split, decode or build)."""
    found = None
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", lo, mid + 1)  # data[lo] is a line break: found
        end = data.find(b"\n", start + 1, hi + 1)  # data[hi] is a line break: found
        line = data[start + 1 : end]
        if line < key:
            lo = end
        else:
            found, hi = line, start
    return found


def _suffixed(stem: str, affix: Any) -> str | None:
    if affix.strip and not stem.endswith(affix.strip):
        return None
    if not affix.cond_regexp.search(stem):
        return None
    return stem[: len(stem) - len(affix.strip)] + affix.add


def _prefixed(stem: str, affix: Any) -> str | None:
    if affix.strip and not stem.startswith(affix.strip):
        return None
    if not affix.cond_regexp.search(stem):
        return None
    return affix.add + stem[len(affix.strip) :]


def _word_forms(word: Any, aff: Any, skip: set[str]) -> Iterable[str]:
    """One dictionary entry's forms: the stem, suffixes (two levels), prefixes, cross products."""
    if not word.flags & skip:
        yield word.stem
    suffixed = []
    for flag in word.flags:
        for sfx in aff.SFX.get(flag, ()):
            form = _suffixed(word.stem, sfx)
            if form is None:
                continue
            yield form
            suffixed.append((sfx, form))
            for flag2 in sfx.flags:
                for sfx2 in aff.SFX.get(flag2, ()):
                    form2 = _suffixed(form, sfx2)
                    if form2 is not None:
                        yield form2
    for flag in word.flags:
        for pfx in aff.PFX.get(flag, ()):
            form = _prefixed(word.stem, pfx)
            if form is None:
                continue
            yield form
            if pfx.crossproduct:
                for sfx, sform in suffixed:
                    if sfx.crossproduct:
                        both = _prefixed(sform, pfx)
                        if both is not None:
                            yield both


def expand(dictionary: Any) -> set[str]:
    """Every form a spylls ``Dictionary`` accepts without compounding, in its own case."""
    return expand_all(dictionary)[0]


def expand_all(dictionary: Any) -> tuple[set[str], set[str]]:
    """(every accepted form, the forms of NOSUGGEST entries, which are never suggested)."""
    aff = dictionary.aff
    skip = {f for f in (aff.NEEDAFFIX, aff.ONLYINCOMPOUND) if f}
    forbidden = aff.FORBIDDENWORD
    nosuggest_flag = aff.NOSUGGEST
    forms: set[str] = set()
    nosuggest: set[str] = set()
    for word in dictionary.dic.words:
        if forbidden and forbidden in word.flags:
            continue
        expanded = set(_word_forms(word, aff, skip))
        forms |= expanded
        if nosuggest_flag and nosuggest_flag in word.flags:
            nosuggest |= expanded
    return forms, nosuggest


def upper_only(forms: Iterable[str]) -> set[str]:
    """The capitals of the forms that are neither their own capitals nor those in lower case
    or capitalised ("MCDONALD" from "McDonald", "ABC'S" from "ABC's"): with them, whether a
    word in capitals is some form in capitals takes three look-ups (see ``WordForms``)."""
    out = set()
    for form in forms:
        upper = form.upper()
        if form != upper and form != upper.lower() and form != upper.capitalize():
            out.add(upper)
    return out


def serialize(forms: set[str], nosuggest: set[str]) -> list[str]:
    """The lines of a word-form file: the sorted forms, then the NOSUGGEST forms, then
    ``upper_only``."""
    return [*sorted(forms), NOSUGGEST_MARK, *sorted(nosuggest), UPPER_MARK, *sorted(upper_only(forms))]


class WordForms:
    """Set-membership spelling verdicts with Hunspell's casing rules.

    Words in capitals are matched against the capitalised forms; Hunspell accepts a few
    more of them (a case-insensitive scan of its stems), so a caller that needs exact
    Hunspell verdicts for an unknown all-caps word asks spylls (see lexicon.Lexicon).

    Made from a cache file's bytes (``cache_file`` of ``serialize``'s lines). Its forms are
    sorted: the first ``TEXT_LOOKUPS`` look-ups are binary searches in those bytes
    (``first_line_from``: nothing to decode or build), and only then is the set built
    (~20 ms for en_US, ~50 ms for en_GB): a single article asks about a few hundred words,
    the other English variant's dictionary about a handful.
    """

    #: look-ups answered by searching the file's bytes before the set is built
    TEXT_LOOKUPS = 2000

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._begin = data.find(b"\n")  # the line break before the first form (after the header)
        # searched from the end: the sections after the forms are short
        self._upper_at = data.rfind(b"\n" + UPPER_MARK.encode() + b"\n")
        self._end = data.rfind(b"\n" + NOSUGGEST_MARK.encode() + b"\n", 0, max(self._upper_at, 0) + 1)
        if self._end < self._begin or self._upper_at < self._end:
            raise ValueError("not a word-form file of this format")
        self._lookups = 0
        self._forms: frozenset[str] | None = None
        self._ordered: list[str] | None = None
        self._nosuggest: frozenset[str] | None = None
        self._odd: frozenset[str] | None = None
        self._upper: frozenset[str] | None = None

    def _lines(self, start: int, end: int) -> list[str]:
        """The lines between the line breaks at ``start`` and ``end``."""
        return self._data[start + 1 : end].decode("utf-8").split("\n") if end > start else []

    @property
    def ordered(self) -> list[str]:
        """The forms sorted by code point (for prefix searches; not to be modified)."""
        if self._ordered is None:
            self._ordered = self._lines(self._begin, self._end)
        return self._ordered

    @property
    def forms(self) -> frozenset[str]:
        if self._forms is None:
            self._forms = frozenset(self.ordered)
        return self._forms

    @property
    def nosuggest(self) -> frozenset[str]:
        """Forms that are accepted but never suggested (Hunspell's NOSUGGEST entries)."""
        if self._nosuggest is None:
            self._nosuggest = frozenset(self._lines(self._end + len(NOSUGGEST_MARK) + 1, self._upper_at))
        return self._nosuggest

    @property
    def odd(self) -> frozenset[str]:
        """The forms with a hyphen or a typographic apostrophe (a tokenizer's word may hold
        them, and a spelling check splits or normalises such a word before looking it up)."""
        if self._odd is None:
            self._odd = frozenset(_odd_lines(self._data, self._begin, self._end))
        return self._odd

    def _search(self, word: str) -> bool:
        self._lookups += 1
        key = word.encode("utf-8", "surrogatepass")
        return first_line_from(self._data, key, self._begin, self._end) == key

    def _has(self, word: str) -> bool:
        """Is ``word`` one of the forms, exactly?"""
        if self._forms is None:
            if self._lookups < self.TEXT_LOOKUPS:
                return self._search(word)
            return word in self.forms
        return word in self._forms

    def exact(self) -> ExactForms:
        """The forms as a container of exact members (no casing rules), answered like the
        other look-ups: from the file's bytes until the set is built (a suggestion tries a
        few hundred edits of a word: the set is not worth building for one or two words)."""
        return ExactForms(self)

    def unknown(self, words: frozenset[str]) -> frozenset[str]:
        """The words that are not forms, and the odd forms among them (those a spelling
        check judges part by part or normalised): by set difference once the set is built."""
        if self._forms is None and self._lookups + len(words) <= self.TEXT_LOOKUPS:
            return frozenset(w for w in words if "-" in w or "’" in w or "ʼ" in w or not self._search(w))
        out = words - self.forms
        return out | (words & self.odd) if self.odd else out

    def _upper_form(self, word: str) -> bool:
        """Is ``word`` (in capitals) some form in capitals? That form is the word itself, its
        lower case, its capitalised form, or one of ``upper_only``."""
        if self._upper is None:
            self._upper = frozenset(self._lines(self._upper_at + len(UPPER_MARK) + 1, len(self._data) - 1))
        if word in self._upper:
            return True
        return any(self._has(form) and form.upper() == word for form in {word, word.lower(), word.capitalize()})

    def __contains__(self, word: str) -> bool:
        if self._has(word):
            return True
        if "-" in word.strip("-"):  # Hunspell's BREAK: each part of a hyphenated word
            return all(part in self for part in word.split("-") if part)
        if word[:1].isupper() and (word[1:].islower() or len(word) == 1):
            return self._has(word.lower())
        if word.isupper() and len(word) > 1:
            return self._upper_form(word)
        return False


class ExactForms:
    """``word in`` a dictionary's forms exactly (see ``WordForms.exact``)."""

    def __init__(self, forms: WordForms) -> None:
        self._forms = forms

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._forms._has(word)


@lru_cache(maxsize=4)
def word_forms(base: str) -> WordForms:
    """The forms of the Hunspell dictionary ``base.dic`` + ``base.aff`` (cached on disk)."""

    def build() -> list[str]:
        from spylls.hunspell import Dictionary

        return serialize(*expand_all(Dictionary.from_files(base)))

    return WordForms(cache_file(Path(base).name, [base + ".dic", base + ".aff"], build))
