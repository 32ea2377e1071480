"""The pipeline: data dir -> validate -> compute -> render -> {page uri: content}.

Usable without MkDocs: `python -m builder pages --out DIR` writes the same
pages the MkDocs plugin hands to MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from .analysis import SiteModel, analyse
from .problems import DataError
from .validate import load_and_validate


def build_model(data_dir: Path) -> SiteModel:
    """Load, validate and compute; raise DataError if the data has errors."""
    dataset, problems = load_and_validate(data_dir)
    errors = [p for p in problems if p.severity == "galat"]
    if errors:
        raise DataError(problems)
    return analyse(dataset)


def build_pages(data_dir: Path, repo_url: str | None = None) -> dict[str, str | bytes]:
    """Every generated page and file of the site: {uri: Markdown text or bytes}."""
    from .history import data_history
    from .render import render_site

    model = build_model(data_dir)
    return render_site(model, repo_url, data_history(data_dir))


def write_pages(pages: dict[str, str | bytes], out: Path) -> None:
    """Write pages to a folder (for any Markdown site engine), replacing it only when complete."""
    import shutil
    import tempfile

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    try:
        for uri, content in pages.items():
            path = staging / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
