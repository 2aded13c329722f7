"""A Hunspell dictionary expanded to its word forms, cached on disk.

Reading a Hunspell dictionary with spylls takes 0.5-1 s and a lookup ~15-40 µs, which
is most of a pre-commit run. Expanding every stem by its affix rules once (like
Hunspell's own ``unmunch``) gives the set of accepted forms (en_US: ~124k); saved as a
plain word list under the user cache folder it loads in a few milliseconds, and a
lookup is a set membership test. Hunspell's casing rules are kept: a form is also
accepted capitalised (sentence start) and in capitals. The forms of NOSUGGEST entries
(slurs and swear words: accepted, never suggested) are saved after a ``#nosuggest`` line
for the suggester (suggest.py); spylls itself is loaded only to build the file.

The cache file is named by the dictionary files' content hash, written atomically, and
rebuilt when missing or unreadable.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

FORMAT = "2"
_ODD = re.compile("[-’ʼ]")


def _odd_lines(text: str, stop: int) -> set[str]:
    """The lines of ``text[:stop]`` holding a hyphen or a typographic apostrophe (found with
    ``str.find``: most dictionaries have none)."""
    out = set()
    for c in "-’ʼ":
        i = text.find(c, 0, stop)
        while i >= 0:
            start = text.rfind("\n", 0, i) + 1
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            out.add(text[start:end])
            i = text.find(c, end, stop)
    return out


#: the line between the forms and the forms of NOSUGGEST entries in the cache file
NOSUGGEST_MARK = "#nosuggest"


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "copydesk" / "wordforms"


def _fingerprint(paths: Iterable[str]) -> str:
    h = hashlib.blake2b(FORMAT.encode(), digest_size=10)
    for path in paths:
        h.update(Path(path).read_bytes())
    return h.hexdigest()


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


def _write(path: Path, forms: set[str], nosuggest: set[str]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("\n".join([*sorted(forms), NOSUGGEST_MARK, *sorted(nosuggest)]))
        os.replace(tmp, path)
    except OSError:
        pass  # no cache folder: expand again next time


class WordForms:
    """Set-membership spelling verdicts with Hunspell's casing rules.

    Words in capitals are matched against the capitalised forms; Hunspell accepts a few
    more of them (a case-insensitive scan of its stems), so a caller that needs exact
    Hunspell verdicts for an unknown all-caps word asks spylls (see lexicon.Lexicon).

    Read from the cache file, the forms stay one string until they are needed as a set:
    the first ``TEXT_LOOKUPS`` look-ups search that string (the dictionary of the other
    English variant is often asked about a handful of words only, and its set would cost
    ~60 ms and ~20 MB).
    """

    #: look-ups answered by searching the file's text before the set is built
    TEXT_LOOKUPS = 32

    def __init__(
        self,
        forms: Iterable[str] | None = None,
        nosuggest: Iterable[str] = (),
        path: Path | None = None,
        odd: Iterable[str] | None = None,
        text: str | None = None,
    ) -> None:
        self._forms = None if forms is None else forms if isinstance(forms, frozenset) else frozenset(forms)
        #: the cache file's text, "\n" on both ends, while the set is not built
        self._text = None if text is None else "\n" + text + "\n"
        self._lookups = 0
        self._path = path  # the cache file, whose lines are the forms in order
        self._odd = None if odd is None else frozenset(odd)
        self._nosuggest = None if text is not None else frozenset(nosuggest)
        self._upper: frozenset[str] | None = None

    @property
    def forms(self) -> frozenset[str]:
        if self._forms is None:
            assert self._text is not None
            lines = self._text.split("\n")
            mark = lines.index(NOSUGGEST_MARK)  # no form is this line
            self._forms = frozenset(islice(lines, 1, mark))  # (lines[0] is the added "\n")
            if self._nosuggest is None:
                self._nosuggest = frozenset(line for line in islice(lines, mark + 1, None) if line)
            self._text = None
        return self._forms

    @property
    def nosuggest(self) -> frozenset[str]:
        """Forms that are accepted but never suggested (Hunspell's NOSUGGEST entries)."""
        if self._nosuggest is None:
            assert self._text is not None
            tail = self._text[self._text.index("\n" + NOSUGGEST_MARK + "\n") + len(NOSUGGEST_MARK) + 2 :]
            self._nosuggest = frozenset(line for line in tail.split("\n") if line)
        return self._nosuggest

    @property
    def odd(self) -> frozenset[str]:
        """The forms with a hyphen or a typographic apostrophe (a tokenizer's word may hold
        them, and a spelling check splits or normalises such a word before looking it up)."""
        if self._odd is None:
            if self._text is not None:
                self._odd = frozenset(_odd_lines(self._text, self._text.find("\n" + NOSUGGEST_MARK + "\n")))
            else:
                self._odd = frozenset(filter(_ODD.search, self.forms))
        return self._odd

    @property
    def ordered(self) -> list[str]:
        """The forms sorted by code point (for prefix searches): the cache file's lines, read
        again when asked rather than kept in memory."""
        if self._path is not None:
            try:
                lines = self._path.read_text(encoding="utf-8").split("\n")
                del lines[lines.index(NOSUGGEST_MARK) :]
                if len(lines) == len(self.forms):
                    return lines
            except (OSError, UnicodeDecodeError):
                pass
        return sorted(self.forms)

    def _has(self, word: str) -> bool:
        """Is ``word`` one of the forms, exactly?"""
        if self._forms is None:
            if self._lookups < self.TEXT_LOOKUPS and "\n" not in word and word != NOSUGGEST_MARK:
                self._lookups += 1
                assert self._text is not None
                return "\n" + word + "\n" in self._text
            return word in self.forms
        return word in self._forms

    def __contains__(self, word: str) -> bool:
        if self._has(word):
            return True
        if "-" in word.strip("-"):  # Hunspell's BREAK: each part of a hyphenated word
            return all(part in self for part in word.split("-") if part)
        if word[:1].isupper() and (word[1:].islower() or len(word) == 1):
            return self._has(word.lower())
        if word.isupper() and len(word) > 1:
            if self._upper is None:
                self._upper = frozenset(map(str.upper, self.forms))
            return word in self._upper
        return False


@lru_cache(maxsize=4)
def word_forms(base: str) -> WordForms:
    """The forms of the Hunspell dictionary ``base.dic`` + ``base.aff`` (cached on disk)."""
    key = _fingerprint([base + ".dic", base + ".aff"])
    path = cache_folder() / f"{Path(base).name}-{key}.txt"
    try:
        text = path.read_text(encoding="utf-8")
        if "\n" + NOSUGGEST_MARK + "\n" not in text + "\n":
            raise OSError("not a word-form file of this format")
        return WordForms(path=path, text=text)
    except (OSError, UnicodeDecodeError):
        from spylls.hunspell import Dictionary

        expanded, nosuggest = expand_all(Dictionary.from_files(base))
        _write(path, expanded, nosuggest)
        return WordForms(expanded, nosuggest)
