"""The `newsdesk` command: run the flow, extract one file, query the warehouse, evaluate."""

from __future__ import annotations

import glob
import importlib
import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsdesk.config import DEFAULT_BATCH_SIZE, DEFAULT_INPUTS, configure_prefect, warehouse_path
from newsdesk.results import ResultFormat

if TYPE_CHECKING:
    import duckdb

app = typer.Typer(help="newsdesk: multilingual news in, a warehouse of who did what to whom out.", no_args_is_help=True)
console = Console()
errors = Console(stderr=True, soft_wrap=True)  # messages stay whole lines, for grep and tests


class TaskRunnerName(str, Enum):
    default = "default"
    dask = "dask"


# Every enumerated option is an Enum, so Typer lists the choices in --help and refuses any other
# value (exit 2) instead of silently falling back to a default.
class DocumentFormat(str, Enum):
    json = "json"
    pretty = "pretty"


class InputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    plover_json = "plover-json"


class EvaluationName(str, Enum):
    langid = "langid"
    dates = "dates"
    actors = "actors"
    events = "events"
    realnews = "realnews"


def _print_version(value: bool) -> None:
    if value:
        from newsdesk import code_version

        console.print(f"newsdesk {code_version()}", highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newsdesk: multilingual news in, a warehouse of who did what to whom out."""


# The first minute of a run is Prefect starting and spaCy loading its models, before any batch.
STARTING = "starting Prefect and loading language models…"

WarehouseOption = Annotated[
    str | None,
    typer.Option("--warehouse", "-w", help="DuckDB file (default: $NEWSDESK_WAREHOUSE or ./data/warehouse.duckdb)."),
]


@app.command()
def run(
    inputs: Annotated[list[str] | None, typer.Argument(help="Folders, files or globs (default: seeds/).")] = None,
    warehouse: WarehouseOption = None,
    batch_size: Annotated[int, typer.Option(help="Files per task.")] = DEFAULT_BATCH_SIZE,
    lake: Annotated[
        str | None,
        typer.Option(help="Parquet lake: a folder or URI (default: beside the database, or $NEWSDESK_LAKE)."),
    ] = None,
    task_runner: Annotated[
        TaskRunnerName, typer.Option(help="Where batches run: in this process, or on Dask.")
    ] = TaskRunnerName.default,
    dask_address: Annotated[
        str | None, typer.Option(help="Scheduler of a running Dask cluster, tcp://host:8786.")
    ] = None,
    dask_workers: Annotated[int, typer.Option(help="Worker processes of a local Dask cluster.")] = 2,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs.")] = False,
    time_limit: Annotated[
        float | None,
        typer.Option(
            help="Seconds after which the run stops without publishing (exit 124); default $NEWSDESK_RUN_SECONDS or 6 h, 0 for none."
        ),
    ] = None,
) -> None:
    """Run the ingest flow over INPUTS into the warehouse and print a summary."""
    inputs = list(inputs or DEFAULT_INPUTS)
    _refuse_missing_inputs(inputs)  # before Prefect starts or creates anything where the user stands
    unchanged = _unchanged_run(inputs, warehouse, lake)  # nothing new: no Prefect, no model (flows/precheck.py)
    if unchanged is not None:
        _print_summary(unchanged)
        return
    configure_prefect(verbose=verbose)
    with stopped_by_ctrl_c():  # from the first child process on
        early = _start_early(task_runner)  # server and NLP models boot while Prefect is imported here
        from flows import progress
        from flows.ingest import with_task_runner
        from newsdesk.temporary_server import prefect_api
        from warehouse.database_file import UnusableWal
        from warehouse.lock import WarehouseBusy
        from warehouse.publish import QualityCheckFailed

        ingest = with_task_runner(task_runner.value, dask_address, dask_workers)

    if not console.is_terminal:  # no live bar in a log or a pipe: say once why nothing shows yet
        errors.print(STARTING, highlight=False)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task_id = bar.add_task(STARTING, total=None)  # until the first batch is done
        listener = lambda done, total: bar.update(task_id, completed=done, total=total, description="ingesting")  # noqa: E731
        progress.listen(listener)
        try:
            with prefect_api(early), stopped_by_ctrl_c():
                summary = ingest(
                    inputs=inputs,
                    warehouse=str(warehouse_path(warehouse)),
                    batch_size=batch_size,
                    lake=lake,
                    time_limit=time_limit,
                )
        except (FileNotFoundError, WarehouseBusy, UnusableWal) as error:
            errors.print("[red]error:[/red]", end=" ")
            errors.print(str(error), markup=False)  # DuckDB's words may hold [brackets]
            raise typer.Exit(2) from None
        except QualityCheckFailed as error:
            errors.print("[red]error:[/red]", end=" ")
            errors.print(str(error), markup=False)
            raise typer.Exit(1) from None
        finally:
            progress.forget(listener)
    _print_summary(summary)


def _start_early(task_runner: TaskRunnerName):
    """Spawn Prefect's temporary server and the first NLP worker now, asking the worker to load
    the languages that have a full spaCy model (the slow ones to load): both boot side by side
    while this process imports Prefect, instead of one after the other. The pool's second NLP
    worker starts when a second batch is ready for extraction, so a one-batch run (the seed)
    loads the models once. On Dask, each worker process starts its own NLP worker on its first
    batch."""
    from newsdesk.temporary_server import start_early

    early = start_early()
    if task_runner is TaskRunnerName.default:
        from flows.extraction_worker import PRELOADED_LANGUAGES, shared_worker

        shared_worker().start(PRELOADED_LANGUAGES)
    return early


def _unchanged_run(inputs: list[str], warehouse: str | None, lake: str | None):
    """The summary of a run with nothing to do, found without Prefect; None when the flow must run."""
    from flows.precheck import unchanged_run
    from warehouse.database_file import UnusableWal
    from warehouse.lock import WarehouseBusy

    try:
        return unchanged_run(inputs, warehouse, lake)
    except (WarehouseBusy, UnusableWal) as error:
        errors.print("[red]error:[/red]", end=" ")
        errors.print(str(error), markup=False)  # DuckDB's words may hold [brackets]
        raise typer.Exit(2) from None


def _refuse_missing_inputs(inputs: list[str]) -> None:
    """A folder or file that is not there, or a glob that matches nothing: one line, exit 2."""
    missing = [item for item in inputs if not (glob.has_magic(item) or os.path.lexists(item))]
    if missing:
        where = f" (looked in {Path.cwd()})" if any(not os.path.isabs(item) for item in missing) else ""
        named = ", ".join(repr(item) for item in missing)
        errors.print(f"[red]error:[/red] input {named} matches no file or folder{where}", highlight=False)
        raise typer.Exit(2)


@contextmanager
def stopped_by_ctrl_c() -> Iterator[None]:
    """Ctrl-C stops the run at once, whatever it is doing: one line, exit status 130.

    Waiting for Prefect to unwind is what made an interrupted run hang for a minute (it joins
    the task threads, which finish their batch first). Ending the process here loses nothing:
    a run publishes in one atomic swap, so the warehouse keeps its last published state, and
    the run's lock, NLP worker and temporary server all end with the process.
    """
    previous = signal.signal(signal.SIGINT, _stop_now)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _stop_now(signum: int, frame: object) -> None:
    from flows.extraction_worker import stop_shared_worker

    stop_shared_worker()
    errors.print("interrupted: stopped; the warehouse keeps its last published state", highlight=False)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)


def _print_summary(summary) -> None:
    table = Table(title=f"newsdesk run {summary.run_id}", show_header=True)
    for column in ("files seen", "new", "changed", "unchanged", "deleted", "quarantined", "new articles"):
        table.add_column(column, justify="right")
    files = summary.files
    counts = (
        files["seen"],
        files["new"],
        files["changed"],
        files["unchanged"],
        files["deleted"],
        files["quarantined"],
        summary.articles_new,
    )
    table.add_row(*map(str, counts))
    console.print(table)
    _print_found(summary)
    if summary.languages:
        languages = Table("language", "new articles", title="Languages")
        for code, count in sorted(summary.language_counts.items()):
            languages.add_row(code, str(count))
        console.print(languages)
    if summary.quarantine_reasons:
        reasons = Table("reason", "records", title="Quarantined (see `newsdesk status`)")
        for reason, count in sorted(summary.quarantine_reasons.items()):
            reasons.add_row(reason, str(count))
        console.print(reasons)
    state = "published" if summary.published else "unchanged (nothing new)"
    console.print(f"warehouse: {summary.warehouse} — {state}")
    _warn_undated(summary)


def _print_found(summary) -> None:
    """What extraction found in the new articles (mentions: an event told by two articles counts twice)."""
    from flows.summary import FOUND

    if getattr(summary, "found", None):
        found = Table(*FOUND, title="Found in the new articles")
        found.add_row(*(str(summary.found[kind]) for kind in FOUND))
        console.print(found)


def _warn_undated(summary) -> None:
    from flows.summary import undated_warning

    if getattr(summary, "undated", None):
        errors.print("[yellow]warning:[/yellow]", end=" ")
        errors.print(undated_warning(summary), markup=False, highlight=False)


@app.command()
def reprocess(
    warehouse: WarehouseOption = None,
    all_articles: Annotated[
        bool, typer.Option("--all", help="Re-extract every article, not only those of older extractor versions.")
    ] = False,
    lake: Annotated[
        str | None,
        typer.Option(help="Parquet lake: a folder or URI (default: beside the database, or $NEWSDESK_LAKE)."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs.")] = False,
) -> None:
    """Rebuild dates, actors, events and agreements from the stored article texts."""
    configure_prefect(verbose=verbose)
    from flows.reprocess import reprocess as reprocess_flow
    from newsdesk.temporary_server import prefect_api
    from warehouse.database_file import UnusableWal
    from warehouse.lock import WarehouseBusy

    try:
        with prefect_api(), stopped_by_ctrl_c():
            summary = reprocess_flow(warehouse=str(warehouse_path(warehouse)), all_articles=all_articles, lake=lake)
    except (WarehouseBusy, UnusableWal) as error:
        errors.print("[red]error:[/red]", end=" ")
        errors.print(str(error), markup=False)  # DuckDB's words may hold [brackets]
        raise typer.Exit(2) from None
    state = "published" if summary.published else "unchanged (nothing to re-extract)"
    console.print(f"re-extracted {summary.articles_extracted} articles — warehouse: {summary.warehouse} {state}")


@app.command()
def compact(
    warehouse: WarehouseOption = None,
    lake: Annotated[
        str | None,
        typer.Option(help="Parquet lake: a folder or URI (default: beside the database, or $NEWSDESK_LAKE)."),
    ] = None,
    keep: Annotated[
        int, typer.Option(help="Newest committed runs to leave unfolded (the next run catches up from them).")
    ] = 2,
) -> None:
    """Fold old runs of the lake into one snapshot, so a rebuild does not replay the whole history."""
    from newsdesk.config import lake_location
    from warehouse.compaction import compact_lake
    from warehouse.database_file import UnusableWal
    from warehouse.layout import WarehouseLayout
    from warehouse.lock import WarehouseBusy

    layout = WarehouseLayout.at(warehouse_path(warehouse), lake_location(lake))
    try:
        done = compact_lake(layout, keep=keep)
    except (WarehouseBusy, UnusableWal) as error:
        errors.print("[red]error:[/red]", end=" ")
        errors.print(str(error), markup=False)
        raise typer.Exit(2) from None
    if done.snapshot is None:
        console.print(f"nothing to compact: {done.runs_left} runs after the latest snapshot (keeping {keep})")
    else:
        console.print(
            f"folded {done.runs_folded} runs into snapshot={done.snapshot}; a rebuild replays it and {done.runs_left} runs"
        )


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="An article file (text, JSON or JSON Lines); - for standard input.")],
    format: Annotated[
        DocumentFormat, typer.Option("--format", help="json (one document per line) or pretty.")
    ] = DocumentFormat.json,
    input_format: Annotated[
        InputFormat, typer.Option(help="For standard input: text, json or jsonl.")
    ] = InputFormat.text,
) -> None:
    """Run the transforms on one file, without Prefect or a warehouse, and print the documents."""
    from flows.extraction_worker import COMPLETE
    from newsdesk.inputs import NotARegularFile
    from newsdesk.serialize import dumps
    from newsdesk.single_file import extract_file

    try:
        if file == "-":
            name = f"<stdin>.{ {'text': 'txt'}.get(input_format.value, input_format.value) }"
            extraction = extract_file(name, sys.stdin.buffer.read())
        else:
            extraction = extract_file(str(Path(file).resolve()))
    except (OSError, NotARegularFile) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        errors.print(f"[red]error:[/red] cannot read {file}: {reason}", highlight=False)
        raise typer.Exit(2) from None
    reading, documents = extraction.reading, extraction.documents
    for problem in reading.problems:
        where = "" if problem.record < 0 else f" (record {problem.record})"
        errors.print(f"[yellow]quarantined{where}:[/yellow] {problem.reason}: {problem.message}")
    for document in documents:
        if document.extraction_status != COMPLETE:
            where = f" (record {document.article.record_index})" if reading.format != "text" else ""
            errors.print(
                f"[yellow]set aside{where}:[/yellow] {document.extraction_status}: {document.extraction_message}",
                markup=True,
            )
        sys.stdout.write(dumps(document, indent=2 if format is DocumentFormat.pretty else None) + "\n")
    if not documents:
        raise typer.Exit(1)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A read-only SQL query.")],
    warehouse: WarehouseOption = None,
    format: Annotated[
        ResultFormat,
        typer.Option("--format", help="table (for reading), csv, json, markdown, or parquet (needs --out)."),
    ] = ResultFormat.table,
    out: Annotated[
        str | None, typer.Option("--out", "-o", help="File to write instead of standard output (- is standard output).")
    ] = None,
    unsafe: Annotated[
        bool,
        typer.Option(
            "--unsafe",
            help="Let the query read and write other files, use the network and load extensions "
            "(the warehouse itself stays read-only). Only for queries you wrote.",
        ),
    ] = False,
) -> None:
    """Run a read-only query against the warehouse: it reads the warehouse's tables and nothing else.

    The table shows each column's type, NULL as NULL, and leaves out (…) the columns that do not fit the terminal: pick columns, or use --format csv/json/markdown/parquet for all of them.
    """
    from newsdesk.results import ResultError, write_result

    if out not in (None, "-"):
        out = str(_checked_output(warehouse, Path(out)))
    with _read_only(warehouse, locked=not unsafe) as con:
        try:
            relation = con.sql(query)
            if relation is None:  # a statement with no result (SET, PRAGMA ...)
                return
            write_result(relation, format, out, width=console.width)
        except ResultError as error:
            errors.print(f"[red]error:[/red] {error}", highlight=False)
            raise typer.Exit(2) from None


def _checked_output(warehouse: str | None, out: Path) -> Path:
    """`--out` resolved; never the warehouse, a file beside it or its lake (as for `export`)."""
    from newsdesk.export import ExportError, checked_target

    try:
        return checked_target(warehouse_path(warehouse), out)
    except ExportError as error:
        errors.print(f"[red]error:[/red] {error}", highlight=False)
        raise typer.Exit(2) from None


# Short headers so the runs table fits 80 columns; the run id is cut to its first 8 characters
# (enough to tell runs apart; `newsdesk sql "SELECT * FROM runs"` has the whole row).
_STATUS_RUNS = """
SELECT left(run_id, 8) AS run, flow_name AS flow, strftime(finished_at, '%Y-%m-%d %H:%M') AS "finished (UTC)",
       files_seen AS seen, files_new + files_changed AS "new/chg", files_quarantined AS quar,
       articles_extracted AS articles
FROM runs ORDER BY started_at DESC LIMIT ?
"""
_STATUS_TOTALS = "SELECT table_counts_json FROM runs ORDER BY started_at DESC LIMIT 1"
_STATUS_QUARANTINE = "SELECT path, record, reason, message FROM quarantine ORDER BY first_seen_at DESC, path, record"
STATUS_TOTALS = ("articles", "events", "actors", "agreements", "quarantine")


@app.command()
def status(warehouse: WarehouseOption = None, limit: int = 10) -> None:
    """Show the latest runs (which flow, what they read), the warehouse's totals and the quarantine."""
    from newsdesk.results import table_text

    with _read_only(warehouse) as con:
        console.print("Latest runs (files seen, new or changed, quarantined; articles extracted)", highlight=False)
        _echo(table_text(con.sql(_STATUS_RUNS, params=[int(limit)]), console.width))
        totals = con.execute(_STATUS_TOTALS).fetchall()
        if totals:
            counts = json.loads(totals[0][0])
            console.print(
                "Warehouse: " + ", ".join(f"{counts.get(name, 0)} {name}" for name in STATUS_TOTALS), highlight=False
            )
        if not con.execute("SELECT 1 FROM quarantine LIMIT 1").fetchall():
            console.print("Quarantine: none")
        else:
            console.print("Quarantine (newest first):")
            _echo(table_text(con.sql(_STATUS_QUARANTINE), console.width, max_rows=40))


def _echo(text: str) -> None:
    """DuckDB's rendering as it is (rich would re-wrap it and read [brackets] as markup)."""
    sys.stdout.write(text)
    sys.stdout.flush()


@app.command(name="eval")
def evaluate(
    evaluation: Annotated[
        EvaluationName, typer.Argument(metavar="NAME", help="What to score: langid, dates, actors, events, realnews.")
    ],
    paths: Annotated[
        list[Path],
        typer.Argument(help="Gold data files or folders (realnews: its folder, or GOLD_DIR ARTICLES.jsonl)."),
    ],
    extract: Annotated[
        Path | None,
        typer.Option(
            "--extract", help="realnews: score this `newsdesk extract --format json` output instead of extracting."
        ),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="realnews: print the figures as JSON.")] = False,
) -> None:
    """Score newsdesk against gold data (development splits live outside the project)."""
    name = evaluation.value
    module = importlib.import_module(f"newsdesk.evaluation.{name}")
    # Only the realnews scorer takes options; the others keep their one-argument main.
    options = {"extract": extract, "json_output": json_output} if name == "realnews" else {}
    if name != "realnews" and (extract is not None or json_output):
        errors.print("[red]error:[/red] --extract and --json apply to `eval realnews` only")
        raise typer.Exit(2)
    raise typer.Exit(module.main(list(paths), **options))


