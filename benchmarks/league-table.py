#!/usr/bin/env python3
"""The league table of an anchoring benchmark, as Markdown, from a sweep's CSV tables.

Usage: benchmarks/league-table.py DIR   (DIR holds summary.csv, cells.csv and contrasts.csv of a
sweep with a variants axis and compare_to, e.g. configs/anchoring-benchmark.yaml)

Per cell: the entropy floor (the lowest replicate-mean entropy over the recorded generations), the
mean entropy at the horizon beside the truth's own, H(P*) (summary's entropy_truth), the mean
KL(P* || model) at the horizon, the fraction of chains collapsed by the horizon, the mean real
samples a chain consumed, and the paired difference against the baseline at the horizon (cell minus
baseline, same replicates = same worlds) of the entropy and the KL, with their standard errors.
"""
import csv
import sys
from collections import defaultdict


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def num(text):
    return float(text) if text not in ("", None) else None


def fmt(x, digits=3):
    return "n/a" if x is None else f"{x:.{digits}g}"


def main(directory):
    summary = read(f"{directory}/summary.csv")
    cells = read(f"{directory}/cells.csv")
    contrasts = read(f"{directory}/contrasts.csv")
    horizon = max(int(r["generation"]) for r in summary)
    floor = defaultdict(lambda: float("inf"))
    truth = {r["cell_id"]: num(r.get("entropy_truth")) for r in summary}
    for r in summary:
        e = num(r["entropy_mean"])
        if e is not None:
            floor[r["cell_id"]] = min(floor[r["cell_id"]], e)
    paired = {r["cell_id"]: r for r in contrasts if int(r["generation"]) == horizon}
    print(
        "| V | variant | entropy floor | entropy at G (H(P*)) | KL(P*‖model) at G"
        " | collapsed by G | real samples"
        " | Δ entropy vs baseline ± se (unpaired se) | Δ KL vs baseline ± se (unpaired se) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for c in sorted(cells, key=lambda r: (int(r["model_size"]), 0)):
        p = paired.get(c["cell_id"])

        def diff(metric):
            if p is None:
                return "baseline"
            return (
                f"{fmt(num(p[metric + '_diff_mean']))} ± {fmt(num(p[metric + '_diff_se']), 2)}"
                f" ({fmt(num(p[metric + '_unpaired_se']), 2)})"
            )

        print(
            f"| {c['model_size']} | {c['variant']} | {fmt(floor[c['cell_id']])}"
            f" | {fmt(num(c['final_entropy_mean']))} ({fmt(truth.get(c['cell_id']))})"
            f" | {fmt(num(c['final_kl_true_model_mean']))}"
            f" | {fmt(num(c['fraction_collapsed']), 2)}"
            f" | {fmt(num(c['real_samples_mean']), 4)}"
            f" | {diff('entropy')} | {diff('kl_true_model')} |"
        )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
