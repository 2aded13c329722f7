"""The ``copydesk`` command: a thin typer layer over linter.api / linter.runner.

``main(argv) -> int`` runs a command and returns its exit code, so tests need no
subprocess: 0 nothing at or above the fail level, 1 findings at or above it, 2 a usage,
configuration or I/O error. Every error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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

if TYPE_CHECKING:
    from collections.abc import Iterator

    from linter.engine import ActiveRule
    from linter.fix import FileFix
    from linter.runner import FileResult, Runner, RunResult

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
        return dict(registry.all_rules())
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
        cfg = config_mod.load(found, rules)
        rules.update(cfg.extra_rules())
        return cfg
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


def _load_index(cfg: Config, use_index: bool, corpus_rules: list[ActiveRule]) -> tuple[dict | None, str | None]:
    """The corpus index to use, or None with a notice saying why it is ignored."""
    from linter import index as index_mod

    if not use_index:
        return None, None
    path = Path(cfg.index) if cfg.index else index_mod.DEFAULT_PATH
    if not path.is_absolute():
        path = cfg.root / path
    if not path.is_file():
        return None, None
    try:
        index = index_mod.load(path)
    except index_mod.IndexError_ as exc:
        return None, f"ignoring the corpus index: {exc}"
    stale = index_mod.mismatch(index, corpus_rules, cfg.settings())
    if stale:
        return None, (
            f"ignoring the corpus index: it was built for other settings, options or copydesk version"
            f" of {', '.join(stale)}; rebuild it with `copydesk index`"
        )
    return index, None


def _exit_code(findings: list, errors: list[FileError], level: Severity | None) -> int:
    if errors:
        return 2
    if level is not None and any(f.severity >= level for f in findings):
        return 1
    return 0


# Options shared by the linting commands (check, report).
SelectOpt = Annotated[list[str] | None, typer.Option(help="Only these codes, prefixes or categories.")]
ExtendSelectOpt = Annotated[list[str] | None, typer.Option(help="Add these to the selection.")]
IgnoreOpt = Annotated[list[str] | None, typer.Option(help="Skip these codes, prefixes or categories.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Config file to use.")]
NoIndexOpt = Annotated[bool, typer.Option("--no-index", help="Do not load the corpus index.")]
BaselineOpt = Annotated[Path | None, typer.Option("--baseline", help="Only findings not in this baseline.")]
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: the usable cores).")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Lint every file again.")]
EngineOpt = Annotated[str, typer.Option(help="local or dask.")]
SchedulerOpt = Annotated[str | None, typer.Option(help="Dask scheduler address (with --engine dask).")]


@dataclass
class _Setup:
    """What every linting command needs: the rules, the config and a configured runner."""

    rules: dict[str, Rule]
    cfg: Config
    runner: Runner
    index_note: str | None
    engine: str = "local"
    scheduler: str | None = None


def _setup(
    paths: list[str],
    config: Path | None,
    select: list[str] | None,
    extend_select: list[str] | None,
    ignore: list[str] | None,
    fail_on: str | None,
    no_index: bool,
    jobs: int | None = None,
    no_cache: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
) -> _Setup:
    from linter.runner import Runner, tune_gc

    if engine not in ("local", "dask"):
        raise Failure(f"--engine {engine!r}: use local or dask")
    if scheduler and engine != "dask":
        raise Failure("--scheduler goes with --engine dask")
    rules = _load_rules()
    cfg = _load_config(config, paths, rules)
    _apply_overrides(cfg, rules, select, extend_select, ignore, fail_on)
    active = cfg.active_rules(rules)
    index, index_note = _load_index(cfg, not no_index, [a for a in active if a.rule.is_corpus])
    runner = Runner(cfg, active, index, _cache(cfg, no_cache), _jobs(jobs))
    tune_gc()
    return _Setup(rules, cfg, runner, index_note, engine, scheduler)


def _cache(cfg: Config, disabled: bool) -> object:
    if disabled:
        return None
    from linter.cache import Cache, prune_stale

    root = _cache_root(cfg)
    prune_stale(root)
    return Cache(root)


def _cache_root(cfg: Config) -> Path:
    root = Path(cfg.cache_dir)
    return root if root.is_absolute() else cfg.root / root


def _jobs(jobs: int | None) -> int:
    if jobs is None:
        from linter.parallel import available_cores

        return available_cores()
    if jobs < 1:
        raise Failure(f"--jobs {jobs}: give a whole number of 1 or more")
    return jobs


def _dask_engine() -> Any:
    try:
        from linter import dask_engine
    except ImportError as exc:
        raise Failure(f"--engine dask needs the dask extra: pip install 'copydesk[dask]' ({exc})") from None
    return dask_engine


def _run_dask(runner: Runner, files: list[str], scheduler: str | None) -> RunResult:
    return _dask_engine().run_dask(runner, files, scheduler)


def _stream_dask(runner: Runner, files: list[str], scheduler: str | None) -> Iterator[FileResult]:
    return _dask_engine().stream_dask(runner, files, scheduler)


def _files(paths: list[str], cfg: Config, verb: str = "check") -> tuple[list[str], list[FileError]]:
    """Discover the files under ``paths``; nothing to read at all is a usage error."""
    from linter.runner import discover

    if "-" in paths:
        raise Failure("'-' (stdin) cannot be mixed with paths")
    files, errors = discover(paths, cfg)
    if not files and not errors:
        raise Failure(f"no files to {verb} in {' '.join(paths)} (copydesk reads .txt, .md, .html)")
    return files, errors


def _run(setup: _Setup, paths: list[str], stdin_filename: str | None, format: str) -> RunResult:
    from linter.runner import RunResult

    if paths == ["-"]:
        result = _check_stdin(setup.runner, stdin_filename or "-")
    else:
        files, errors = _files(paths, setup.cfg)
        with _progress(len(files), format) as tick:
            setup.runner.progress = tick
            if not files:
                result = RunResult()
            elif setup.engine == "dask":
                result = _run_dask(setup.runner, files, setup.scheduler)
            else:
                result = setup.runner.run_paths(files)
        result.errors[:0] = errors
    if setup.index_note:
        result.add_notices([setup.index_note])
    return result


def _check_modes(paths: list[str], fix: bool, diff: bool, baseline: Path | None, write: Path | None) -> None:
    if (fix or diff) and paths == ["-"]:
        raise Failure("--fix and --diff work on files, not on stdin")
    if write is not None and (fix or diff or baseline is not None):
        raise Failure("--write-baseline cannot be combined with --fix, --diff or --baseline")


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to lint; '-' reads stdin.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text, json, sarif or github.")] = "text",
    select: SelectOpt = None,
    extend_select: ExtendSelectOpt = None,
    ignore: IgnoreOpt = None,
    fail_on: Annotated[str | None, typer.Option(help="error, warning, info or never.")] = None,
    config: ConfigOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the finding lines.")] = False,
    statistics: Annotated[bool, typer.Option(help="Count findings per rule.")] = False,
    stdin_filename: Annotated[str | None, typer.Option(help="Name (and format) of stdin.")] = None,
    no_index: NoIndexOpt = False,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour (default: on a TTY).")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the fixes rules mark safe, in place.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print safe fixes as a diff; write nothing.")] = False,
    baseline: BaselineOpt = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Record today's findings in this file.")
    ] = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
) -> int:
    """Lint articles and print findings."""
    from linter import reporters

    if format not in reporters.FORMATS:
        raise Failure(f"--format {format!r}: use one of {', '.join(reporters.FORMATS)}")
    _check_modes(paths, fix, diff, baseline, write_baseline)
    setup = _setup(paths, config, select, extend_select, ignore, fail_on, no_index, jobs, no_cache, engine, scheduler)
    known = _read_baseline(baseline)  # a bad baseline fails before the run, not after
    if not (diff or fix or known is not None or write_baseline is not None) and paths != ["-"]:
        return _check_streaming(setup, paths, format, color, quiet, statistics)
    result = _run(setup, paths, stdin_filename, format)
    if diff:
        return _show_diff(result, setup)
    if fix:
        _apply_fixes(result, setup)
    if write_baseline is not None:
        return _write_baseline(write_baseline, result, setup)
    if known is not None:
        from linter import baseline as baseline_mod

        dropped = baseline_mod.filter_new(result, known, setup.cfg.relative)
        result.add_notices([f"{dropped} finding(s) in the baseline {baseline} not shown"] if dropped else [])
    _render(result, setup, format, color, quiet, statistics)
    return _exit_code(result.findings, result.errors, setup.cfg.fail_level())


def _check_streaming(
    setup: _Setup, paths: list[str], format: str, color: bool | None, quiet: bool, statistics: bool
) -> int:
    """Lint and print file by file: memory holds one file's findings, not the run's."""
    from linter import reporters
    from linter.runner import RunResult, _unreadable, absorb_problems

    files, errors = _files(paths, setup.cfg)
    run = RunResult(errors=list(errors))
    level, failed = setup.cfg.fail_level(), False
    with _progress(len(files), format) as tick:
        setup.runner.progress = tick
        out = sys.stdout  # inside the progress bar: rich prints our lines above it
        writer = reporters.stream(format)(setup.rules, out, sys.stdout.isatty() if color is None else color)
        if format == "text":
            writer.quiet, writer.statistics = quiet, statistics
        setup.runner.with_context = format == "text"  # the other formats show no source lines
        if setup.engine == "dask":
            results = _stream_dask(setup.runner, files, setup.scheduler)
        else:
            results = setup.runner.stream_paths(files) if files else iter(())
        for result in results:
            absorb_problems(run, result)
            if not _unreadable(result):
                writer.file(result)
                failed = failed or (level is not None and any(f.severity >= level for f in result.findings))
        writer.close(run)
    if setup.index_note:
        run.add_notices([setup.index_note])
    sys.stdout.flush()
    _print_problems(run)
    return 2 if run.errors else (1 if failed else 0)


def _render(result: RunResult, setup: _Setup, format: str, color: bool | None, quiet: bool, statistics: bool) -> None:
    from linter import reporters

    use_color = sys.stdout.isatty() if color is None else color
    if format == "text":
        from linter.reporters.text import render as render_text

        render_text(result, setup.rules, sys.stdout, use_color, quiet=quiet, statistics=statistics)
    else:
        reporters.get(format)(result, setup.rules, sys.stdout, False)
    sys.stdout.flush()
    _print_problems(result)


def _print_problems(result: RunResult) -> None:
    for error in result.errors:
        sys.stderr.write(f"{error}\n")
    for notice in result.notices:
        sys.stderr.write(f"copydesk: note: {notice}\n")


# -- --fix and --diff -------------------------------------------------------------------
def _fixable(result: RunResult) -> list[FileResult]:
    return [r for r in result.files if any(f.fix is not None and f.fix.safe for f in r.findings)]


def _fix_each(result: RunResult, setup: _Setup, write: bool) -> list[FileFix]:
    """Fix every file that has a safe fix; a file that cannot be fixed is a FileError."""
    from linter.fix import FixError, fix_file

    done = []
    for file in _fixable(result):
        try:
            fixed = fix_file(file.path, setup.runner, write)
        except FixError as exc:
            result.errors.append(FileError(file.path, str(exc)))
            continue
        if not fixed.converged:
            result.add_notices([f"{file.path}: fixes still applied after the last pass; run --fix again"])
        if fixed.changed:
            done.append(fixed)
            file.findings, file.context = fixed.result.findings, fixed.result.context
    return done


def _fix_summary(verb: str, done: list[FileFix]) -> str:
    if not done:
        return "No safe fixes to apply.\n"
    return f"{verb} {sum(f.applied for f in done)} finding(s) in {len(done)} file(s).\n"


def _apply_fixes(result: RunResult, setup: _Setup) -> None:
    done = _fix_each(result, setup, write=True)
    sys.stderr.write(_fix_summary("Fixed", done))


def _show_diff(result: RunResult, setup: _Setup) -> int:
    from linter.fix import unified_diff

    done = _fix_each(result, setup, write=False)
    for fixed in done:
        sys.stdout.write(unified_diff(fixed.path, fixed.before, fixed.after))
    sys.stdout.flush()
    sys.stderr.write(_fix_summary("Would fix", done))
    _print_problems(result)
    return 2 if result.errors else (1 if done else 0)


# -- baselines --------------------------------------------------------------------------
def _read_baseline(path: Path | None) -> Counter[str] | None:
    if path is None:
        return None
    from linter import baseline as baseline_mod

    try:
        return baseline_mod.load(path)
    except baseline_mod.BaselineError as exc:
        raise Failure(str(exc)) from None


def _write_baseline(path: Path, result: RunResult, setup: _Setup) -> int:
    from linter import baseline as baseline_mod

    try:
        n = baseline_mod.save(path, result, setup.cfg.relative, _version())
    except baseline_mod.BaselineError as exc:
        raise Failure(str(exc)) from None
    _print_problems(result)
    sys.stderr.write(f"Wrote a baseline of {n} finding(s) to {path}.\n")
    return 2 if result.errors else 0


OUTPUT = "report.html"


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to report on.")],
    output: Annotated[str, typer.Option("--output", "-o", help="HTML file to write ('-': stdout).")] = OUTPUT,
    select: SelectOpt = None,
    extend_select: ExtendSelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    no_index: NoIndexOpt = False,
    baseline: BaselineOpt = None,
    title: Annotated[str, typer.Option(help="The report's title.")] = "copydesk report",
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
) -> int:
    """Write a self-contained HTML report: an overview, then every article highlighted."""
    from linter.reporters import html as html_report

    setup = _setup(paths, config, select, extend_select, ignore, None, no_index, jobs, no_cache)
    known = _read_baseline(baseline)
    result, sources = _run_with_sources(setup, paths)
    if not result.files:  # nothing could be read: no report
        _print_problems(result)
        return 2
    if known is not None:
        from linter import baseline as baseline_mod

        baseline_mod.filter_new(result, known, setup.cfg.relative)
    page = html_report.build(result, setup.rules, sources, html_report.Page(title=title))
    _write_report(output, page)
    _print_problems(result)
    n, with_findings = len(result.findings), sum(1 for r in result.files if r.findings)
    where = "stdout" if output == "-" else output
    sys.stderr.write(f"Wrote {where}: {n} finding(s) in {with_findings} of {len(result.files)} article(s).\n")
    return 2 if result.errors else 0


def _run_with_sources(setup: _Setup, paths: list[str]) -> tuple[RunResult, dict[str, str]]:
    """Run over the files, then read back each linted article's source for the report."""
    from linter.runner import ReadError, decode, read_bytes

    result = _run(setup, paths, None, "text")
    sources: dict[str, str] = {}
    for file in list(result.files):
        try:
            sources[file.path] = decode(read_bytes(file.path))[0]
        except (OSError, ReadError) as exc:  # changed or gone since it was linted
            result.errors.append(FileError(file.path, f"cannot read for the report: {exc}"))
            result.files.remove(file)
    return result, sources


