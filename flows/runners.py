"""Task runners for the flows: in process by default, or a Dask cluster for scale-out.

- "default": Prefect's thread pool in this process, one thread more than NLP worker processes
  (NEWSDESK_NLP_PROCESSES, default two): two batches are extracted at once, one in each NLP
  process, while a third is read and staged, so neither NLP process waits for reading or
  staging. Each NLP process loads the models once; memory stays flat.
- "dask": prefect-dask's DaskTaskRunner. With `address` it joins a running cluster
  (`tcp://scheduler:8786`); without, it starts a local cluster of `workers` processes. Each
  worker process loads the models once and writes its own uniquely named Parquet parts. A local
  worker runs two batches at a time, as the default runner does: its NLP worker process extracts
  one while the other is read and staged, so extraction does not wait for reading and writing
  (with one thread the NLP process idled through them, about a fifth of the time).
"""

from __future__ import annotations

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from newsdesk.config import nlp_processes


def default_threads() -> int:
    """A task thread per NLP process, each waiting on its batch's extraction, and one that reads
    and stages the next batch meanwhile."""
    return nlp_processes() + 1


def task_runner_for(name: str = "default", address: str | None = None, workers: int | None = None) -> TaskRunner:
    if name == "default":
        return ThreadPoolTaskRunner(max_workers=default_threads())
    if name == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(
            cluster_kwargs={
                "n_workers": workers or 2,
                "threads_per_worker": 2,
                "processes": True,
                "dashboard_address": None,
                # Dask's statistical profiler walks every busy thread's stack 100 times a second
                # for the dashboard's profile page, which a local cluster does not serve; a batch
                # waiting on NLP counts as busy, so it ran all along (py-spy: ~15% of a worker's
                # samples; measured, ~7% of a worker's CPU on the French bench).
                "config": {"distributed.worker.profile.enabled": False},
            }
        )
    raise ValueError(f"unknown task runner {name!r}: use 'default' or 'dask'")
