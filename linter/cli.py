"""The ``copydesk`` command: a thin typer layer over linter.api / linter.runner.

``main(argv) -> int`` runs a command and returns its exit code, so tests need no
subprocess: 0 nothing at or above the fail level, 1 findings at or above it, 2 a usage,
configuration or I/O error. Every error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

# typer >= 0.26 vendors click as typer._click and raises its exceptions even when a
# separate click is installed (dask pulls one in), so look for the vendored copy first.
try:
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer.exceptions import Abort, Exit
except ImportError:  # pragma: no cover - typer < 0.26 uses click itself
    from click.exceptions import Abort, ClickException, Exit, NoArgsIsHelpError  # type: ignore[assignment]


from linter import config as config_mod
from linter import registry
from linter.config import Config, ConfigError
from linter.findings import FileError, Severity
from linter.registry import RegistryError
from linter.rule import Rule

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="copydesk: a linter for articles (scrape, CMS, translation and spinning artifacts).",
    pretty_exceptions_enable=False,
)


class Failure(Exception):
    """A one-line error for the user; exit code 2."""


def _err(message: str) -> None:
    sys.stderr.write(f"copydesk: error: {message}\n")


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for raw in values or [] for v in raw.split(",") if v.strip()]


def _load_rules() -> dict[str, Rule]:
    try:
        return registry.all_rules()
    except RegistryError as exc:
        raise Failure(str(exc)) from None


def _load_config(config_file: Path | None, paths: list[str], rules: dict[str, Rule]) -> Config:
    if config_file is not None:
        if not config_file.is_file():
            raise Failure(f"{config_file}: config file not found")
        found: Path | None = config_file
    else:
        first = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
        found = config_mod.find_config(first)
    try:
        return config_mod.load(found, rules)
    except ConfigError as exc:
        raise Failure(str(exc)) from None


def _apply_overrides(
    cfg: Config,
    rules: dict[str, Rule],
    select: list[str] | None,
    extend_select: list[str] | None,
    ignore: list[str] | None,
    fail_on: str | None,
) -> None:
    overrides = {"select": _split(select), "extend-select": _split(extend_select), "ignore": _split(ignore)}
    try:
        for key, values in overrides.items():
            if values:
                config_mod._check_selectors("command line", f"--{key}", values, rules)
    except ConfigError as exc:
        raise Failure(str(exc)) from None
    if overrides["select"]:
        cfg.select = overrides["select"]
    cfg.extend_select += overrides["extend-select"]
    cfg.ignore += overrides["ignore"]
    if fail_on is not None:
        if fail_on not in config_mod.FAIL_ON:
            raise Failure(f"--fail-on {fail_on!r}: use one of {', '.join(config_mod.FAIL_ON)}")
        cfg.fail_on = fail_on


def _load_index(cfg: Config, use_index: bool) -> tuple[dict | None, str | None]:
    from linter import index as index_mod

    if not use_index:
        return None, None
    path = Path(cfg.index) if cfg.index else index_mod.DEFAULT_PATH
    if not path.is_absolute():
        path = cfg.root / path
    if not path.is_file():
        return None, None
    try:
        return index_mod.load(path), None
    except index_mod.IndexError_ as exc:
        return None, f"ignoring the corpus index: {exc}"


def _exit_code(findings: list, errors: list[FileError], level: Severity | None) -> int:
    if errors:
        return 2
    if level is not None and any(f.severity >= level for f in findings):
        return 1
    return 0


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to lint; '-' reads stdin.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text, json, sarif or github.")] = "text",
    select: Annotated[Optional[list[str]], typer.Option(help="Only these codes, prefixes or categories.")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option(help="Add these to the selection.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these codes, prefixes or categories.")] = None,
    fail_on: Annotated[Optional[str], typer.Option(help="error, warning, info or never.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Config file to use.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the finding lines.")] = False,
    statistics: Annotated[bool, typer.Option(help="Count findings per rule.")] = False,
    stdin_filename: Annotated[Optional[str], typer.Option(help="Name (and format) of stdin.")] = None,
    no_index: Annotated[bool, typer.Option("--no-index", help="Do not load the corpus index.")] = False,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour (default: on a TTY).")] = None,
) -> int:
    """Lint articles and print findings."""
    from linter import reporters
    from linter.runner import Runner, RunResult

    if format not in reporters.FORMATS:
        raise Failure(f"--format {format!r}: use one of {', '.join(reporters.FORMATS)}")
    rules = _load_rules()
    cfg = _load_config(config, paths, rules)
    _apply_overrides(cfg, rules, select, extend_select, ignore, fail_on)
    index, index_note = _load_index(cfg, not no_index)
    runner = Runner(cfg, cfg.active_rules(rules), index)
    if paths == ["-"]:
        result = _check_stdin(runner, stdin_filename or "-")
    else:
        if "-" in paths:
            raise Failure("'-' (stdin) cannot be mixed with paths")
        from linter.runner import discover

        files, errors = discover(paths, cfg)
        if not files and not errors:
            raise Failure(f"no files to check in {' '.join(paths)} (copydesk reads .txt, .md, .html)")
        with _progress(len(files), format) as tick:
            runner.progress = tick
            result = runner.run_paths(files) if files else RunResult()
        result.errors[:0] = errors
    if index_note:
        result.add_notices([index_note])
    use_color = sys.stdout.isatty() if color is None else color
    render = reporters.get(format)
    if format == "text":
        from linter.reporters.text import render as render_text

        render_text(result, rules, sys.stdout, use_color, quiet=quiet, statistics=statistics)
    else:
        render(result, rules, sys.stdout, False)
    sys.stdout.flush()
    for error in result.errors:
        sys.stderr.write(f"{error}\n")
    for notice in result.notices:
        sys.stderr.write(f"copydesk: note: {notice}\n")
    return _exit_code(result.findings, result.errors, cfg.fail_level())


def _check_stdin(runner: object, name: str) -> object:
    from linter.document import Document, format_for
    from linter.runner import Runner

    assert isinstance(runner, Runner)
    data = sys.stdin.buffer.read()
    from linter.runner import ReadError, decode

    try:
        text, encoding = decode(data)
    except ReadError as exc:
        raise Failure(f"{name}: {exc}") from None
    doc = Document(text, path=name, format=format_for(name) or "text", prose_fields=runner.config.prose_fields)
    doc.encoding = encoding
    return runner.run_documents(lambda: iter([doc]))


class _progress:
    """A rich progress bar on stderr for folder runs, only when stderr is a terminal."""

    def __init__(self, total: int, format: str) -> None:
        self.enabled = total > 1 and sys.stderr.isatty() and format == "text"
        self.total = total
        self.bar = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("linting", total=self.total)
        return lambda n: self.bar.update(task, completed=n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command("rules")
def list_rules(
    config: Annotated[Optional[Path], typer.Option("--config", help="Config file to use.")] = None,
) -> int:
    """List every rule: code, name, category, default severity, enabled?"""
    rules = _load_rules()
    cfg = _load_config(config, [], rules)
    enabled = {a.rule.code for a in cfg.active_rules(rules)}
    width = max((len(r.name) for r in rules.values()), default=10)
    for code, rule in rules.items():
        mark = "yes" if code in enabled else "no"
        origin = f"  ({rule.source})" if rule.source.startswith("plugin ") else ""
        sys.stdout.write(
            f"{code}  {rule.name:<{width}}  {rule.category:<12} {str(rule.severity):<8} {mark}{origin}\n"
        )
    return 0


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code or name.")]) -> int:
    """Print a rule's documentation."""
    rules = _load_rules()
    rule = rules.get(code.upper()) or next((r for r in rules.values() if r.name == code), None)
    if rule is None:
        raise Failure(f"no rule {code!r} (see `copydesk rules`)")
    options = "".join(f"\n  {k} = {v!r}" for k, v in rule.options.items())
    sys.stdout.write(
        f"{rule.code} {rule.name}\ncategory: {rule.category}   default severity: {rule.severity}"
        f"   fixable: {'yes' if rule.fixable else 'no'}"
        f"   kind: {'corpus' if rule.is_corpus else 'document'}\n"
        + (f"options (defaults):{options}\n" if options else "")
        + f"\n{rule.doc}\n"
    )
    return 0