@app.command()
def docs(check: Annotated[bool, typer.Option(help="Fail if docs/data-dictionary.md is out of date.")] = False) -> None:
    """Regenerate docs/data-dictionary.md from the warehouse schema."""
    from warehouse.dictionary import DICTIONARY_PATH, render_dictionary

    rendered = render_dictionary()
    if check:
        current = DICTIONARY_PATH.read_text(encoding="utf-8") if DICTIONARY_PATH.exists() else ""
        if current != rendered:
            errors.print("[red]docs/data-dictionary.md is out of date:[/red] run `newsdesk docs`")
            raise typer.Exit(1)
        return
    DICTIONARY_PATH.write_text(rendered, encoding="utf-8")
    console.print(f"wrote {DICTIONARY_PATH}")


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="Port of the Prefect server and dashboard on 127.0.0.1.")] = 4200,
    project: Annotated[Path, typer.Option(help="Folder of prefect.yaml and flows/.")] = Path("."),
) -> None:
    """Start a local Prefect server, deploy prefect.yaml and run a worker, until Ctrl-C."""
    from newsdesk.serve import serve as serve_until_interrupted

    raise typer.Exit(serve_until_interrupted(project, port))


@app.command(name="export")
def export_command(
    name: Annotated[
        str,
        typer.Argument(
            help="A mart (event_timeline, dyads_monthly, actor_profile, agreements_overview, coverage), table or view."
        ),
    ],
    format: Annotated[
        ExportFormat, typer.Option("--format", help="parquet, csv, or plover-json (events only).")
    ] = ExportFormat.parquet,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="File to write (default: data/exports/NAME.EXT); - for standard output."),
    ] = None,
    warehouse: WarehouseOption = None,
) -> None:
    """Export a mart, table or view to Parquet or CSV, or the events as PLOVER-style JSON Lines."""
    from newsdesk.export import main as export_main

    raise typer.Exit(export_main(warehouse_path(warehouse), name, format.value, out))


