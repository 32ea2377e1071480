"""Write requirements.txt with a sha256 hash for every pinned package, so `pip install --require-hashes` refuses
any file that is not the one we tested with.

Usage: python scripts/pin_requirements.py   (after changing a version: edit `name==version` lines, then run this)
Downloads each pinned distribution (no dependencies: the list is complete) for this platform and hashes it.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements.txt"


def pins(text: str) -> list[str]:
    joined = text.replace("\\\n", " ")
    return [line.split()[0] for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main() -> None:
    wanted = pins(REQUIREMENTS.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
                        "--dest", tmp, *wanted], check=True)
        files = list(Path(tmp).iterdir())
        lines = []
        for pin in wanted:
            name, version = pin.split("==")
            found = [f for f in files if normal(f.name).startswith(f"{normal(name)}-{normal(version)}")]
            if len(found) != 1:
                sys.exit(f"{pin}: expected one downloaded file, found {[f.name for f in found]}")
            digest = hashlib.sha256(found[0].read_bytes()).hexdigest()
            lines.append(f"{pin} \\\n    --hash=sha256:{digest}")
    REQUIREMENTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} pins with hashes written to {REQUIREMENTS}")


if __name__ == "__main__":
    main()
