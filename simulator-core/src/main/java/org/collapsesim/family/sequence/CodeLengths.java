package org.collapsesim.family.sequence;

import org.collapsesim.math.DetMath;

/**
 * The code lengths (bits) of the program anchor's minimum-description-length comparison: the
 * Krichevsky-Trofimov (KT) mixture codes (Krichevsky and Trofimov, IEEE Trans. Inf. Theory 27(2),
 * 1981), i.e. the Bayesian mixture under the Jeffreys prior Dirichlet(1/2, ..., 1/2), and the
 * log-sum that gives an output the prior mass of all the blocks that tile it. Everything goes
 * through {@link DetMath} (bit-deterministic on every CPU and JIT tier).
 */
final class CodeLengths {

  private static final double LN2 = 0.6931471805599453;
  private static final double LN_PI = 1.1447298858494002;

  private CodeLengths() {}

  /**
   * The data code of n symbols with k mismatches against a program's output, over an alphabet of
   * {@code alphabet} symbols: the binary KT code of the mismatch pattern, minus one bit because the
   * noise rate is confined to the admissible half r &lt;= (|A| - 1)/|A| (binary: r &lt;= 1/2), plus
   * log2(|A| - 1) bits for which other symbol each mismatch shows:
   *
   * <pre>
   *   -log2[ Gamma(k + 1/2) Gamma(n - k + 1/2) / (pi Gamma(n + 1)) ] - 1 + k log2(|A| - 1).
   * </pre>
   */
  static double dataBits(long n, long k, int alphabet) {
    double lnP =
        DetMath.lgamma(k + 0.5) + DetMath.lgamma(n - k + 0.5) - LN_PI - DetMath.lgamma(n + 1.0);
    double which = alphabet == 2 ? 0 : k * DetMath.log(alphabet - 1.0) / LN2;
    return -lnP / LN2 - 1 + which;
  }

  /**
   * The multinomial KT code of one position's symbol counts c_a (sum M) over |A| symbols:
   *
   * <pre>
   *   -log2[ Gamma(|A|/2) prod_a Gamma(c_a + 1/2) / (Gamma(1/2)^|A| Gamma(M + |A|/2)) ]
   * </pre>
   *
   * (binary: -log2[Gamma(c_0 + 1/2) Gamma(c_1 + 1/2) / (pi Gamma(M + 1))]).
   *
   * @param counts the counts, column j at {@code counts[offset .. offset + alphabet)}
   */
  static double positionBits(long[] counts, int offset, int alphabet) {
    double half = alphabet / 2.0;
    long m = 0;
    double lnP = DetMath.lgamma(half) - alphabet * 0.5 * LN_PI; // Gamma(1/2) = sqrt(pi)
    for (int a = 0; a < alphabet; a++) {
      long c = counts[offset + a];
      m += c;
      lnP += DetMath.lgamma(c + 0.5);
    }
    lnP -= DetMath.lgamma(m + half);
    return -lnP / LN2;
  }

  /**
   * -log2 of the sum of 2^-bits[i] over the given codes, summed in the order given (a fixed order
   * keeps the result bit-identical): the code of an output that several blocks tile.
   */
  static double combinedBits(double[] bits, int from, int to) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = from; i < to; i++) {
      min = Math.min(min, bits[i]);
    }
    double mass = 0;
    for (int i = from; i < to; i++) {
      mass += DetMath.exp(-(bits[i] - min) * LN2);
    }
    return min - DetMath.log(mass) / LN2;
  }

  /** ceil(log2(x)) for x &gt;= 1, in integers. */
  static int ceilLog2(int x) {
    return 32 - Integer.numberOfLeadingZeros(x - 1);
  }
}
