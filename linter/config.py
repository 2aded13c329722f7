"""Configuration: ``[tool.copydesk]`` in pyproject.toml, or a ``copydesk.toml``.

Found by walking up from the first path checked (``copydesk.toml`` wins over
``pyproject.toml`` in the same folder); ``--config FILE`` names one directly. Every
unknown key, code or bad value is a ``ConfigError`` naming the file and the key.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.document import DEFAULT_PROSE_FIELDS
from linter.engine import ActiveRule
from linter.findings import Severity
from linter.rule import Rule, matches

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LANGUAGES = ("en-US", "en-GB")
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass
class Config:
    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    language: str = "en-US"
    prose_fields: tuple[str, ...] = DEFAULT_PROSE_FIELDS
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    vocabulary: dict[str, Any] = field(default_factory=dict)
    languagetool: dict[str, Any] = field(default_factory=dict)
    index: str | None = None
    cache_dir: str = ".copydesk_cache"
    time_budget: float = 20.0
    #: the editor's own phrase-list files (absolute paths), loaded as rules
    phrase_lists: list[str] = field(default_factory=list)

    def extra_rules(self) -> dict[str, Rule]:
        """Rules from the configured phrase-list files."""
        from linter.phrases import PhraseListError, load_phrase_file

        out: dict[str, Rule] = {}
        for path in self.phrase_lists:
            try:
                rule = load_phrase_file(Path(path))
            except PhraseListError as exc:
                raise ConfigError(f"{self.path}: 'phrase-lists': {exc}") from None
            out[rule.code] = rule
        return out

    def settings(self) -> dict[str, Any]:
        """Run-wide settings handed to every rule as ``ctx.settings``."""
        languagetool = dict(self.languagetool)
        if os.environ.get("LANGUAGETOOL_URL") and "url" not in languagetool:
            languagetool["url"] = os.environ["LANGUAGETOOL_URL"]
        return {
            "language": self.language,
            "vocabulary": self.vocabulary,
            "languagetool": languagetool,
        }

    def relative(self, path: str | Path) -> str:
        """A path relative to the config root, in POSIX form, for glob matching (string
        operations: discovery asks this of every file)."""
        p = os.path.abspath(path)
        root = os.path.abspath(self.root)
        prefix = root if root.endswith(os.sep) else root + os.sep
        if p == root:
            return "."
        if p.startswith(prefix):
            p = p[len(prefix) :]
        return p.replace(os.sep, "/")

    def ignored_for(self, path: str | Path) -> list[str]:
        if not self.per_file_ignores:
            return []
        rel = self.relative(path)
        return [s for glob, sels in self.per_file_ignores.items() if glob_match(rel, glob) for s in sels]

    def active_rules(self, rules: Mapping[str, Rule], settings: Mapping[str, Any] | None = None) -> list[ActiveRule]:
        """The rules this configuration runs, with options and severities applied
        (``settings``: the run settings that may turn on a rule off by default; this
        configuration's own when None)."""
        out = []
        settings = self.settings() if settings is None else settings
        for code, rule in rules.items():
            if self.select is None:
                chosen = rule.enabled_by_default(settings)
            else:
                chosen = any(matches(s, rule) for s in self.select)
            chosen = chosen or any(matches(s, rule) for s in self.extend_select)
            if not chosen or any(matches(s, rule) for s in self.ignore):
                continue
            options = dict(rule.options)
            options.update(self.rule_options.get(code, {}))
            severity = None
            for selector, sev in self.severity.items():
                if matches(selector, rule):
                    severity = sev
            out.append(ActiveRule(rule, options, severity))
        return out

    def fail_level(self) -> Severity | None:
        return None if self.fail_on == "never" else Severity.parse(self.fail_on)


def glob_match(rel_path: str, pattern: str) -> bool:
    """Match a POSIX relative path against a glob; a pattern without '/' matches any part."""
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatchcase(rel_path, pattern) or fnmatch.fnmatchcase(rel_path, pattern + "/*"):
        return True
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in rel_path.split("/"))
    return False


