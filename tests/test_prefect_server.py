"""`newsdesk serve` on a real Prefect server and worker runs the deployments of prefect.yaml.

Slow (one to two minutes; marker `server`, deselect with `-m "not server"`). One `newsdesk serve`
for the module, on a free loopback port with its own Prefect home (and SQLite database): it
starts `prefect server start`, creates the work pool, deploys prefect.yaml and starts a worker.
The tests read the schedules back, run the ingest deployment over a temporary folder into a
temporary warehouse, and stop it all with Ctrl-C during a second run. Every wait is bounded, and
the fixture's teardown kills whatever is left of the stack (found by its Prefect home), whether
the tests passed or not. Nothing but 127.0.0.1 is contacted.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import duckdb
import psutil
import pytest
import yaml
from prefect.client.schemas.objects import State

from newsdesk.config import read_serve_auth, serve_auth_path
from newsdesk.serve import WORK_POOL, api_url, free_port, origin, port_is_free, prefect_client
from tests.conftest import FIXTURES, REPO, SEED

pytestmark = pytest.mark.server

READY_SECONDS = 240.0  # server start + deploy of three flows + worker start, on a busy 2-core machine
RUN_SECONDS = 180.0
STOP_SECONDS = 90.0


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    home: Path
    port: int
    log: Path

    @property
    def url(self) -> str:
        return api_url(self.port)

    def client(self):  # type: ignore[no-untyped-def]
        """A client sending the auth string `newsdesk serve` stored in the test's Prefect home."""
        return prefect_client(self.url, read_serve_auth(self.home))

    def log_tail(self, characters: int = 6000) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-characters:]


def offline_environment(home: Path) -> dict[str, str]:
    """This machine's environment without any Prefect or newsdesk setting, plus the test's own."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("PREFECT_", "NEWSDESK_"))}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        # No cron schedule may fire during the test: an hourly ingest would write into the
        # project's own data/ folder. The schedules are still registered and read back.
        PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED="false",
        PREFECT_SERVER_UI_ENABLED="false",
        PREFECT_WORKER_QUERY_SECONDS="1",  # the worker picks the triggered run up at once
        # Any HTTP request that is not for the loopback goes to a closed local port and fails
        # at once instead of leaving the machine (serve adds 127.0.0.1 to NO_PROXY).
        HTTP_PROXY="http://127.0.0.1:9",
        HTTPS_PROXY="http://127.0.0.1:9",
    )
    return env


def stack_processes(home: Path) -> list[psutil.Process]:
    """Every process of the test's stack: they all carry its Prefect home in their environment."""
    found = []
    for process in psutil.process_iter(["environ"], ad_value=None):
        environ = process.info["environ"] or {}
        if environ.get("PREFECT_HOME") == str(home) and process.pid != os.getpid():
            found.append(process)
    return found


def kill_stack(served: Served) -> None:
    """Teardown: Ctrl-C for `newsdesk serve` if it still runs, then SIGKILL for any survivor."""
    processes = stack_processes(served.home)
    if served.process.poll() is None:
        served.process.send_signal(signal.SIGINT)
        try:
            served.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            pass
    _, survivors = psutil.wait_procs(processes, timeout=1)
    for process in [*survivors, *stack_processes(served.home)]:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    if served.process.poll() is None:
        served.process.kill()
    served.process.wait(timeout=10)


def wait_until_served(served: Served, deployments_expected: int) -> None:
    """Until every deployment is registered and a worker of the pool is online (or serve exits)."""
    import httpx
    from prefect.client.schemas.objects import WorkerStatus

    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        assert served.process.poll() is None, f"newsdesk serve exited early:\n{served.log_tail()}"
        try:
            with served.client() as client:
                deployments = client.read_deployments()
                workers = client.read_workers_for_work_pool(WORK_POOL) if deployments else []
        except httpx.HTTPError:  # the server is not listening yet
            deployments, workers = [], []
        if len(deployments) == deployments_expected and any(w.status == WorkerStatus.ONLINE for w in workers):
            return
        time.sleep(1)
    pytest.fail(f"newsdesk serve was not ready within {READY_SECONDS:.0f} s:\n{served.log_tail()}")


def yaml_deployments() -> list[dict[str, Any]]:
    return yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    home = tmp_path_factory.mktemp("prefect-home")
    log = home / "serve.log"
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk.cli", "serve", "--port", str(port), "--project", str(REPO)],
            cwd=REPO,
            env=offline_environment(home),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so Ctrl-C in this terminal does not reach it
        )
    stack = Served(process, home, port, log)
    try:
        wait_until_served(stack, len(yaml_deployments()))
        yield stack
    finally:
        kill_stack(stack)


def test_deploy_registers_the_cron_schedules_of_prefect_yaml(served: Served) -> None:
    expected = {
        deployment["name"]: [(s["cron"], s["timezone"], s.get("active", True)) for s in deployment.get("schedules", [])]
        for deployment in yaml_deployments()
    }
    with served.client() as client:
        registered = {
            deployment.name: [
                (s.schedule.cron, s.schedule.timezone, s.active)
                for s in client.read_deployment_schedules(deployment.id)
            ]
            for deployment in client.read_deployments()
        }
    assert registered == expected
    assert registered["ingest-hourly"], "the incremental ingest runs on a cron schedule"


