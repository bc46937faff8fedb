"""azure.yaml, host.json, the GitHub workflows and the deploy scripts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "scripts").glob("*.sh"))


def load_yaml(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text())
    assert isinstance(data, dict)
    return data


def triggers(workflow: dict[Any, Any]) -> Any:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as True


def test_azure_yaml_deploys_the_api_as_a_function_app() -> None:
    azd = load_yaml(ROOT / "azure.yaml")
    assert azd["name"]
    assert azd["infra"]["provider"] == "bicep"
    assert (ROOT / azd["infra"]["path"] / f"{azd['infra']['module']}.bicep").is_file()
    api = azd["services"]["api"]
    assert (api["host"], api["language"]) == ("function", "python")
    assert (ROOT / api["project"] / "function_app.py").is_file()
    for hook in azd["hooks"].values():
        script = hook["posix"]["run"].removeprefix("bash ").split()[0]
        assert (ROOT / script).is_file(), script


def test_host_json_routes_without_prefix() -> None:
    host = json.loads((ROOT / "host.json").read_text())
    assert host["version"] == "2.0"
    assert host["extensions"]["http"]["routePrefix"] == ""
    assert host["extensionBundle"]["id"] == "Microsoft.Azure.Functions.ExtensionBundle"


def test_ci_workflow_runs_make_test_on_push_and_pull_request() -> None:
    ci = load_yaml(ROOT / ".github" / "workflows" / "ci.yml")
    assert {"push", "pull_request"} <= set(triggers(ci))
    runs = [step.get("run", "") for job in ci["jobs"].values() for step in job["steps"]]
    assert "make test" in runs


def test_deploy_workflow_uses_oidc_azd_and_smoke_tests() -> None:
    deploy = load_yaml(ROOT / ".github" / "workflows" / "deploy.yml")
    on = triggers(deploy)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert deploy["permissions"]["id-token"] == "write"
    runs = "\n".join(step.get("run", "") for job in deploy["jobs"].values() for step in job["steps"])
    assert "--federated-credential-provider github" in runs
    assert "azd provision" in runs
    assert "azd deploy" in runs
    assert "scripts/smoke-test.sh" in runs
    assert "secrets.AZURE_CLIENT_SECRET" not in (ROOT / ".github" / "workflows" / "deploy.yml").read_text()


def azd_pipeline_subjects(repository: str, branch: str) -> set[str]:
    """The federated credential subjects `azd pipeline config --provider github` creates, run on BRANCH.

    azd creates one for the branch and one for pull requests (DESIGN.md, measured facts; azure-dev's
    pkg/pipeline/github_provider.go), nothing for GitHub environments.
    """
    return {f"repo:{repository}:ref:refs/heads/{branch}", f"repo:{repository}:pull_request"}


def oidc_subjects(workflow: dict[Any, Any], job: dict[Any, Any], repository: str) -> set[str]:
    """The subjects a job's OpenID Connect token can carry (GitHub's default subject claim)."""
    if "environment" in job:
        name = job["environment"]["name"] if isinstance(job["environment"], dict) else job["environment"]
        return {f"repo:{repository}:environment:{name}"}
    on = triggers(workflow)
    subjects = {f"repo:{repository}:ref:refs/heads/{b}" for b in on.get("push", {}).get("branches", [])}
    if "pull_request" in on:
        subjects.add(f"repo:{repository}:pull_request")
    # A manual run can be started from any branch: only a job that refuses other refs stays on main.
    if "workflow_dispatch" in on and job.get("if") != "github.ref == 'refs/heads/main'":
        subjects.add(f"repo:{repository}:ref:refs/heads/<any branch>")
    return subjects


def test_every_deploy_job_presents_a_subject_azd_pipeline_config_creates() -> None:
    """An `environment:` (the subject `...:environment:NAME`) or a manual run on another branch would fail sign-in."""
    deploy = load_yaml(ROOT / ".github" / "workflows" / "deploy.yml")
    repository = "contoso/pharmabot"
    created = azd_pipeline_subjects(repository, "main")
    signing_in = {name: job for name, job in deploy["jobs"].items() if "azd auth login" in str(job["steps"])}
    assert set(signing_in) == {"deploy", "index"}
    for name, job in signing_in.items():
        assert "environment" not in job, name
        assert oidc_subjects(deploy, job, repository) <= created, name
    # The checker itself: the subject the old workflow presented is not one azd creates.
    assert not oidc_subjects(deploy, {"environment": "production"}, repository) <= created


def test_the_long_first_ingest_is_a_job_of_its_own_with_a_sized_timeout() -> None:
    """Text in the provision hook (minutes); vectors (~25.7 M tokens at 120K tokens/minute: ~214 min) in `index`."""
    deploy = load_yaml(ROOT / ".github" / "workflows" / "deploy.yml")
    jobs = deploy["jobs"]
    assert jobs["deploy"]["env"]["PHARMABOT_INGEST"] == "text"
    index = jobs["index"]
    assert index["needs"] == "deploy"
    minutes_needed = 25.7e6 / 120e3
    assert minutes_needed * 1.2 <= index["timeout-minutes"] <= 360  # a margin, within GitHub's 6-hour cap
    runs = [step.get("run", "") for step in index["steps"]]
    assert "bash scripts/ingest.sh" in runs
    assert any("azd env refresh" in run for run in runs)  # the outputs of the provisioned environment
    ingest_step = next(step for step in index["steps"] if step.get("run") == "bash scripts/ingest.sh")
    assert ingest_step["env"]["AZURE_TOKEN_CREDENTIALS"] == "AzureDeveloperCliCredential"
    # A new push may deploy while the vectors are still going; two ingests never run at once.
    assert index["concurrency"]["cancel-in-progress"] is False
    assert index["concurrency"]["group"] != jobs["deploy"]["concurrency"]["group"]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_is_strict_bash_and_parses(script: Path) -> None:
    text = script.read_text()
    if script.name != "common.sh":  # sourced by the others
        assert text.startswith("#!/usr/bin/env bash\n")
        assert "set -euo pipefail" in text
        assert os.access(script, os.X_OK)
    subprocess.run(["bash", "-n", str(script)], check=True)


class _FakeApi(BaseHTTPRequestHandler):
    """A stand-in for the deployed API that records what the smoke test sends."""

    chat_body = b'event: token\ndata: {"delta": "Ibuprofen"}\n\ndata: [DONE]\n\n'
    requests: ClassVar[list[tuple[str, str, dict[str, str], bytes]]] = []

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.requests.append(("GET", self.path, dict(self.headers), b""))
        self._reply(200, "application/json", b'{"status": "healthy", "checks": {}}')

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.requests.append(("POST", self.path, dict(self.headers), body))
        self._reply(200, "text/event-stream", self.chat_body)

    def _reply(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def fake_api() -> Iterator[str]:
    _FakeApi.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _smoke(url: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "PHARMABOT_API_KEY": "test-key"}
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / "smoke-test.sh"), url], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl not installed")
def test_smoke_test_checks_health_and_a_streamed_chat(fake_api: str) -> None:
    done = _smoke(fake_api)
    assert done.returncode == 0, done.stderr
    (_, health, _, _), (_, chat, headers, body) = _FakeApi.requests
    assert (health, chat) == ("/health", "/api/chat")
    assert headers["X-API-Key"] == "test-key"
    sent = json.loads(body)
    assert set(sent) == {"message", "session_id"}
    assert 3 <= len(sent["message"]) <= 500


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl not installed")
def test_smoke_test_fails_when_the_stream_does_not_finish(fake_api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_FakeApi, "chat_body", b'event: token\ndata: {"delta": "Ibu"}\n\n')
    done = _smoke(fake_api)
    assert done.returncode != 0
    assert "[DONE]" in done.stderr


# --- scripts/ingest.sh, run for real against the local search stand-in ---


@pytest.fixture
def script_env(tmp_path: Path) -> dict[str, str]:
    """PATH with a `make` that does nothing (the venv is installed already) and no azd; the app's settings cleared."""
    if not (ROOT / ".venv" / "bin" / "python").exists():
        pytest.skip("needs the project's .venv (make install-dev)")
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "make").write_text("#!/bin/sh\nexit 0\n")
    (tools / "make").chmod(0o755)
    path = os.pathsep.join(
        [str(tools), *(p for p in os.environ["PATH"].split(os.pathsep) if not (Path(p) / "azd").exists())]
    )
    return {"PATH": path, "HOME": str(tmp_path), "PHARMABOT_INDEX_PATH": str(tmp_path / "index.sqlite")}


