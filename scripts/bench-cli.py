#!/usr/bin/env python3
"""Benchmark (not a test) of the staff tool: `validate` and `import` on the
bundled data scaled 1x, 10x and 100x. Prints wall time and peak memory (max RSS
of the child process, from wait4) per run, the median of 3, and how each grows
against the data; writes bench/results/cli.json.

Scaling: each indicator is copied N times (ids suffixed -xK) with all its
observations and district targets, so the data stays valid and grows N-fold.
Run: make bench-cli   (builds the release binary first)
"""
import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target/release/plan-data"
SCALES = [1, 10, 100]
RUNS = 3


def scaled(folder: Path, n: int) -> None:
    plan = json.loads((ROOT / "public/data/plan.json").read_text(encoding="utf-8"))
    progress = json.loads((ROOT / "public/data/progress.json").read_text(encoding="utf-8"))
    base_ind = list(plan["indicators"])
    base_obs = list(progress["observations"])
    base_targets = list(progress["district_targets"])
    base_ms = list(progress["milestones"])
    for k in range(1, n):
        suffix = f"-x{k}"
        for ind in base_ind:
            c = copy.deepcopy(ind)
            c["id"] += suffix
            plan["indicators"].append(c)
        for area in plan["goal_areas"]:
            area["indicators"] += [i + suffix for i in area["indicators"] if "-x" not in i]
        for o in base_obs:
            c = dict(o)
            c["indicator"] += suffix
            progress["observations"].append(c)
        for t in base_targets:
            c = dict(t)
            c["indicator"] += suffix
            progress["district_targets"].append(c)
        for m in base_ms:
            c = dict(m)
            c["indicator"] += suffix
            progress["milestones"].append(c)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.json").write_text(json.dumps(plan, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "progress.json").write_text(json.dumps(progress, ensure_ascii=False, indent=2), encoding="utf-8")


def measure(args, cwd):
    """Wall seconds and peak RSS (MiB) of one run of the CLI."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN), *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"plan-data {' '.join(args)} failed: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    subprocess.run(["cargo", "build", "--release", "--locked", "-q", "-p", "plan-cli"], cwd=ROOT, check=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in SCALES:
            folder = Path(tmp) / f"x{n}"
            scaled(folder, n)
            observations = len(json.loads((folder / "progress.json").read_text())["observations"])
            size = (folder / "progress.json").stat().st_size
            v = [measure(["validate", str(folder)], folder) for _ in range(RUNS)]
            # Import: export the scaled data, empty the observations, import them back.
            subprocess.run([str(BIN), "export", "--dir", str(folder), "-o", str(folder / "csv")], check=True, stdout=subprocess.DEVNULL)
            full = (folder / "progress.json").read_text()
            imports = []
            for _ in range(RUNS):
                doc = json.loads(full)
                doc["observations"] = []
                (folder / "progress.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2))
                imports.append(measure(["import", str(folder / "csv/progress.csv"), "--dir", str(folder)], folder))
            results.append({
                "scale": n, "observations": observations, "progress_bytes": size,
                "validate_s": statistics.median(t for t, _ in v), "validate_peak_mib": max(m for _, m in v),
                "import_s": statistics.median(t for t, _ in imports), "import_peak_mib": max(m for _, m in imports),
            })
    print(f"{'scale':>5} {'observations':>12} {'progress.json':>14} {'validate s':>11} {'peak MiB':>9} {'import s':>9} {'peak MiB':>9}")
    for r in results:
        print(f"{r['scale']:>4}x {r['observations']:>12} {r['progress_bytes']:>14,} {r['validate_s']:>11.3f} {r['validate_peak_mib']:>9.1f} {r['import_s']:>9.3f} {r['import_peak_mib']:>9.1f}")
    first, last = results[0], results[-1]
    growth = last["observations"] / first["observations"]
    print(f"growth 1x -> {SCALES[-1]}x: data x{growth:.0f}, validate time x{last['validate_s'] / first['validate_s']:.1f}, "
          f"import time x{last['import_s'] / first['import_s']:.1f} (linear would be x{growth:.0f} or less, process start-up dominating at 1x)")
    out = ROOT / "bench/results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "cli.json").write_text(json.dumps({"runs": RUNS, "results": results}, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT) / 'cli.json'}")


if __name__ == "__main__":
    # `bench-cli.py scaled N FOLDER`: only write the data scaled N-fold (the
    # browser benchmark, examples/bench_site, serves it).
    if len(sys.argv) == 4 and sys.argv[1] == "scaled":
        scaled(Path(sys.argv[3]), int(sys.argv[2]))
    else:
        main()
