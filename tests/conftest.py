"""Shared fixtures: a small valid data set in a temp folder, the real data's results, the built site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"
def load_benchmark(name: str):
    """A script of benchmarks/ as a module (the scripts are not a package), registered under its name: dataclasses
    look their module up while a class is made."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"  # Debian's (make test installs it); never a download


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/minimal plus the real reference files (without the Kemendagri list, which
    would warn about the fixture's made-up codes 99.xx)."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL, target)
    shutil.copytree(DATA / "referensi", target / "referensi", ignore=shutil.ignore_patterns("kemendagri"))
    return target


@pytest.fixture(scope="session")
def analysed():
    """(reference, results of every kecamatan) of the real data in data/, computed once per test session."""
    from builder import analyse_data

    return analyse_data(DATA)


@pytest.fixture(scope="session")
def results(analysed):
    return analysed[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site built by MkDocs, once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-3000:]
    (out.parent / "mkdocs-build.log").write_text(result.stderr, encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, once per test session (the browser tests' modules share it)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import CHROMIUM_ARGS

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served over http, once per test session."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import serve

    server, url = serve(site)
    yield url
    server.shutdown()


def draw_every_chart(page) -> int:
    """Bring each chart of the page into view as a reader would (opening the fold that holds it) and wait until it
    is drawn; the number of charts."""
    plots = page.locator(".kc-chart__plot")
    for i in range(plots.count()):  # (not wait_for_function: it evaluates a string, which the page's CSP refuses)
        plot = plots.nth(i)
        if not plot.is_visible():  # a chart in a folded section is drawn once the reader opens it
            plot.locator("xpath=ancestor::details[not(@open)][1]/summary").click()
        plot.scroll_into_view_if_needed()
        page.locator(".kc-chart__plot[data-drawn]").nth(i).wait_for(state="attached", timeout=15000)
    return plots.count()