def _ingest_script(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / "ingest.sh"), *args], env=env, capture_output=True, text=True, timeout=300
    )


def test_ingest_script_uploads_then_a_rerun_sends_nothing(script_env: dict[str, str], tmp_path: Path) -> None:
    from tests.support.labels import raw_records_for, write_jsonl
    from tests.support.search_server import SEARCH_KEY, search_server

    corpus = write_jsonl(tmp_path / "labels.jsonl", raw_records_for(["warfarin"]))
    with search_server() as (url, state):
        env = {**script_env, "AZURE_SEARCH_ENDPOINT": url, "AZURE_SEARCH_KEY": SEARCH_KEY}
        done = _ingest_script(["--text-only", str(corpus)], env)
        assert done.returncode == 0, done.stderr
        assert "label text uploaded" in done.stderr
        count = len(state.docs["pharmabot-labels"])
        assert count > 0
        uploads = len(state.calls("search.index"))
        again = _ingest_script(["--text-only", str(corpus)], env)
        assert again.returncode == 0, again.stderr
        assert f"unchanged {count}, uploaded 0" in again.stdout
        assert len(state.calls("search.index")) == uploads


@pytest.mark.parametrize(
    ("extra", "code", "said"),
    [
        ({"PHARMABOT_INGEST": "skip"}, 0, "not filling the search index"),
        ({"PHARMABOT_SKIP_INGEST": "1"}, 0, "not filling the search index"),
        ({"PHARMABOT_INGEST": "sometimes"}, 1, "PHARMABOT_INGEST must be text, full or skip"),
    ],
)
def test_ingest_script_hook_modes(script_env: dict[str, str], extra: dict[str, str], code: int, said: str) -> None:
    done = _ingest_script(["--hook"], {**script_env, **extra})
    assert done.returncode == code
    assert said in done.stderr


def test_ingest_script_tries_again_then_says_how_to_continue(script_env: dict[str, str], tmp_path: Path) -> None:
    from tests.support.labels import raw_records_for, write_jsonl
    from tests.support.search_server import search_server

    corpus = write_jsonl(tmp_path / "labels.jsonl", raw_records_for(["warfarin"]))
    with search_server() as (url, _):
        env = {
            **script_env,
            "AZURE_SEARCH_ENDPOINT": url,
            "AZURE_SEARCH_KEY": "a-key-the-service-refuses",
            "PHARMABOT_INGEST_ATTEMPTS": "2",
            "PHARMABOT_INGEST_PAUSE_SECONDS": "0",
        }
        done = _ingest_script(["--text-only", str(corpus)], env)
    assert done.returncode != 0
    assert "try 2 of 2" in done.stderr
    assert "rerun scripts/ingest.sh to continue where it stopped" in done.stderr
    assert "Traceback" not in done.stderr
