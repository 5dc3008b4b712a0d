package org.collapsesim.math;

/**
 * Sorting of category indices by probability without boxing: a stable bottom-up merge sort on int[]
 * that skips a merge whose two runs are already in order (a truth or model listed by rank, such as
 * a Zipf law, then costs one comparison a run per pass).
 */
public final class IndexSort {

  private IndexSort() {}

  /** Indices 0..n-1 ordered by {@code values} descending, ties by index ascending. */
  public static int[] byDescending(double[] values) {
    return byDescending(values, 0, values.length);
  }

  /** Offsets 0..len-1 of {@code values[from .. from+len)} by value descending, ties by offset. */
  public static int[] byDescending(double[] values, int from, int len) {
    int n = len;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        if (!(values[from + a[mid]] > values[from + a[mid - 1]])) {
          continue; // the right run's largest is not above the left's smallest: already merged
        }
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          // stable: take from the left run unless the right value is strictly larger
          tmp[k++] = values[from + a[j]] > values[from + a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
          tmp[k++] = a[i++];
        }
        while (j < hi) {
          tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
      }
    }
    return a;
  }
}
