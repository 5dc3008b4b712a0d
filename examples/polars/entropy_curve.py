#!/usr/bin/env python3
"""Not run here (no polars on the project's machines): the report's entropy curve from
DIR/summary.arrow with polars, drawn with matplotlib.

    pip install polars matplotlib
    python3 entropy_curve.py results/quickstart [METRIC]
"""
import sys

import matplotlib.pyplot as plt
import polars as pl

directory = sys.argv[1]
metric = sys.argv[2] if len(sys.argv) > 2 else "entropy"
summary = pl.read_ipc(f"{directory}/summary.arrow", memory_map=False)
fig, ax = plt.subplots(figsize=(8, 5))
for (cell_id,), rows in summary.sort("generation").group_by(["cell_id"], maintain_order=True):
    label = f"model_size={rows['model_size'][0]}, alpha={rows['alpha_schedule'][0]}"
    ax.fill_between(rows["generation"], rows[f"{metric}_q05"], rows[f"{metric}_q95"], alpha=0.15)
    ax.plot(rows["generation"], rows[f"{metric}_mean"], label=label)
ax.set_xlabel("generation")
ax.set_ylabel(metric)
ax.legend(fontsize=7)
fig.savefig(f"{directory}/examples-polars-curve-{metric}.png")