@app.command()
def dashboard(
    warehouse: WarehouseOption = None,
    port: Annotated[int, typer.Option(help="Port of the dashboard on 127.0.0.1.")] = 8501,
) -> None:
    """Serve the Streamlit dashboard on the warehouse (read-only), until Ctrl-C."""
    from newsdesk.dashboard_cmd import run_dashboard

    raise typer.Exit(run_dashboard(warehouse_path(warehouse), port))


def _query(warehouse: str | None, query: str, locked: bool = True) -> tuple[list[str], list[tuple]]:
    """Rows of `query` on the warehouse, opened read-only and (unless `locked` is False) sandboxed."""
    with _read_only(warehouse, locked) as con:
        result = con.execute(query)
        columns = [description[0] for description in result.description or []]
        return columns, result.fetchall()


@contextmanager
def _read_only(warehouse: str | None, locked: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """The warehouse through warehouse/readonly.py; a missing file or a DuckDB error is one line, exit 2."""
    import duckdb

    from warehouse.readonly import open_read_only

    path = warehouse_path(warehouse)
    if not path.exists():
        errors.print(f"[red]error:[/red] no warehouse at {path}: run `make run` (or `newsdesk run`) first")
        raise typer.Exit(2)
    try:
        with open_read_only(path, locked=locked) as con:
            yield con
    except duckdb.Error as error:
        errors.print("[red]error:[/red]", end=" ")
        errors.print(str(error), markup=False)  # DuckDB's message may hold [brackets]
        raise typer.Exit(2) from None


if __name__ == "__main__":
    app()
