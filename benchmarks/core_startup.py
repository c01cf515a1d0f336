"""How long the core takes to start: ``import core``, ``core.load()`` and a first ``check()``.

    python benchmarks/core_startup.py [--runs N] [--against OTHER_CHECKOUT] [--json]

Each run is a fresh Python process (the interpreter running this script) that imports the core,
loads it and checks one message, timing each step with ``time.perf_counter``. Every variant runs
from its own temporary copy of ``core/`` and ``resources/``, so nothing in the checkout is
touched:

- ``files``: the resources as shipped, read from the TOML and text files;
- ``snapshot``: the same, plus a snapshot made by ``python -m core snapshot`` in the copy's
  ``resources/`` (only for a checkout that has the command).

``--against`` adds the variants of a second checkout (e.g. of the main branch), for a
before/after comparison on the same machine at the same time. One warm-up run per variant
(which also writes the bytecode caches), then ``--runs`` rounds, each running every variant once
in turn, so that whatever else the machine is doing falls on all of them alike. Medians are
reported, with the 25th and 75th percentiles.

What the times include: ``import core`` counts the standard-library modules the core imports
that the interpreter had not already loaded at start-up; ``load`` includes importing
phonenumbers and the warm-up check ``load()`` runs; ``first check`` is one more message after
that.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("import", "load", "first_check", "total")

# Written for this benchmark; the number is made up.
CHILD = r"""
import json, os, time
t0 = time.perf_counter()
import core
t1 = time.perf_counter()
assert core.__file__.startswith(os.getcwd()), core.__file__  # this copy, not an installed one
core.load()
t2 = time.perf_counter()
verdict = core.check("お客様の口座が凍結されました。本日中に 050-7788-1234 へお電話いただくか "
                     "https://example-bank.top/login で手続きしてください。")
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "first_check": t3 - t2, "total": t3 - t0,
                  "level": verdict.level.value}))
"""


def prepare(checkout: Path, label: str, base: Path) -> dict[str, Path]:
    """Copies of the checkout's core and resources to run from: without and with a snapshot."""
    variants = {}
    for kind in ("files", "snapshot"):
        if kind == "snapshot" and not (checkout / "core" / "snapshot.py").exists():
            continue
        where = base / f"{label}-{kind}"
        for package in ("core", "resources"):
            shutil.copytree(checkout / package, where / package,
                            ignore=shutil.ignore_patterns("__pycache__", "core.snapshot"))
        if kind == "snapshot":
            subprocess.run([sys.executable, "-m", "core", "snapshot", "resources/core.snapshot"],
                           cwd=where, check=True, stdout=subprocess.DEVNULL)
        variants[f"{label} {kind}"] = where
    return variants


def run_once(where: Path) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    proc = subprocess.run([sys.executable, "-c", CHILD], cwd=where, env=env, capture_output=True,
                          text=True, timeout=120)
    if proc.returncode != 0:
        raise SystemExit(f"run in {where} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    q1, _median, q3 = statistics.quantiles(ordered, n=4) if len(ordered) > 1 else ordered * 3
    return {"median_ms": statistics.median(ordered) * 1000, "p25_ms": q1 * 1000, "p75_ms": q3 * 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--against", type=Path, help="another checkout to time alongside this one")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="core-startup-") as tmp:
        variants = prepare(ROOT, "this", Path(tmp))
        if args.against:
            variants |= prepare(args.against.resolve(), "other", Path(tmp))
        levels = {name: run_once(where)["level"] for name, where in variants.items()}  # warm-up
        if len(set(levels.values())) != 1:
            raise SystemExit(f"the variants disagree on the sample's level: {levels}")
        times: dict[str, dict[str, list[float]]] = {name: {s: [] for s in STEPS} for name in variants}
        for _ in range(args.runs):
            for name, where in variants.items():
                result = run_once(where)
                for step in STEPS:
                    times[name][step].append(result[step])

    report = {name: {step: summary(values) for step, values in steps.items()}
              for name, steps in times.items()}
    if args.json:
        print(json.dumps({"runs": args.runs, "python": sys.version.split()[0], "variants": report},
                         indent=2))
        return 0
    print(f"{args.runs} fresh processes per variant, interleaved; median ms [p25-p75]")
    print(f"{'variant':<16}" + "".join(f"{step:>24}" for step in STEPS))
    for name, steps in report.items():
        cells = "".join(
            f"{s['median_ms']:>10.1f} [{s['p25_ms']:5.1f}-{s['p75_ms']:5.1f}]" for s in steps.values()
        )
        print(f"{name:<16}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
