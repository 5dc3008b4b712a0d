#!/usr/bin/env python3
"""The report's phase diagram (figures/phase-METRIC.vl.json): the mean of METRIC at the horizon per
cell, as a table of model_size x alpha, from DIR/cells.csv with pandas.

    python3 phase_diagram.py results/quickstart [METRIC]

The sweep must write CSV copies (output.formats: [arrow, parquet, csv]). Prints the table as CSV
(rows alpha, columns model_size) and, where matplotlib is installed, draws
DIR/examples/pandas-phase-METRIC.png.
"""
import os
import sys

import pandas as pd


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: phase_diagram.py DIR [METRIC]")
    directory = argv[1]
    metric = argv[2] if len(argv) > 2 else "entropy"
    cells = pd.read_csv(os.path.join(directory, "cells.csv"))
    table = cells.pivot_table(
        index="alpha", columns="model_size", values=f"final_{metric}_mean", aggfunc="first"
    )
    table.to_csv(sys.stdout)
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no picture, the table only", file=sys.stderr)
        return
    fig, ax = plt.subplots(figsize=(7, 4.5))
    image = ax.imshow(table.values, origin="lower", cmap="viridis", aspect="auto")
    ax.set_xticks(range(len(table.columns)), [str(c) for c in table.columns])
    ax.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    ax.set_xlabel("model_size")
    ax.set_ylabel("alpha")
    fig.colorbar(image, label=f"{metric} at the horizon")
    os.makedirs(os.path.join(directory, "examples"), exist_ok=True)
    fig.savefig(os.path.join(directory, "examples", f"pandas-phase-{metric}.png"))


if __name__ == "__main__":
    main(sys.argv)
