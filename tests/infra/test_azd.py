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
        script = hook["posix"]["run"].removeprefix("bash ")
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
