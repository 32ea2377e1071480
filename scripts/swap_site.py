"""Put a freshly built site in place in one atomic step: the old site is served until the instant it is replaced.

Usage: python scripts/swap_site.py NEW_DIR LINK
NEW_DIR moves to LINK's releases folder and LINK (a symlink) is renamed over in one rename(2), so a reader never
sees a missing or half-written site. Releases older than the previous one are removed.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path


def swap(new: Path, link: Path, keep: int = 2) -> Path:
    releases = link.parent / (link.name + "-releases")
    releases.mkdir(parents=True, exist_ok=True)
    release = releases / time.strftime("%Y%m%d-%H%M%S") if not (releases / time.strftime("%Y%m%d-%H%M%S")).exists() \
        else releases / f"{time.strftime('%Y%m%d-%H%M%S')}-{time.perf_counter_ns()}"
    new.rename(release)
    if link.exists() and not link.is_symlink():  # a site from before releases existed: keep it as one
        link.rename(releases / "00000000-000000-earlier")
    temporary = link.with_name(link.name + ".swap")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(os.path.relpath(release, link.parent))
    os.replace(temporary, link)  # atomic: LINK points at the old site or the new one, never at nothing
    for old in sorted(p for p in releases.iterdir() if p != release)[:-(keep - 1) or None]:
        shutil.rmtree(old, ignore_errors=True)
    return release


if __name__ == "__main__":
    print(swap(Path(sys.argv[1]), Path(sys.argv[2])))