def _write_report(output: str, page: str) -> None:
    from linter.fix import write_new

    if output == "-":
        sys.stdout.write(page)
        sys.stdout.flush()
        return
    try:
        write_new(Path(output), page.encode("utf-8"))
    except OSError as exc:
        raise Failure(f"{output}: cannot write report: {exc.strerror or exc}") from None


def _check_stdin(runner: Runner, name: str) -> RunResult:
    from linter.document import Document, format_for

    data = sys.stdin.buffer.read()
    from linter.runner import ReadError, decode

    try:
        text, encoding = decode(data)
    except ReadError as exc:
        raise Failure(f"{name}: {exc}") from None
    doc = Document(text, path=name, format=format_for(name) or "text", prose_fields=runner.config.prose_fields)
    doc.encoding = encoding
    return runner.run_documents([doc])


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

        # findings go to stdout while the bar runs: when both are the same terminal, rich
        # prints them above the bar; when stdout is a pipe or a file it is left alone
        same_screen = sys.stdout.isatty()
        self.bar = Progress(
            console=Console(stderr=True), transient=True, redirect_stdout=same_screen, redirect_stderr=False
        )
        self.bar.start()
        task = self.bar.add_task("linting", total=self.total)
        return lambda n: self.bar.update(task, completed=n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command("rules")
def list_rules(
    config: Annotated[Path | None, typer.Option("--config", help="Config file to use.")] = None,
) -> int:
    """List every rule: code, name, category, default severity, enabled?"""
    rules = _load_rules()
    cfg = _load_config(config, [], rules)
    enabled = {a.rule.code for a in cfg.active_rules(rules)}  # as configured, env included
    width = max((len(r.name) for r in rules.values()), default=10)
    for code, rule in rules.items():
        mark = "yes" if code in enabled else "no"
        origin = f"  ({rule.source})" if rule.source.startswith("plugin ") else ""
        sys.stdout.write(f"{code}  {rule.name:<{width}}  {rule.category:<12} {str(rule.severity):<8} {mark}{origin}\n")
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
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Index file to write.")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Config file to use.")] = None,
) -> int:
    """Build the corpus index (e.g. name spellings) that later checks load."""
    from linter import engine
    from linter import index as index_mod
    from linter.runner import ReadError, content_key, read_document

    rules = _load_rules()
    cfg = _load_config(config, paths, rules)
    corpus_rules = [a for a in cfg.active_rules(rules) if a.rule.is_corpus]
    files, errors = _files(paths, cfg, "index")
    keys: list[str] = []
    merged: dict = {}
    for path in files:
        try:
            doc = read_document(path, cfg)
        except ReadError as exc:
            errors.append(FileError(path, str(exc)))
            continue
        engine.merge(corpus_rules, merged, engine.summarize(doc, corpus_rules, cfg.settings()))
        keys.append(content_key(doc.source))
    target = output or (Path(cfg.index) if cfg.index else cfg.root / index_mod.DEFAULT_PATH)
    try:
        index_mod.save(target, merged, keys, _version(), index_mod.fingerprints(corpus_rules, cfg.settings()))
    except OSError as exc:
        raise Failure(f"{target}: cannot write index: {exc.strerror or exc}") from None
    for error in errors:
        sys.stderr.write(f"{error}\n")
    sys.stdout.write(f"Indexed {len(keys)} document(s) into {target}\n")
    return 2 if errors else 0


@app.command()
def clean(
    config: Annotated[Path | None, typer.Option("--config", help="Config file to use.")] = None,
) -> int:
    """Empty the project's cache folder (the cache-dir setting, .copydesk_cache by default)."""
    from linter.cache import clean as clean_cache

    cfg = _load_config(config, [], _load_rules())
    root = _cache_root(cfg)
    files, size = clean_cache(root)
    where, removed = _shown(root), f"{files} cache file(s), {size / 1e6:.1f} MB"
    if root.exists():
        sys.stdout.write(f"Removed {removed} from {where} (its other files are kept)\n")
    elif files:
        sys.stdout.write(f"Removed {where}: {removed}\n")
    else:
        sys.stdout.write(f"No cache at {where}\n")
    return 0


def _shown(path: Path) -> str:
    """A path as the user would write it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _version() -> str:
    from linter import __version__

    return __version__


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