def test_deployments_run_from_the_project_folder_without_fetching_code(served: Served) -> None:
    with served.client() as client:
        pull_steps = {deployment.name: deployment.pull_steps for deployment in client.read_deployments()}
    change_directory = [{"prefect.deployments.steps.set_working_directory": {"directory": str(REPO)}}]
    assert pull_steps == {deployment["name"]: change_directory for deployment in yaml_deployments()}


def call_api(served: Served, path: str, headers: dict[str, str], method: str = "POST") -> tuple[int, dict[str, str]]:
    """Status and headers of one request to the served API, straight over the loopback (no proxy)."""
    request = urllib.request.Request(
        f"{served.url}{path}",
        data=b"{}" if method == "POST" else None,
        headers={"Content-Type": "application/json", **headers},
        method=method,
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_the_api_refuses_a_call_without_the_auth_string(served: Served) -> None:
    status, _ = call_api(served, "/deployments/filter", {})
    assert status == 401


def test_the_api_refuses_a_call_with_another_auth_string(served: Served) -> None:
    wrong = base64.b64encode(b"newsdesk:guessed").decode()
    status, _ = call_api(served, "/deployments/filter", {"Authorization": f"Basic {wrong}"})
    assert status == 401


def test_the_api_answers_a_call_with_the_stored_auth_string(served: Served) -> None:
    auth = read_serve_auth(served.home) or ""
    status, _ = call_api(
        served, "/deployments/filter", {"Authorization": f"Basic {base64.b64encode(auth.encode()).decode()}"}
    )
    assert status == 200
    assert stat.S_IMODE(serve_auth_path(served.home).stat().st_mode) == 0o600


def test_the_api_allows_cross_origin_calls_from_its_own_dashboard_only(served: Served) -> None:
    def preflight(site: str) -> dict[str, str]:
        asking = {
            "Origin": site,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization",
        }
        return {name.lower(): value for name, value in call_api(served, "/deployments/", asking, "OPTIONS")[1].items()}

    assert "access-control-allow-origin" not in preflight("http://attacker.example")
    assert preflight(origin(served.port))["access-control-allow-origin"] == origin(served.port)


def three_articles(folder: Path) -> Path:
    folder.mkdir()
    for article in (SEED, FIXTURES / "articles" / "en_wire.txt", FIXTURES / "articles" / "ar_agency.txt"):
        shutil.copy(article, folder / article.name)  # one article per file
    return folder


def trigger_ingest(served: Served, inputs: Path, warehouse: Path) -> UUID:
    """A run of the ingest deployment over `inputs` into `warehouse` (the other parameters from prefect.yaml)."""
    with served.client() as client:
        deployment = client.read_deployment_by_name("ingest/ingest-hourly")
        parameters = {"inputs": [str(inputs)], "warehouse": str(warehouse)}
        return client.create_flow_run_from_deployment(deployment.id, parameters=parameters).id


def wait_for_state(served: Served, flow_run_id: UUID, reached: Callable[[State], bool]) -> State:
    deadline = time.monotonic() + RUN_SECONDS
    with served.client() as client:
        while not ((state := client.read_flow_run(flow_run_id).state) and reached(state)):
            assert time.monotonic() < deadline, (
                f"flow run still {state} after {RUN_SECONDS:.0f} s:\n{served.log_tail()}"
            )
            time.sleep(0.5)
    return state


def test_worker_runs_the_ingest_deployment_into_the_warehouse(served: Served, tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse" / "warehouse.duckdb"
    flow_run_id = trigger_ingest(served, three_articles(tmp_path / "inputs"), warehouse)
    state = wait_for_state(served, flow_run_id, lambda state: state.is_final())
    assert state.is_completed(), f"{state}:\n{served.log_tail()}"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        loaded = con.execute("SELECT first_seen_run, count(*) FROM articles GROUP BY 1").fetchall()
    assert loaded == [(str(flow_run_id), 3)]


def test_ctrl_c_during_a_run_stops_worker_run_and_server(served: Served, tmp_path: Path) -> None:
    """Runs last: it ends the module's stack (the fixture then finds nothing left to kill)."""
    flow_run_id = trigger_ingest(served, three_articles(tmp_path / "inputs"), tmp_path / "warehouse.duckdb")
    wait_for_state(served, flow_run_id, lambda state: state.is_running())
    processes = stack_processes(served.home)
    assert len(processes) >= 4, "serve, server, worker and the flow run"
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(timeout=STOP_SECONDS) == 0, served.log_tail()
    _, survivors = psutil.wait_procs(processes, timeout=5)
    assert survivors == []
    assert port_is_free(served.port)
    assert "marked 1 interrupted flow run(s) as Crashed" in served.log_tail()
