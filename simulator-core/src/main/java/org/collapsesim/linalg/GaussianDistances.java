package org.collapsesim.linalg;

import org.collapsesim.math.DetMath;

/**
 * Closed forms between multivariate Gaussians N(m, S) in d dimensions, covariances row-major {@code
 * double[]} of d x d:
 *
 * <ul>
 *   <li>Kullback-Leibler divergence KL(N1 || N2) = 1/2 [tr(S2^-1 S1) + (m2 - m1)^T S2^-1 (m2 - m1)
 *       - d + ln det S2 - ln det S1], through Cholesky factors: tr(S2^-1 S1) = ||L2^-1 L1||_F^2;
 *   <li>squared 2-Wasserstein distance W2^2 = ||m1 - m2||^2 + tr S1 + tr S2 - 2 tr((S2^1/2 S1
 *       S2^1/2)^1/2) (Dowson and Landau 1982; Givens and Shortt 1984), the last trace as the sum of
 *       square roots of the eigenvalues by {@link SymmetricEigen};
 *   <li>differential entropy h(N(m, S)) = 1/2 [d (1 + ln 2 pi) + ln det S].
 * </ul>
 *
 * <p>Logarithms use {@link DetMath#log}, never {@link Math#log}: results are bit-deterministic
 * (README, Random streams and determinism). d = 1 takes a scalar path. Covariances must be
 * symmetric positive semi-definite; that is not re-checked. Each call allocates O(d^2) scratch.
 */
public final class GaussianDistances {

  /** 1 + ln(2 pi). */
  private static final double ONE_PLUS_LN_2PI = 2.8378770664093454836;

  private GaussianDistances() {}

  /**
   * KL(N(m1, s1) || N(m2, s2)) in nats. A covariance is treated as singular when its Cholesky
   * factorization fails (not numerically positive definite). Cases: s1 singular, s2 not: +Infinity
   * (ln det s1 = -Infinity); s2 singular, s1 not: +Infinity (N1 has mass where N2 has none); both
   * singular: 0 when the two Gaussians are given by identical numbers, else +Infinity (their
   * supports generically differ; the finite case of nested supports is not resolved). Round-off
   * that would make the result slightly negative is clamped to 0, since KL &gt;= 0.
   */
  public static double kl(double[] m1, double[] s1, double[] m2, double[] s2, int d) {
    if (d == 1) {
      double v1 = s1[0];
      double v2 = s2[0];
      if (!(v1 > 0.0) || !(v2 > 0.0)) {
        return singularKl(m1, s1, m2, s2, 1);
      }
      double dm = m2[0] - m1[0];
      double value = 0.5 * (v1 / v2 + dm * dm / v2 - 1.0 + (DetMath.log(v2) - DetMath.log(v1)));
      return value > 0.0 ? value : 0.0;
    }
    double[] l1 = new double[d * d];
    double[] l2 = new double[d * d];
    if (!Cholesky.decompose(s1, d, l1) || !Cholesky.decompose(s2, d, l2)) {
      return singularKl(m1, s1, m2, s2, d);
    }
    // tr(S2^-1 S1) = ||L2^-1 L1||_F^2, column by column of L1
    double[] col = new double[d];
    double trace = 0.0;
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < d; i++) {
        col[i] = l1[i * d + j];
      }
      Cholesky.solveLower(l2, d, col, col);
      for (int i = 0; i < d; i++) {
        trace += col[i] * col[i];
      }
    }
    for (int i = 0; i < d; i++) {
      col[i] = m2[i] - m1[i];
    }
    Cholesky.solveLower(l2, d, col, col);
    double mahalanobis = 0.0;
    for (int i = 0; i < d; i++) {
      mahalanobis += col[i] * col[i];
    }
    double logDetRatio = Cholesky.logDet(l2, d) - Cholesky.logDet(l1, d);
    double value = 0.5 * (trace + mahalanobis - d + logDetRatio);
    return value > 0.0 ? value : 0.0;
  }

  private static double singularKl(double[] m1, double[] s1, double[] m2, double[] s2, int d) {
    double[] probe = new double[d * d];
    boolean s2Singular = d == 1 ? !(s2[0] > 0.0) : !Cholesky.decompose(s2, d, probe);
    boolean s1Singular = d == 1 ? !(s1[0] > 0.0) : !Cholesky.decompose(s1, d, probe);
    if (s1Singular && s2Singular && sameNumbers(m1, m2, d) && sameNumbers(s1, s2, d * d)) {
      return 0.0;
    }
    return Double.POSITIVE_INFINITY;
  }

  private static boolean sameNumbers(double[] a, double[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * W2^2(N(m1, s1), N(m2, s2)). Negative eigenvalues of S2^1/2 S1 S2^1/2 from round-off are clamped
   * to 0 (see {@link SymmetricEigen#sqrtm}), and a result that round-off makes negative (identical
   * inputs) is clamped to 0, since W2^2 &gt;= 0. In one dimension: (m1 - m2)^2 + (sqrt(s1) -
   * sqrt(s2))^2.
   */
  public static double w2Squared(double[] m1, double[] s1, double[] m2, double[] s2, int d) {
    if (d == 1) {
      double dm = m1[0] - m2[0];
      double ds = Math.sqrt(s1[0]) - Math.sqrt(s2[0]);
      return dm * dm + ds * ds;
    }
    double meanTerm = 0.0;
    for (int i = 0; i < d; i++) {
      double dm = m1[i] - m2[i];
      meanTerm += dm * dm;
    }
    double[] root2 = new double[d * d];
    SymmetricEigen.sqrtm(s2, d, root2);
    // M = S2^1/2 S1 S2^1/2, symmetrized so the eigen solver sees an exactly symmetric matrix
    double[] tmp = new double[d * d];
    multiply(root2, s1, d, tmp);
    double[] m = new double[d * d];
    multiply(tmp, root2, d, m);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        double avg = 0.5 * (m[i * d + j] + m[j * d + i]);
        m[i * d + j] = avg;
        m[j * d + i] = avg;
      }
    }
    double[] lambda = new double[d];
    SymmetricEigen.eigenvalues(m, d, lambda);
    double crossTrace = 0.0;
    for (int i = 0; i < d; i++) {
      crossTrace += lambda[i] > 0.0 ? Math.sqrt(lambda[i]) : 0.0;
    }
    double value =
        meanTerm + SymmetricEigen.trace(s1, d) + SymmetricEigen.trace(s2, d) - 2.0 * crossTrace;
    return value > 0.0 ? value : 0.0;
  }

  /**
   * Differential entropy of N(m, s) in nats, 1/2 [d (1 + ln 2 pi) + ln det s]; -Infinity when s is
   * singular (its Cholesky factorization fails: the distribution has no density).
   */
  public static double differentialEntropy(double[] s, int d) {
    double logDet;
    if (d == 1) {
      if (!(s[0] > 0.0)) {
        return Double.NEGATIVE_INFINITY;
      }
      logDet = DetMath.log(s[0]);
    } else {
      double[] l = new double[d * d];
      if (!Cholesky.decompose(s, d, l)) {
        return Double.NEGATIVE_INFINITY;
      }
      logDet = Cholesky.logDet(l, d);
    }
    return 0.5 * (d * ONE_PLUS_LN_2PI + logDet);
  }

  /** out = a b for d x d row-major matrices; out must alias neither. */
  private static void multiply(double[] a, double[] b, int d, double[] out) {
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double t = 0.0;
        for (int k = 0; k < d; k++) {
          t += a[i * d + k] * b[k * d + j];
        }
        out[i * d + j] = t;
      }
    }
  }
}
