"""The expansion bombs of issue #24, timed: wall time and peak memory of the command each one targets.

Usage: python benchmarks/bombs.py

- aliases: a year file of a few KB whose aliases expand to 810.000 budget lines (`validate`, and `migrate`, which
  every history version goes through; refused at its first alias without expanding anything);
- largest accepted file: about 2 MB (load.MAX_BYTES) of budget lines within every limit (`validate`: what a file may cost at most);
- history bomb: a 1 MB compressible blob named 300 times in one commit (`diff`; refused from the listing's sizes
  before any content is read), and 40 times (under the total limit: every file read, streamed to disk);
- the same history bomb through the Riwayat page (`pages --out`, history on).

Each case runs in a fresh process on a copy of tests/fixtures/minimal (in a temporary git repository for the
history cases); peak memory is that process's maximum resident set size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
KEC = "wilayah/contoh/kec-contoh"
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "bom", "GIT_AUTHOR_EMAIL": "bom@contoh.id", "GIT_COMMITTER_NAME": "bom",
           "GIT_COMMITTER_EMAIL": "bom@contoh.id", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def data_copy(folder: Path) -> Path:
    data = folder / "data"
    shutil.copytree(MINIMAL, data)
    shutil.copytree(ROOT / "data" / "referensi", data / "referensi", ignore=shutil.ignore_patterns("kemendagri"))
    return data


def measure(label: str, args: list[str], cwd: Path) -> None:
    """Run `python -m builder ARGS` in its own process (through a small parent that reports its child's peak)."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "print(r.returncode, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
             "print((r.stderr or r.stdout).strip().splitlines()[0][:150] if (r.stderr or r.stdout).strip() else '')")
    result = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "builder", *args], cwd=cwd,
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    first, message = (result.stdout.splitlines() + ["", ""])[:2]
    code, seconds, peak_kb = first.split()
    print(f"{label:<58} exit {code}  {float(seconds):7.2f} s  {int(peak_kb) / 1024:8.1f} MB")
    print(f"{'':<58} {message}")


def alias_bomb(data: Path) -> int:
    """90 programmes × 90 kegiatan × 100 sub kegiatan, each named once: 810.000 budget lines."""
    text = (MINIMAL / KEC / "2023.yaml").read_text(encoding="utf-8")
    head = text[:text.index("anggaran:")]
    sub = '{kode: "7.01.01.2.01.0001", nama: Sub, pagu: 1, realisasi: 1}'
    bomb = (head + "anggaran:\n  sumber: {tabel: Tabel 3.9}\n  x-s: &s " + sub + "\n"
            + "  x-k: &k {kode: \"7.01.01.2.01\", nama: K, pagu: 100, realisasi: 100, sub_kegiatan: ["
            + ", ".join(["*s"] * 100) + "]}\n"
            + "  x-p: &p {kode: \"7.01.01\", nama: P, pagu: 9000, realisasi: 9000, kegiatan: ["
            + ", ".join(["*k"] * 90) + "]}\n"
            + "  program: [" + ", ".join(["*p"] * 90) + "]\n")
    (data / KEC / "2023.yaml").write_text(bomb, encoding="utf-8")
    return len(bomb.encode("utf-8"))


def largest_file(data: Path) -> int:
    """About 5 MB of budget lines, every list within MAX_ITEMS and every text within MAX_TEXT."""
    text = (MINIMAL / KEC / "2023.yaml").read_text(encoding="utf-8")
    head = text[:text.index("anggaran:")]
    kegiatan = "".join(f'        - {{kode: "7.01.01.2.{i:02d}", nama: Kegiatan {i}, pagu: 1, realisasi: 1}}\n'
                       for i in range(1, 521))
    programs = "".join(f'    - kode: "7.01.{p:02d}"\n      nama: Program {p}\n      pagu: 520\n      realisasi: 520\n'
                       f"      kegiatan:\n{kegiatan}" for p in range(1, 51))
    big = head + "anggaran:\n  sumber: {tabel: Tabel 3.9}\n  program:\n" + programs
    (data / KEC / "2023.yaml").write_text(big, encoding="utf-8")
    return len(big.encode("utf-8"))


def git(repo: Path, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, input=stdin,
                          env=GIT_ENV).stdout


def history_bomb(folder: Path, copies: int) -> Path:
    """A repository whose last commit names one 1 MB blob `copies` times (and whose next commit would remove it)."""
    repo = folder / f"repo-{copies}"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(MINIMAL, repo / "data")
    shutil.copytree(ROOT / "data" / "referensi", repo / "data" / "referensi", ignore=shutil.ignore_patterns("kemendagri"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "awal")
    blob = git(repo, "hash-object", "-w", "--stdin", stdin="catatan: \"" + "x" * 1_000_000 + "\"\n").strip()
    # Year files of many kecamatan folders: each is read and parsed, as a real one would be.
    git(repo, "update-index", "--index-info",
        stdin="".join(f"100644 {blob}\tdata/wilayah/contoh/k{i}/2023.yaml\n" for i in range(copies)))
    git(repo, "commit", "-q", "-m", "bom")
    return repo


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bom-") as tmp:
        tmp = Path(tmp)
        data = data_copy(tmp / "alias")
        size = alias_bomb(data)
        measure(f"aliases: {size / 1024:.1f} KB -> 810.000 budget lines", ["--data", str(data), "validate"], ROOT)
        text = (data / KEC / "2023.yaml").read_text(encoding="utf-8")
        (data / KEC / "2023.yaml").write_text(text.replace("versi_format: 7\n", ""), encoding="utf-8")
        measure("aliases, in a file of an older format: migrate --periksa", ["--data", str(data), "migrate", "--periksa"],
                ROOT)
        data = data_copy(tmp / "besar")
        size = largest_file(data)
        measure(f"largest accepted file: {size / 1e6:.1f} MB, 26.000 budget lines", ["--data", str(data), "validate"],
                ROOT)
        for copies in (300, 40):
            repo = history_bomb(tmp, copies)
            packed = sum(p.stat().st_size for p in (repo / ".git" / "objects").rglob("*") if p.is_file())
            measure(f"history: 1 MB blob x {copies} ({packed / 1024:.0f} KB of git objects), diff",
                    ["--data", "data", "diff", "HEAD~1", "HEAD"], repo)
        measure("history: 1 MB blob x 300, Riwayat page (pages --out)",
                ["--data", "data", "pages", "--out", str(tmp / "halaman")], tmp / "repo-300")


if __name__ == "__main__":
    main()