@app.command("index")
def build_index(
    paths: Annotated[list[str], typer.Argument(help="The archive: files or folders.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Index file to write.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Config file to use.")] = None,
) -> int:
    """Build the corpus index (e.g. name spellings) that later checks load."""
    from linter import index as index_mod
    from linter.runner import ReadError, Runner, content_key, discover, read_document

    rules = _load_rules()
    cfg = _load_config(config, paths, rules)
    runner = Runner(cfg, [a for a in cfg.active_rules(rules) if a.rule.is_corpus])
    files, errors = discover(paths, cfg)
    if not files and not errors:
        raise Failure(f"no files to index in {' '.join(paths)}")
    keys: list[str] = []
    for path in files:
        try:
            doc = read_document(path, cfg)
        except ReadError as exc:
            errors.append(FileError(path, str(exc)))
            continue
        runner.summarize(doc)
        keys.append(content_key(doc.source))
    target = output or (Path(cfg.index) if cfg.index else cfg.root / index_mod.DEFAULT_PATH)
    try:
        index_mod.save(target, runner.merged, keys, _version())
    except OSError as exc:
        raise Failure(f"{target}: cannot write index: {exc.strerror or exc}") from None
    for error in errors:
        sys.stderr.write(f"{error}\n")
    sys.stdout.write(f"Indexed {len(keys)} document(s) into {target}\n")
    return 2 if errors else 0


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("copydesk")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "0"


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (no SystemExit, no traceback)."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="copydesk", standalone_mode=False)
    except Failure as exc:
        _err(str(exc))
        return 2
    except NoArgsIsHelpError:  # typer has printed the help
        return 0
    except ClickException as exc:
        _err(exc.format_message().replace("\n", " "))
        return 2
    except Exit as exc:
        return int(exc.exit_code)
    except Abort:
        _err("aborted")
        return 2
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    return int(result) if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
