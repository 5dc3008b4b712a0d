#!/usr/bin/python3
"""The numpy reference loops of benchmarks/compare.sh: the same workloads as collapse_ref.c, written
as a numpy user would (Debian python3-numpy, /usr/bin/python3).

  collapse_ref.py categorical V N GENERATIONS REPLICATES
      Generator.multinomial over the live categories (numpy's conditional binomials: inversion
      up to n min(p, 1 - p) = 30, BTPE above, stopping when nothing remains), refit c / N, then
      entropy, Gini-Simpson, KL(P* || smoothed P_t) (eps = 0.5), KL(P_t || P*), total variation,
      support, tail mass (last 10% of categories), extinct categories and their true (lost) mass.
  collapse_ref.py gaussian M GENERATIONS REPLICATES
      d = 1: Generator.normal (numpy's 256-layer ziggurat) of M samples, refit mean and MLE
      variance, KL(N(0,1) || N(mu, s2)) and KL(N(mu, s2) || N(0,1)).

Prints a checksum of the last generation's metrics.
"""
import sys

import numpy as np


def categorical(v, n, generations, replicates):
    truth = np.arange(1, v + 1, dtype=float) ** -1.1
    truth /= truth.sum()
    log_truth = np.log(truth)
    truth_xlogx = float(truth @ log_truth)
    tail_from = v - max(1, int(np.floor(0.1 * v + 0.5)))
    eps = 0.5
    checksum = 0.0
    for rep in range(replicates):
        rng = np.random.default_rng(0x5EED0000 + rep)
        p = truth.copy()
        live = np.arange(v)
        for _ in range(generations + 1):
            counts = np.zeros(v, dtype=np.int64)
            counts[live] = rng.multinomial(n, p[live] / p[live].sum())
            p = counts / n
            live = np.flatnonzero(counts)
            pl = p[live]
            lp = np.log(pl)
            entropy = -float(pl @ lp)
            gini = 1.0 - float(pl @ pl)
            kl_tm = truth_xlogx - float(truth @ (np.log(counts + eps) - np.log(n + v * eps)))
            kl_mt = float(pl @ (lp - log_truth[live]))
            tv = 0.5 * float(np.abs(p - truth).sum())
            support = live.size
            tail = float(p[tail_from:].sum())
            zero = counts == 0
            extinct = int(zero.sum())
            lost = float(truth[zero].sum())
        checksum += entropy + gini + kl_tm + kl_mt + tv + support + tail + extinct + lost
    return checksum


def gaussian(m, generations, replicates):
    checksum = 0.0
    for rep in range(replicates):
        rng = np.random.default_rng(0x6A550000 + rep)
        mu, s2 = 0.0, 1.0
        for _ in range(generations + 1):
            x = rng.normal(mu, np.sqrt(s2), m)
            mu = float(x.mean())
            s2 = float(x.var())
            kl1 = 0.5 * ((1 + mu * mu) / s2 - 1 + np.log(s2))
            kl2 = 0.5 * (s2 + mu * mu - 1 - np.log(s2))
        checksum += mu + s2 + kl1 + kl2
    return checksum


def main(argv):
    if len(argv) == 6 and argv[1] == "categorical":
        print("checksum %.6g" % categorical(int(argv[2]), int(argv[3]), int(argv[4]), int(argv[5])))
    elif len(argv) == 5 and argv[1] == "gaussian":
        print("checksum %.6g" % gaussian(int(argv[2]), int(argv[3]), int(argv[4])))
    else:
        sys.stderr.write("usage: collapse_ref.py categorical V N GENERATIONS REPLICATES\n"
                         "       collapse_ref.py gaussian M GENERATIONS REPLICATES\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
