"""`newsdesk serve`: the deployments of prefect.yaml, live on this machine until Ctrl-C.

Starts, in this order, and stops in the reverse order:

    1. a Prefect server on 127.0.0.1 (its SQLite database `serve.db` in the Prefect home),
    2. the `newsdesk-local` process work pool, if it does not exist yet,
    3. the deployments of prefect.yaml (`prefect deploy --all`, no prompts),
    4. a worker of that pool, which runs each flow from the project folder.

The server's API takes only requests that carry the auth string stored (mode 0600) in the Prefect
home, and answers cross-origin requests only from its own origin: another local user, process or
a web page in the browser cannot create a deployment (whose pull steps run commands) or start a
run. The server, `prefect deploy`, the worker and its flow runs get the string from the
environment; `newsdesk` commands pointed at this server read it from the home.

Server and worker run in their own sessions (process groups): Ctrl-C reaches only this process,
which then stops the worker (and any flow run it started) before the server, instead of the
terminal interrupting all of them at once. tests/test_prefect_server.py runs this command with a
temporary Prefect home.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
from rich.console import Console

from newsdesk.config import configure_prefect, read_serve_auth, serve_auth_path

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 4200
WORK_POOL = "newsdesk-local"
PREFECT = (sys.executable, "-m", "prefect")

# A cold 2-core machine takes tens of seconds to start a server or to import the flows.
SERVER_STARTUP_SECONDS = 180.0
DEPLOY_SECONDS = 300.0
# How long a process may take to shut down after SIGTERM before it is killed.
STOP_GRACE_SECONDS = 20.0

console = Console(stderr=True)


class ServeError(RuntimeError):
    """A step of the local stack failed; the message says which and why."""


def api_url(port: int) -> str:
    return f"http://{LOOPBACK}:{port}/api"


def origin(port: int) -> str:
    """The server's own origin (its dashboard): the only one allowed cross-origin requests."""
    return f"http://{LOOPBACK}:{port}"


def ensure_auth_string(home: Path) -> str:
    """The API auth string of this Prefect home: read, or made once and stored with mode 0600.

    Prefect's basic auth compares the whole `user:password` string; the UI asks for it once.
    """
    path = serve_auth_path(home)
    if existing := read_serve_auth(home):
        os.chmod(path, 0o600)  # a copy restored with a looser mode is tightened again
        return existing
    auth = f"newsdesk:{secrets.token_urlsafe(32)}"
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never readable by others
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(auth + "\n")
    os.replace(temporary, path)
    return auth


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex((LOOPBACK, port)) != 0