# -- discovery ---------------------------------------------------------------------
def find_config(start: Path) -> Path | None:
    """The nearest copydesk.toml, or pyproject.toml with a [tool.copydesk] table."""
    folder = start.absolute()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "copydesk.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_copydesk_table(pyproject):
            return pyproject
    return None


def _has_copydesk_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.copydesk" in text


def load(path: Path | None, rules: Mapping[str, Rule] | None = None) -> Config:
    """Read and validate a config file; no file gives the defaults."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("copydesk", {})
    return from_mapping(data, str(path), path.parent, rules)


# -- validation ----------------------------------------------------------------------
def _str_list(where: str, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return list(value)


def _one_of(where: str, key: str, value: Any, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}: '{key}' = {value!r}: use one of {', '.join(allowed)}")
    return str(value)


def _table(where: str, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: '{key}' must be a table")
    return value


def _check_selectors(where: str, key: str, selectors: list[str], rules: Mapping[str, Rule] | None) -> None:
    if rules is None:
        return
    for selector in selectors:
        if not any(matches(selector, r) for r in rules.values()):
            raise ConfigError(f"{where}: '{key}' names unknown rule or category {selector!r}")


def _check_glob(where: str, key: str, pattern: str) -> None:
    if pattern.count("[") != pattern.count("]") or not pattern.strip():
        raise ConfigError(f"{where}: '{key}' has an invalid glob {pattern!r}")


def _rule_options(where: str, value: Any, rules: Mapping[str, Rule] | None) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for key, options in _table(where, "rules", value).items():
        options = _table(where, f"rules.{key}", options)
        if rules is None:
            out[key] = dict(options)
            continue
        rule = rules.get(key) or next((r for r in rules.values() if r.name == key), None)
        if rule is None:
            raise ConfigError(f"{where}: 'rules.{key}' names no rule (use a code or a rule name)")
        for name, val in options.items():
            if name not in rule.options:
                known = ", ".join(rule.options) or "none"
                raise ConfigError(f"{where}: 'rules.{key}.{name}': unknown option (known: {known})")
            default = rule.options[name]
            if default is not None and not _same_type(default, val):
                raise ConfigError(
                    f"{where}: 'rules.{key}.{name}' must be {type(default).__name__}, not {type(val).__name__}"
                )
        out[rule.code] = dict(options)
    return out


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def _vocabulary(where: str, value: Any, base: Path) -> dict[str, Any]:
    table = _table(where, "vocabulary", value)
    unknown = set(table) - {"accept", "reject", "names", "names-file"}
    if unknown:
        raise ConfigError(f"{where}: unknown key 'vocabulary.{sorted(unknown)[0]}'")
    out: dict[str, Any] = {
        "accept": _str_list(where, "vocabulary.accept", table.get("accept", [])),
        "reject": _str_list(where, "vocabulary.reject", table.get("reject", [])),
        "names": _str_list(where, "vocabulary.names", table.get("names", [])),
    }
    if "names-file" in table:
        names_path = base / str(table["names-file"])
        try:
            lines = names_path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{where}: 'vocabulary.names-file' {names_path}: cannot read: {exc}") from None
        out["names"] += [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return out


_LT_KEYS = {
    "url",
    "path",
    "allow-public",
    "disabled-rules",
    "disabled-categories",
    "enabled-rules",
    "enabled-only",
    "mother-tongue",
}

Handler = Callable[[Config, str, Any, Path, "Mapping[str, Rule] | None"], None]


def _set(attr: str, convert: Callable[[str, str, Any], Any]) -> Handler:
    def handler(cfg: Config, where: str, value: Any, base: Path, rules: Mapping[str, Rule] | None) -> None:
        setattr(cfg, attr, convert(where, attr.replace("_", "-"), value))

    return handler


def _selectors(attr: str) -> Handler:
    def handler(cfg: Config, where: str, value: Any, base: Path, rules: Mapping[str, Rule] | None) -> None:
        key = attr.replace("_", "-")
        sels = _str_list(where, key, value)
        _check_selectors(where, key, sels, rules)
        setattr(cfg, attr, sels)

    return handler


def _globs(attr: str) -> Handler:
    def handler(cfg: Config, where: str, value: Any, base: Path, rules: Mapping[str, Rule] | None) -> None:
        globs = _str_list(where, attr, value)
        for g in globs:
            _check_glob(where, attr, g)
        setattr(cfg, attr, globs)

    return handler


def _severity(cfg: Config, where: str, value: Any, base: Path, rules: Mapping[str, Rule] | None) -> None:
    for selector, sev in _table(where, "severity", value).items():
        _check_selectors(where, f"severity.{selector}", [selector], rules)
        try:
            cfg.severity[selector] = Severity.parse(str(sev))
        except ValueError as exc:
            raise ConfigError(f"{where}: 'severity.{selector}': {exc}") from None


def _per_file(cfg: Config, where: str, value: Any, base: Path, rules: Mapping[str, Rule] | None) -> None:
    for glob, sels in _table(where, "per-file-ignores", value).items():
        _check_glob(where, "per-file-ignores", glob)
        key = f"per-file-ignores.{glob}"
        cfg.per_file_ignores[glob] = _str_list(where, key, sels)
        _check_selectors(where, key, cfg.per_file_ignores[glob], rules)


def _languagetool(cfg: Config, where: str, value: Any, base: Path, rules: Mapping[str, Rule] | None) -> None:
    table = _table(where, "languagetool", value)
    unknown = set(table) - _LT_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key 'languagetool.{sorted(unknown)[0]}'")
    cfg.languagetool = dict(table)


def _number(where: str, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(f"{where}: '{key}' must be a positive number")
    return float(value)


def _string(where: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: '{key}' must be a non-empty string")
    return value


def _phrase_lists(
    cfg: Config, where: str, value: Any, base: Path, rules: Mapping[str, Rule] | None
) -> Mapping[str, Rule] | None:
    """Resolve ``phrase-lists`` globs and load them; a taken code is an error."""
    paths: list[str] = []
    for pattern in _str_list(where, "phrase-lists", value):
        _check_glob(where, "phrase-lists", pattern)
        matched = sorted(base.glob(pattern))
        if not matched:
            raise ConfigError(f"{where}: 'phrase-lists' pattern {pattern!r} matches no file")
        paths += [str(p.absolute()) for p in matched]
    cfg.phrase_lists = paths
    extra = cfg.extra_rules()
    if rules is None:
        return None
    for code, rule in extra.items():
        if code in rules:
            raise ConfigError(f"{where}: 'phrase-lists': {rule.source} uses code {code}, already taken")
    return {**rules, **extra}


HANDLERS: dict[str, Handler] = {
    "select": _selectors("select"),
    "extend-select": _selectors("extend_select"),
    "ignore": _selectors("ignore"),
    "severity": _severity,
    "per-file-ignores": _per_file,
    "include": _globs("include"),
    "exclude": _globs("exclude"),
    "fail-on": _set("fail_on", lambda w, k, v: _one_of(w, k, v, FAIL_ON)),
    "language": _set("language", lambda w, k, v: _one_of(w, k, v, LANGUAGES)),
    "front-matter-fields": _set("prose_fields", lambda w, k, v: tuple(_str_list(w, k, v))),
    "rules": lambda cfg, w, v, base, rules: setattr(cfg, "rule_options", _rule_options(w, v, rules)),
    "vocabulary": lambda cfg, w, v, base, rules: setattr(cfg, "vocabulary", _vocabulary(w, v, base)),
    "languagetool": _languagetool,
    "index": _set("index", _string),
    "cache-dir": _set("cache_dir", _string),
    "time-budget": _set("time_budget", _number),
}


def from_mapping(
    data: Mapping[str, Any],
    where: str = "<config>",
    base: Path | None = None,
    rules: Mapping[str, Rule] | None = None,
) -> Config:
    base = base or Path.cwd()
    cfg = Config(path=where, root=base)
    if "phrase-lists" in data:
        rules = _phrase_lists(cfg, where, data["phrase-lists"], base, rules)
    for key, value in data.items():
        if key == "phrase-lists":
            continue
        handler = HANDLERS.get(key)
        if handler is None:
            raise ConfigError(f"{where}: unknown key '{key}'")
        handler(cfg, where, value, base, rules)
    return cfg
