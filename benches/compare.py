#!/usr/bin/env python3
"""Side-by-side build benchmark: briefing against Hugo, in one run, alternating.

    python3 benches/compare.py [--sizes 1000,10000,50000] [--runs 5] [--no-build]

For each corpus size it generates the same deterministic corpus for both tools
(../shared/bench/gen_corpus.py; briefing gets `--flavor plain --infer-partners`, so language,
partner, summary and figure analysis all run) and, per run, alternating:

* briefing cold: no cache, no output folder;
* Hugo cold: empty destination (Hugo has no cache worth the name for a one-off build);
* briefing warm: the same build again, nothing changed;
* briefing edit: one article's body changed, then a build.

Each measurement is the child's own resource usage (os.wait4): wall time, CPU time
(user + system) and peak RSS, so the machine's other processes do not count against either
tool. Medians are printed with the raw runs and the ratios the performance issue asks for:
cold wall and CPU against Hugo, RSS against Hugo, edit and warm against briefing's cold.

Hugo is skipped with a message when it is not installed (`apt-get install -y hugo`); the
briefing figures are still printed. Output goes to /dev/shm when it exists (tmpfs: disk noise
out). Timings vary between machines and runs: compare ratios measured in the same run.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_child(argv):
    """Run argv to completion; return (wall s, cpu s, peak RSS MiB, exit status)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1 = built with article errors, still a build
        sys.exit(f"error: `{' '.join(map(str, argv))}` exited with {code}:\n{err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, code


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_runs(xs, unit):
    return " ".join(f"{x:.2f}{unit}" for x in xs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,50000",
                    help="comma-separated corpus sizes (default 1000,10000,50000)")
    ap.add_argument("--runs", type=int, default=5, help="runs per size (default 5)")
    ap.add_argument("--bench-dir", default=str(ROOT.parent / "shared" / "bench"),
                    help="folder holding gen_corpus.py and hugo-site/ (default ../shared/bench)")
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "briefing"))
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build --release")
    args = ap.parse_args()

    bench = Path(args.bench_dir)
    gen = bench / "gen_corpus.py"
    if not gen.exists():
        sys.exit(f"error: no corpus generator at {gen}; pass --bench-dir")
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    binary = Path(args.binary)

    hugo = shutil.which("hugo")
    if hugo is None or not (bench / "hugo-site").is_dir():
        print("note: Hugo is not installed (apt-get install -y hugo) or hugo-site/ is missing: "
              "measuring briefing alone, no ratios against Hugo")
        hugo = None

    shm = Path("/dev/shm")
    out_base = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    summary = []
    for n in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"briefing-compare-{n}-"))
        outs = Path(tempfile.mkdtemp(prefix="briefing-compare-out-", dir=out_base))
        try:
            summary.append(measure(n, args.runs, work, outs, gen, bench, binary, hugo))
        finally:
            shutil.rmtree(work, ignore_errors=True)
            shutil.rmtree(outs, ignore_errors=True)

    print("\nsummary (medians; ratios as the performance issue states its targets)")
    for row in summary:
        print("  " + row)


def measure(n, runs, work, outs, gen, bench, binary, hugo):
    site = work / "site"
    subprocess.run([sys.executable, str(gen), "--n", str(n), "--out", str(site / "content"),
                    "--flavor", "plain", "--infer-partners"], check=True, stdout=subprocess.DEVNULL)
    (site / "site.toml").write_text(
        'title = "Bench"\nbase_url = "https://example.org/"\nhome_country = "kg"\n')
    edited = sorted(site.joinpath("content").rglob("*.md"))[n // 2]
    if hugo:
        shutil.copytree(bench / "hugo-site", work / "hugo")
        cfg = work / "hugo" / "config.toml"
        # Feeds and sitemap on, like briefing.
        cfg.write_text("".join(l for l in cfg.read_text().splitlines(True)
                               if not l.startswith("disableKinds")))
        subprocess.run([sys.executable, str(gen), "--n", str(n), "--out", str(work / "hugo"),
                        "--flavor", "hugo"], check=True, stdout=subprocess.DEVNULL)

    out = outs / "briefing"
    hout = outs / "hugo"
    cache = site / ".briefing-cache"
    build = [str(binary), "build", "-q", "--root", str(site), "--output", str(out)]
    res = {k: [] for k in ("cold", "warm", "edit", "hugo")}
    for i in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        res["cold"].append(run_child(build))
        if hugo:
            shutil.rmtree(hout, ignore_errors=True)
            res["hugo"].append(run_child([hugo, "--quiet", "--source", str(work / "hugo"),
                                          "--destination", str(hout)]))
        res["warm"].append(run_child(build))
        with edited.open("a", encoding="utf-8") as f:
            f.write(f"\nAn added sentence about the talks, run {i}.\n")
        res["edit"].append(run_child(build))

    print(f"\n{n} articles, {runs} runs")
    med = {}
    for kind, rows in res.items():
        if not rows:
            continue
        walls, cpus, rss = [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
        med[kind] = (median(walls), median(cpus), median(rss))
        label = {"cold": "briefing cold", "warm": "briefing warm", "edit": "briefing edit",
                 "hugo": "hugo cold"}[kind]
        print(f"  {label:14} wall {med[kind][0]:7.3f} s  cpu {med[kind][1]:7.3f} s  "
              f"rss {med[kind][2]:7.1f} MiB   (wall runs: {fmt_runs(walls, 's')})")
    c = med["cold"]
    row = (f"{n:>6}: cold {c[0]:.2f} s wall / {c[1]:.2f} s cpu / {c[2]:.0f} MiB; "
           f"edit/cold {med['edit'][0] / c[0]:.3f}; warm/cold {med['warm'][0] / c[0]:.3f}")
    if "hugo" in med:
        h = med["hugo"]
        ratios = (f"  vs Hugo: wall {c[0] / h[0]:.2f}x, cpu {c[1] / h[1]:.2f}x, "
                  f"rss {c[2] / h[2]:.2f}x (Hugo {h[0]:.2f} s / {h[1]:.2f} s / {h[2]:.0f} MiB)")
        print(ratios)
        row += ";" + ratios
    return row


if __name__ == "__main__":
    main()
