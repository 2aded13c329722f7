"""Cheap per-document views shared by several rule families (no rule lives here).

``word_texts(doc)``: the texts of ``doc.words`` as a list (one C pass, made once).

The unusual characters of a document, found in one C-level pass:

Most articles are printable ASCII plus a handful of typographic characters (curly quotes,
dashes). ``unusual_chars(doc)`` is the set of every character of ``doc.text`` that is not
printable ASCII or a line feed: tabs, control characters and every non-ASCII character.
Rules whose trigger is a rare character (a control character, a zero-width space, a
Cyrillic letter, mojibake) test this small set before they scan the text, and rules that
compare text case-insensitively use it to know when the fast, ASCII-minded path is exact.
Computed once per document (``doc.cache``) and shared by every rule that asks.
"""

from __future__ import annotations

from operator import itemgetter

from linter.document import Document

#: printable ASCII and the line feed: what the set leaves out
_COMMON = bytes(range(0x20, 0x7F)) + b"\n"
_BYTES = __name__ + ".utf8"


def utf8(doc: Document) -> bytes:
    """``doc.text`` in UTF-8: substring tests on bytes are several times faster than on
    a str holding non-Latin-1 characters (as soon as a text has one curly quote)."""
    data = doc.cache.get(_BYTES)
    if data is None:
        data = doc.cache[_BYTES] = doc.text.encode("utf-8", "surrogatepass")
    return data


def unusual_chars(doc: Document) -> frozenset[str]:
    """Every distinct character of the text outside printable ASCII and LF."""
    found = doc.cache.get(__name__)
    if found is None:
        # delete the common bytes + decode: C loops, no Python per character; deleting
        # whole ASCII characters leaves the multi-byte sequences intact
        rest = utf8(doc).translate(None, _COMMON)
        found = doc.cache[__name__] = frozenset(rest.decode("utf-8", "surrogatepass"))
    return found


_WORDS = __name__ + ".words"


def word_texts(doc: Document) -> list[str]:
    """The texts of ``doc.words``, in order."""
    texts = doc.cache.get(_WORDS)
    if texts is None:
        texts = doc.cache[_WORDS] = list(map(itemgetter(2), doc.words))
    return texts


_WORD_SET = __name__ + ".word_set"


def word_set(doc: Document) -> frozenset[str]:
    """``doc.word_set`` if some rule has built it, else the same set made from
    ``word_texts`` (hashing the words costs a fraction of a regex pass over the text)."""
    found = doc.cache.get(_WORD_SET)
    if found is None:
        found = doc.__dict__.get("word_set")  # functools.cached_property, when built
        if found is None:
            found = frozenset(word_texts(doc))
        doc.cache[_WORD_SET] = found
    return found
