"""Configuration: discovery, validation errors naming file and key, rule selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import config, registry
from linter.config import Config, ConfigError
from linter.findings import Severity

RULES = registry.all_rules()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_walks_up_to_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.copydesk]\nfail-on = 'error'\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    found = config.find_config(nested)
    assert found == tmp_path / "pyproject.toml"
    assert config.load(found, RULES).fail_on == "error"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert config.find_config(tmp_path) is None


def test_copydesk_toml_wins_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.copydesk]\nfail-on = 'error'\n")
    write(tmp_path / "copydesk.toml", "fail-on = 'info'\n")
    found = config.find_config(tmp_path)
    assert found == tmp_path / "copydesk.toml"
    assert config.load(found, RULES).fail_on == "info"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("colour = 'red'\n", "unknown key 'colour'", id="unknown-key"),
        pytest.param("select = ['XYZ999']\n", "unknown rule or category 'XYZ999'", id="unknown-code"),
        pytest.param("select = 'DUP'\nignore = [1]\n", "'ignore' must be a list of strings", id="wrong-type"),
        pytest.param("fail-on = 'sometimes'\n", "'fail-on' = 'sometimes'", id="bad-fail-on"),
        pytest.param("language = 'fr'\n", "'language' = 'fr'", id="bad-language"),
        pytest.param("[severity]\nDUP = 'fatal'\n", "'severity.DUP'", id="bad-severity"),
        pytest.param("[rules.nothing-here]\nx = 1\n", "'rules.nothing-here' names no rule", id="unknown-rule"),
        pytest.param("[rules.doubled-word]\nallow = 3\n", "must be list, not int", id="option-type"),
        pytest.param("[rules.DUP002]\nbogus = 3\n", "'rules.DUP002.bogus': unknown option", id="unknown-option"),
        pytest.param("exclude = ['[abc']\n", "invalid glob '[abc'", id="bad-glob"),
        pytest.param("select = [\n", "invalid TOML", id="bad-toml"),
    ],
)
def test_errors_name_the_file_and_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "copydesk.toml", text)
    with pytest.raises(ConfigError) as info:
        config.load(path, RULES)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_selection_severity_and_options(tmp_path: Path) -> None:
    path = write(
        tmp_path / "copydesk.toml",
        "select = ['duplication', 'BPL001']\nignore = ['BPL010']\n"
        "[severity]\nDUP002 = 'error'\n[rules.doubled-word]\nallow = ['foo']\n",
    )
    cfg = config.load(path, RULES)
    active = {a.rule.code: a for a in cfg.active_rules(RULES)}
    assert "BPL001" in active and "BPL010" not in active
    assert all(code.startswith(("DUP", "BPL001")) for code in active)
    assert active["DUP002"].severity is Severity.ERROR
    assert active["DUP002"].options["allow"] == ["foo"]


def test_per_file_ignores_use_globs(tmp_path: Path) -> None:
    path = write(tmp_path / "copydesk.toml", "[per-file-ignores]\n'drafts/*.txt' = ['DUP']\n")
    cfg = config.load(path, RULES)
    assert cfg.ignored_for(tmp_path / "drafts" / "a.txt") == ["DUP"]
    assert cfg.ignored_for(tmp_path / "final" / "a.txt") == []


def test_vocabulary_names_file(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", "# house names\nAntony Blinken\n\nJens Stoltenberg\n")
    path = write(tmp_path / "copydesk.toml", "[vocabulary]\naccept = ['Nato']\nnames-file = 'names.txt'\n")
    vocab = config.load(path, RULES).settings()["vocabulary"]
    assert vocab["accept"] == ["Nato"]
    assert vocab["names"] == ["Antony Blinken", "Jens Stoltenberg"]


def test_languagetool_url_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGETOOL_URL", "http://127.0.0.1:8081")
    assert config.Config().settings()["languagetool"]["url"] == "http://127.0.0.1:8081"
    monkeypatch.delenv("LANGUAGETOOL_URL")
    assert "url" not in config.Config().settings()["languagetool"]


def test_a_rule_off_by_default_turns_on_when_its_setting_is_configured(tmp_path: Path) -> None:
    from linter.rule import document_rule

    def check(doc, ctx):  # type: ignore[no-untyped-def]
        """What it does. Why it matters. Example. Fix safety."""
        return []

    rule = document_rule(
        "ZZZ010",
        "needs-a-server",
        category="grammar",
        default_enabled=False,
        enabled_when=lambda s: bool(s["languagetool"].get("url")),
    )(check)
    rules = {**RULES, "ZZZ010": rule}
    off = config.from_mapping({}, "x.toml", tmp_path, rules)
    on = config.from_mapping({"languagetool": {"url": "http://127.0.0.1:8081"}}, "x.toml", tmp_path, rules)
    assert "ZZZ010" not in {a.rule.code for a in off.active_rules(rules)}
    assert "ZZZ010" in {a.rule.code for a in on.active_rules(rules)}


@pytest.mark.parametrize(
    ("root", "path", "expected"),
    [
        ("/news", "/news/a/b.txt", "a/b.txt"),
        ("/news", "/news", "."),
        ("/news", "/newsroom/b.txt", "/newsroom/b.txt"),  # a sibling with the same prefix is outside
        ("/news", "/elsewhere/b.txt", "/elsewhere/b.txt"),
        ("/", "/a/b.txt", "a/b.txt"),
        ("/news", "/news/./a//b.txt", "a/b.txt"),
    ],
)
def test_relative_paths_for_globs(root: str, path: str, expected: str) -> None:
    assert Config(root=Path(root)).relative(path) == expected


def test_relative_path_of_a_relative_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert Config(root=tmp_path).relative("sub/a.md") == "sub/a.md"
