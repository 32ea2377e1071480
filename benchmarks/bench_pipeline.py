"""Benchmark: load + validate + compute (incl. audit), and the whole page build, on synthetic data.

Usage: python benchmarks/bench_pipeline.py [--kecamatan 1000] [--years 5] [--runs 3] [--seed 0]
Prints the size of the data set and the time of each stage (best of --runs). The data set is
`builder.synth` (the same as `python -m builder synth`): real Kemendagri regions, the real reports as templates.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builder import run  # noqa: E402
from builder.analysis import iter_results, reference_of  # noqa: E402
from builder.audit import audit_kecamatan  # noqa: E402
from builder.synth import generate  # noqa: E402
from builder.validate import load_and_validate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kecamatan", type=int, default=1000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    gc.set_threshold(100_000, 50, 1000)  # as `python -m builder` does (builder/__main__.py, tune_gc)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        data = generate(Path(tmp), args.kecamatan, args.years, args.seed)
        generated = time.perf_counter() - t
        files = list(data.rglob("*.yaml"))
        size = sum(f.stat().st_size for f in files)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"data set: {args.kecamatan} kecamatan x {args.years} years, {len(files)} files, {size / 1e6:.1f} MB "
              f"(generated in {generated:.2f} s)")
        best = {}
        for _ in range(args.runs):
            t0 = time.perf_counter()
            dataset, problems = load_and_validate(data)
            t1 = time.perf_counter()
            errors = [p for p in problems if p.severity == "galat"]
            if errors:
                sys.exit(f"synthetic data invalid: {errors[0]}")
            reference = reference_of(dataset.referensi)
            findings = 0
            for kec in iter_results(dataset, reference):  # one kecamatan at a time, as the site does
                findings += sum(len(f) for f in audit_kecamatan(kec).values())
            t2 = time.perf_counter()
            pages = run(data)  # the whole pipeline again, with the site: every page and download
            t3 = time.perf_counter()
            for name, value in (("load+validate", t1 - t0), ("compute+audit", t2 - t1), ("total", t2 - t0),
                                ("run (pages)", t3 - t2)):
                best[name] = min(best.get(name, value), value)
        print(f"audit findings: {findings}, warnings: {len(problems)}, pages: {len(pages)}")
        print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        for name, value in best.items():
            print(f"{name:>14}: {value:6.2f} s (best of {args.runs})")


if __name__ == "__main__":
    main()
