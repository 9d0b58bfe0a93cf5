"""The GitHub Actions workflows keep to least privilege: read-only by default, Pages rights only on the deploy
job, every action pinned by full commit SHA with its version in a comment, never pull_request_target, and
both workflows run the README's test command (which installs from requirements.lock)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^\s*(?:-\s*)?uses:\s*([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # v\d+(?:\.\d+)*\s*$")


def load(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("name", ["check.yml", "deploy.yml"])
def test_least_privilege_and_pinned_actions(name: str) -> None:
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    workflow = load(name)
    assert workflow["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in text
    assert "concurrency" in workflow
    uses = [line for line in text.splitlines() if re.match(r"^\s*(?:-\s*)?uses:", line)]
    assert uses and all(PINNED.match(line) for line in uses), [line for line in uses if not PINNED.match(line)]
    runs = [step.get("run", "") for step in steps(workflow)]
    assert "./dev test" in runs and "./dev build" in runs  # installs requirements.lock, checks, tests, strict build


def test_pull_requests_are_checked_and_previewed() -> None:
    workflow = load("check.yml")
    assert "pull_request" in workflow["on"]
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") for step in steps(workflow))
    assert all("permissions" not in job for job in workflow["jobs"].values())


def test_main_is_deployed_to_pages_with_rights_only_where_needed() -> None:
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages" and deploy["needs"] == "build"
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") for step in build["steps"])
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    built = next(step for step in build["steps"] if step.get("run") == "./dev build")
    assert set(built["env"]) == {"SITE_URL", "REPO_URL"}  # the one setting the site's addresses follow


def test_pull_requests_from_forks_get_no_secrets_and_no_write_rights() -> None:
    """What SECURITY.md promises: the pull-request workflow reads no secret and can write nothing."""
    text = (WORKFLOWS / "check.yml").read_text(encoding="utf-8")
    workflow = load("check.yml")
    assert set(workflow["on"]) == {"pull_request"} and workflow["permissions"] == {"contents": "read"}
    assert "secrets." not in text and "GITHUB_TOKEN" not in text
    checkout = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert "SECURITY.md" in (ROOT / "README.md").read_text(encoding="utf-8")