def free_port() -> int:
    """A loopback port nobody listens on now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def stack_environment(base: Mapping[str, str], home: Path, port: int, auth: str) -> dict[str, str]:
    """The environment of the server, `prefect deploy` and the worker (hence of every flow run).

    All of them share one Prefect home (and its SQLite database) and talk to the server on the
    loopback port, offline: no telemetry, no proxy between them and the server. The server
    requires `auth` on every API call but its health check, and the clients send it.
    """
    env = {name: value for name, value in base.items() if name != "PREFECT_API_KEY"}  # no Prefect Cloud here
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_API_URL=api_url(port),
        # Not prefect.db: that is the database of the temporary server that `newsdesk run` starts
        # with the same home, and two servers on one SQLite file would contend for its lock.
        PREFECT_SERVER_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{home / 'serve.db'}",
        PREFECT_SERVER_API_AUTH_STRING=auth,
        PREFECT_API_AUTH_STRING=auth,
        PREFECT_SERVER_API_CORS_ALLOWED_ORIGINS=origin(port),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        NO_PROXY=_with_loopback(base.get("NO_PROXY", "")),
        no_proxy=_with_loopback(base.get("no_proxy", "")),
    )
    return env


def _with_loopback(hosts: str) -> str:
    return ",".join(part for part in (hosts, LOOPBACK, "localhost") if part)


@dataclass
class ServiceProcess:
    """A long-running child in its own session, stopped with everything it started."""

    name: str
    process: subprocess.Popen[bytes]

    @classmethod
    def start(cls, name: str, command: Sequence[str], env: Mapping[str, str], cwd: Path) -> ServiceProcess:
        """Its output goes where ours goes; no terminal input, no terminal signals."""
        process = subprocess.Popen(
            list(command), env=dict(env), cwd=cwd, stdin=subprocess.DEVNULL, start_new_session=True
        )
        return cls(name, process)

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """SIGTERM to the process (Prefect's commands pass it on to what they started); after
        `grace` seconds, SIGKILL to whatever is left of its process tree and process group.

        The tree is noted before signalling: a Prefect worker starts flow runs in sessions of
        their own, which a signal to the worker's group would not reach.
        """
        family = self._family()
        if self.running:
            self.process.send_signal(signal.SIGTERM)
        _, survivors = psutil.wait_procs(family, timeout=grace)
        for survivor in survivors:
            _kill_quietly(survivor)
        self._kill_group()  # a straggler started after the snapshot
        psutil.wait_procs(survivors, timeout=5)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # SIGKILL was sent: only a process stuck in the kernel stays
            pass

    def _family(self) -> list[psutil.Process]:
        try:
            leader = psutil.Process(self.process.pid)
            return [leader, *leader.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def _kill_group(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # start_new_session: the group id is the child's pid
        except (ProcessLookupError, PermissionError):
            pass


def _kill_quietly(process: psutil.Process) -> None:
    try:
        process.kill()
    except psutil.NoSuchProcess:
        pass


def start_server(port: int, env: Mapping[str, str], cwd: Path) -> ServiceProcess:
    """`prefect server start` on the loopback port; `wait_until_healthy` before using it.

    Its services (scheduler, UI, ...) follow the PREFECT_SERVER_* settings of `env`.
    """
    if not port_is_free(port):
        raise ServeError(f"port {port} on {LOOPBACK} is in use (another Prefect server?): choose another with --port")
    command = [*PREFECT, "server", "start", "--host", LOOPBACK, "--port", str(port), "--analytics-off"]
    return ServiceProcess.start("Prefect server", command, env, cwd)


def wait_until_healthy(server: ServiceProcess, port: int, timeout: float = SERVER_STARTUP_SECONDS) -> None:
    """Poll the server's health endpoint until it answers, it exits, or `timeout` passes."""
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.running:
            raise ServeError(f"the Prefect server exited with code {server.process.returncode} while starting")
        try:
            with no_proxy.open(f"{api_url(port)}/health", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise ServeError(f"the Prefect server did not answer on {api_url(port)} within {timeout:.0f} s")


def prefect_client(url: str, auth: str | None):  # -> SyncPrefectClient, lazily
    """A client of the server at `url` sending `auth`, ignoring any proxy settings: the server is on the loopback."""
    from prefect.client.orchestration import SyncPrefectClient

    return SyncPrefectClient(url, auth_string=auth, httpx_settings={"trust_env": False})


def ensure_work_pool(url: str, auth: str, name: str = WORK_POOL) -> bool:
    """Create the process work pool unless it exists; True when it was created.

    Through the client rather than `prefect work-pool create`, which looks up the available
    worker types in Prefect's online registry.
    """
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectNotFound
    from prefect.workers.process import ProcessWorker

    with prefect_client(url, auth) as client:
        try:
            client.read_work_pool(name)
            return False
        except ObjectNotFound:
            template = ProcessWorker.get_default_base_job_template()
            client.create_work_pool(WorkPoolCreate(name=name, type="process", base_job_template=template))
            return True


def deploy_project(project: Path, env: Mapping[str, str], timeout: float = DEPLOY_SECONDS) -> None:
    """`prefect --no-prompt deploy --all` from the project folder; ServeError with its output if it fails."""
    try:
        done = subprocess.run(
            [*PREFECT, "--no-prompt", "deploy", "--all"],
            cwd=project,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as error:
        raise ServeError(f"`prefect deploy --all` did not finish within {timeout:.0f} s") from error
    if done.returncode != 0:
        raise ServeError(f"`prefect deploy --all` failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")


def deployment_lines(url: str, auth: str) -> list[str]:
    """One line per registered deployment: flow/deployment name and when it runs."""
    with prefect_client(url, auth) as client:
        lines = []
        for deployment in client.read_deployments():
            flow = client.read_flow(deployment.flow_id)
            when = ", ".join(_describe(entry.schedule) for entry in deployment.schedules) or "when asked"
            lines.append(f"{flow.name}/{deployment.name}: {when}")
    return sorted(lines)


def _describe(schedule: object) -> str:
    cron = getattr(schedule, "cron", None)
    return f"cron {cron!r} ({getattr(schedule, 'timezone', None) or 'UTC'})" if cron else type(schedule).__name__


def start_worker(env: Mapping[str, str], cwd: Path, pool: str = WORK_POOL) -> ServiceProcess:
    """A process worker of the pool; it never installs packages (offline)."""
    command = [*PREFECT, "worker", "start", "--pool", pool, "--type", "process", "--install-policy", "never"]
    return ServiceProcess.start("Prefect worker", command, env, cwd)


def crash_interrupted_runs(url: str, auth: str, pool: str = WORK_POOL) -> int:
    """Mark the pool's runs still pending or running as Crashed; how many were marked.

    Called once the worker and its flow runs are stopped, so that the dashboard does not show
    them running forever. (A killed run never leaves half a run in the warehouse.)
    """
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
        WorkPoolFilter,
        WorkPoolFilterName,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.states import Crashed

    unfinished = FlowRunFilter(
        state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.PENDING, StateType.RUNNING]))
    )
    with prefect_client(url, auth) as client:
        runs = client.read_flow_runs(
            flow_run_filter=unfinished, work_pool_filter=WorkPoolFilter(name=WorkPoolFilterName(any_=[pool]))
        )
        for run in runs:
            client.set_flow_run_state(run.id, Crashed(message="newsdesk serve stopped during this run"), force=True)
    return len(runs)


