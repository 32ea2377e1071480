"""The GitHub workflows keep their security and reproducibility properties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_there_is_a_pull_request_and_a_publish_workflow():
    triggers = {path.name: set(load(path)["on"]) for path in WORKFLOWS}
    assert any("pull_request" in t for t in triggers.values())
    assert any("push" in t for t in triggers.values())


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_pinned_actions(path: Path):
    workflow = load(path)
    assert "pull_request_target" not in workflow["on"]
    assert workflow["permissions"] == {}, "default permissions must be none; jobs ask for what they need"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job {name} must set its own permissions"
        if "pull_request" in workflow["on"]:
            assert set(job["permissions"].values()) <= {"read", "none"}, f"job {name} writes on a pull request"
    for step in steps(workflow):
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"{step['uses']} is not pinned to a full commit SHA"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
        # Untrusted event fields never go straight into a shell script.
        assert "${{ github.event" not in step.get("run", "") and "${{ github.head_ref" not in step.get("run", "")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_pip_downloads_are_cached_and_python_packages_pinned(path: Path):
    caches = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/cache@")]
    assert caches and ".cache/pip" in caches[0]["with"]["path"]
    assert "requirements.txt" in caches[0]["with"]["key"]
    entries = (ROOT / "requirements.txt").read_text().replace("\\\n", " ").splitlines()
    for entry in entries:
        if not entry.strip() or entry.lstrip().startswith("#"):
            continue
        pin, *options = entry.split()
        assert re.match(r"^[A-Za-z0-9_.\[\]-]+==[\w.]+$", pin), f"requirements.txt: {pin} is not pinned"
        assert any(o.startswith("--hash=sha256:") for o in options), f"requirements.txt: {pin} has no hash"
    assert "--require-hashes" in (ROOT / "Makefile").read_text()


def test_pull_request_workflow_checks_tests_builds_and_reports():
    workflow = next(load(p) for p in WORKFLOWS if "pull_request" in load(p)["on"])
    scripts = "\n".join(s.get("run", "") for s in steps(workflow))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = re.search(r"^(make test)\b", readme, flags=re.M).group(1)
    assert test_command in scripts
    assert "python -m builder validate" in scripts and "python -m builder diff" in scripts
    assert "make build" in scripts and "--strict" in (ROOT / "Makefile").read_text()
    assert scripts.count("$GITHUB_STEP_SUMMARY") >= 2
    uploads = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "build/site"


def test_publish_workflow_deploys_pages_from_main_only():
    workflow = next(load(p) for p in WORKFLOWS if "push" in load(p)["on"])
    assert workflow["on"]["push"]["branches"] == ["main"]
    deploy = [job for job in workflow["jobs"].values()
              if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job.get("steps", []))]
    assert deploy and deploy[0]["permissions"] == {"pages": "write", "id-token": "write"}
    builders = [job for job in workflow["jobs"].values() if job is not deploy[0]]
    assert all(job["permissions"] == {"contents": "read"} for job in builders)
