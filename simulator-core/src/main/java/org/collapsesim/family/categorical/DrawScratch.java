package org.collapsesim.family.categorical;

import org.collapsesim.random.MultinomialSampler.TailPoints;

/**
 * The exact sampler's working storage for one draw of counts: the live categories, suffix sums, the
 * sorted tail's points for each group of live categories. Nothing in it outlives a draw (every
 * entry read is written first in the same draw), so the cell keeps a pool of them, one per draw in
 * progress, reused by every generation and chain instead of allocated per chain (at V = 1e6 that
 * was 20 MB a chain for the garbage collector to copy).
 */
final class DrawScratch {

  final int[] live;
  final double[] suffix;
  private TailPoints[] points = new TailPoints[0];

  DrawScratch(int categories) {
    live = new int[categories];
    suffix = new double[categories];
  }

  /** The tail points of groups 0..groups-1, created here (not inside parallel blocks). */
  TailPoints[] points(int groups) {
    if (points.length < groups) {
      TailPoints[] grown = java.util.Arrays.copyOf(points, groups);
      for (int g = points.length; g < groups; g++) {
        grown[g] = new TailPoints();
      }
      points = grown;
    }
    return points;
  }
}
