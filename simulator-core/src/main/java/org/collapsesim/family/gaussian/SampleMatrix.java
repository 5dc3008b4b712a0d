package org.collapsesim.family.gaussian;

/** A growable batch of d-dimensional samples, row-major: sample i is x[i*d .. i*d + d). */
final class SampleMatrix {

  final int d;
  double[] x;
  int size;

  SampleMatrix(int d, int capacity) {
    this.d = d;
    this.x = new double[Math.max(capacity, 1) * d];
  }

  void ensureCapacity(int extra) {
    long needed = (long) (size + extra) * d;
    if (needed > x.length) {
      x = java.util.Arrays.copyOf(x, (int) Math.max(needed, 2L * x.length));
    }
  }
}
