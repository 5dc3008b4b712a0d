#!/usr/bin/env python3
"""Not run here (no pyarrow on the project's machines): the report's phase diagram from
DIR/cells.arrow read with pyarrow's Feather reader, pivoted with pandas.

    pip install pyarrow pandas
    python3 phase_diagram.py results/quickstart [METRIC]
"""
import sys

import pyarrow.feather as feather

directory = sys.argv[1]
metric = sys.argv[2] if len(sys.argv) > 2 else "entropy"
cells = feather.read_table(f"{directory}/cells.arrow").to_pandas()
print(cells.pivot_table(index="alpha", columns="model_size", values=f"final_{metric}_mean"))
