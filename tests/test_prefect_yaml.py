"""prefect.yaml must describe deployments Prefect can build: a real flow, valid parameters and cron."""

from __future__ import annotations

import asyncio
import importlib
import inspect
from datetime import UTC, datetime, timedelta

import yaml
from prefect.client.schemas.schedules import CronSchedule

from tests.conftest import REPO


def load_deployments() -> list[dict]:
    return yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]


def test_every_deployment_points_at_a_flow_and_passes_only_its_parameters() -> None:
    for deployment in load_deployments():
        module_path, _, name = deployment["entrypoint"].partition(":")
        module = importlib.import_module(module_path.removesuffix(".py").replace("/", "."))
        flow = getattr(module, name)
        accepted = set(inspect.signature(flow.fn).parameters)
        assert set(deployment.get("parameters", {})) <= accepted, deployment["name"]


def test_scheduled_deployments_have_a_valid_cron_and_an_explicit_timezone() -> None:
    schedules = [schedule for deployment in load_deployments() for schedule in deployment.get("schedules", [])]
    assert schedules, "at least one deployment runs on a schedule"
    for schedule in schedules:
        CronSchedule(cron=schedule["cron"], timezone=schedule["timezone"])


def load_project() -> dict:
    return yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))


def deployment_of(entrypoint: str) -> dict:
    (deployment,) = [d for d in load_deployments() if d["entrypoint"] == entrypoint]
    return deployment


def fire_times(schedule: dict, days: int) -> list:
    """When the schedule fires in `days` days from a Monday 00:00 UTC, as Prefect's scheduler computes it."""
    from prefect.server.schemas.schedules import CronSchedule as SchedulerCron

    start = datetime(2026, 3, 23, tzinfo=UTC)
    end = start + timedelta(days=days) - timedelta(microseconds=1)
    cron = SchedulerCron(cron=schedule["cron"], timezone=schedule["timezone"])
    return asyncio.run(cron.get_dates(n=1000, start=start, end=end))


def step_names(steps: list[dict] | None) -> set[str]:
    return {name.rsplit(".", 1)[-1] for step in steps or [] for name in step}


def test_every_deployment_runs_on_the_local_process_pool() -> None:
    assert {deployment["work_pool"]["name"] for deployment in load_deployments()} == {"newsdesk-local"}


def test_deployments_use_the_code_in_place_and_never_fetch_it() -> None:
    project = load_project()
    assert step_names(project.get("pull")) == {"set_working_directory"}
    assert step_names(project.get("build")) <= {"run_shell_script"}
    assert not project.get("push")
    assert all("pull" not in deployment and "build" not in deployment for deployment in load_deployments())


def test_ingest_takes_its_input_folders_and_warehouse_as_parameters() -> None:
    parameters = deployment_of("flows/ingest.py:ingest")["parameters"]
    assert isinstance(parameters["inputs"], list) and parameters["inputs"]
    assert parameters["warehouse"]


def test_reprocess_runs_only_when_asked() -> None:
    assert deployment_of("flows/reprocess.py:reprocess").get("schedules") in (None, [])


def test_quality_report_runs_once_a_day() -> None:
    (schedule,) = deployment_of("flows/quality_report.py:quality_report")["schedules"]
    days = [moment.date() for moment in fire_times(schedule, days=7)]
    assert len(days) == len(set(days)) == 7


def test_writing_deployments_run_one_at_a_time_and_queue_the_next() -> None:
    """Issue 17: an hourly run that overlapped the previous one failed on the warehouse lock."""
    from prefect.client.schemas.objects import ConcurrencyLimitStrategy

    limits = {deployment["name"]: deployment.get("concurrency_limit") for deployment in load_deployments()}
    for name in ("ingest-hourly", "reprocess"):
        assert limits[name] == {"limit": 1, "collision_strategy": "ENQUEUE"}
        assert ConcurrencyLimitStrategy(limits[name]["collision_strategy"]) is ConcurrencyLimitStrategy.ENQUEUE


def test_writing_deployments_wait_for_each_others_warehouse_lock() -> None:
    """An ingest and a reprocess of one warehouse are two deployments: their concurrency limits do
    not see each other, so the later one waits for the warehouse lock instead of failing."""
    from warehouse.lock import LOCK_WAIT_ENV

    for name in ("ingest-hourly", "reprocess"):
        (deployment,) = [d for d in load_deployments() if d["name"] == name]
        assert float(deployment["work_pool"]["job_variables"]["env"][LOCK_WAIT_ENV]) >= 600