@contextmanager
def running(service: ServiceProcess) -> Iterator[ServiceProcess]:
    """Stop the service when the block ends, however it ends."""
    try:
        yield service
    finally:
        if service.running:
            console.print(f"stopping the {service.name}…")
        service.stop()


def serve(project: Path, port: int = DEFAULT_PORT) -> int:
    """Run server, work pool, deployments and worker until Ctrl-C (or SIGTERM); the exit code."""
    project = project.resolve()
    if not (project / "prefect.yaml").is_file():
        console.print(f"[red]error:[/red] no prefect.yaml in {project}: run from the newsdesk folder or pass --project")
        return 2
    configure_prefect(home=project / ".prefect", verbose=True)  # explicit PREFECT_* settings of the user win
    home = Path(os.environ["PREFECT_HOME"]).resolve()
    home.mkdir(parents=True, exist_ok=True)
    env = stack_environment(os.environ, home, port, ensure_auth_string(home))
    interrupts = _FirstInterruptOnly()
    signal.signal(signal.SIGINT, interrupts)
    signal.signal(signal.SIGTERM, interrupts)
    try:
        with ExitStack() as stack:
            return _run_stack(stack, project, port, env)
    except ServeError as error:
        console.print(f"[red]error:[/red] {error}")
        return 1
    except KeyboardInterrupt:
        console.print("stopped")
        return 0


def _run_stack(stack: ExitStack, project: Path, port: int, env: Mapping[str, str]) -> int:
    url, auth = api_url(port), env["PREFECT_API_AUTH_STRING"]
    server = stack.enter_context(running(start_server(port, env, project)))
    console.print(f"starting a Prefect server on {LOOPBACK}:{port} (home: {env['PREFECT_HOME']})…")
    wait_until_healthy(server, port)
    if ensure_work_pool(url, auth):
        console.print(f"created the process work pool {WORK_POOL}")
    console.print("deploying prefect.yaml…")
    deploy_project(project, env)
    for line in deployment_lines(url, auth):
        console.print(f"  {line}", markup=False, highlight=False)
    stack.callback(_report_interrupted_runs, url, auth)  # between stopping the worker and the server
    worker = stack.enter_context(running(start_worker(env, project)))
    console.print(
        f"[green]newsdesk is served:[/green] dashboard {origin(port)} (log in with the contents of "
        f"{serve_auth_path(Path(env['PREFECT_HOME']))}) — runs go to the {WORK_POOL} worker. "
        "Ctrl-C stops the worker, then the server."
    )
    return _until_one_exits([server, worker])


def _report_interrupted_runs(url: str, auth: str) -> None:
    import httpx

    try:
        if crashed := crash_interrupted_runs(url, auth):
            console.print(f"marked {crashed} interrupted flow run(s) as Crashed")
    except httpx.HTTPError:  # the server is gone already: nothing to record
        pass


def _until_one_exits(services: list[ServiceProcess]) -> int:
    """Block until Ctrl-C (KeyboardInterrupt) or until a service dies on its own (exit code 1)."""
    while True:
        for service in services:
            if not service.running:
                console.print(f"[red]error:[/red] the {service.name} exited (code {service.process.returncode})")
                return 1
        time.sleep(1)


class _FirstInterruptOnly:
    """SIGINT/SIGTERM handler: the first signal interrupts; later ones must not cut the clean-up short."""

    def __init__(self) -> None:
        self.received = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.received:
            return
        self.received = True
        raise KeyboardInterrupt
