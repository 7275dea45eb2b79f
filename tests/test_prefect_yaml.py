"""prefect.yaml must describe deployments Prefect can build: a real flow, valid parameters and cron."""

from __future__ import annotations

import importlib
import inspect

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
