"""The shortcuts that make the translation rules fast never change what they report: each
rule runs with its shortcut and with the shortcut forced open, and the findings match."""

from __future__ import annotations

import pytest

import rules.translation.date_convention as date_convention
import rules.translation.foreign_language as foreign_language
import rules.translation.foreign_script as foreign_script
import rules.translation.mixed_script as mixed_script
from tests.helpers import FIXTURES, run_rule

CODES = ["TRN003", "TRN004", "TRN005", "TRN006"]
TEXTS = [p.read_text(encoding="utf-8") for code in CODES for p in sorted((FIXTURES / code).glob("*.txt"))] + [
    "On the 3rd (LOCAL TIME) and until the 31st ,\t(local), the 2nd floor; el gobierno no ha confirmado la "
    "noticia de los despidos; l'homme qu’il dans le-monde n'est pas; Вlinken сказал что; 사진 설명 토니 (문재인)."
]


@pytest.mark.parametrize("index", range(len(TEXTS)))
@pytest.mark.parametrize("code", CODES)
def test_shortcut_reports_what_the_full_check_reports(code: str, index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXTS[index]
    fast = run_rule(code, text)
    monkeypatch.setattr(date_convention, "_local_windows", lambda text: [(0, len(text))])
    monkeypatch.setattr(date_convention, "_may_have_bare_day", lambda doc: True)
    monkeypatch.setattr(foreign_language, "_three_of_one_language", lambda doc, vocab: True)
    monkeypatch.setattr(foreign_script, "_runs", lambda doc, letters: foreign_script._patterns().run.finditer(doc.text))
    monkeypatch.setattr(foreign_script, "_is_foreign_letter", lambda c: True)
    monkeypatch.setattr(mixed_script, "_is_foreign", lambda c: True)
    assert run_rule(code, text) == fast
