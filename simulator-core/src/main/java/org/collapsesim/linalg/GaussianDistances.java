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
   * A Gaussian N(mean, cov) prepared once for several of this class's closed forms: its Cholesky
   * factor (d &gt; 1; null in one dimension) and ln det cov as they compute it (d = 1: ln cov; else
   * 2 sum ln L_ii), so a caller that needs the KL and the entropy of one model, or compares many
   * models to one truth, factors and takes logarithms once. Not regular (logDet NaN) when cov is
   * singular: its Cholesky factorization fails (d = 1: cov &lt;= 0 or NaN).
   */
  public record Prepared(
      double[] mean, double[] cov, int d, double[] lower, double logDet, boolean regular) {

    /** Factors {@code cov} (allocating the d x d factor when d &gt; 1). */
    public static Prepared of(double[] mean, double[] cov, int d) {
      if (d == 1) {
        boolean regular = cov[0] > 0.0;
        return new Prepared(
            mean, cov, 1, null, regular ? DetMath.log(cov[0]) : Double.NaN, regular);
      }
      double[] lower = new double[d * d];
      boolean regular = Cholesky.decompose(cov, d, lower);
      return new Prepared(
          mean, cov, d, lower, regular ? Cholesky.logDet(lower, d) : Double.NaN, regular);
    }
  }

  /**
   * KL(N(m1, s1) || N(m2, s2)) in nats. A covariance is treated as singular when its Cholesky
   * factorization fails (not numerically positive definite). Cases: s1 singular, s2 not: +Infinity
   * (ln det s1 = -Infinity); s2 singular, s1 not: +Infinity (N1 has mass where N2 has none); both
   * singular: 0 when the two Gaussians are given by identical numbers, else +Infinity (their
   * supports generically differ; the finite case of nested supports is not resolved). Round-off
   * that would make the result slightly negative is clamped to 0, since KL &gt;= 0.
   */
  public static double kl(double[] m1, double[] s1, double[] m2, double[] s2, int d) {
    return kl(Prepared.of(m1, s1, d), Prepared.of(m2, s2, d));
  }

  /** KL(N1 || N2) in nats, as {@link #kl(double[], double[], double[], double[], int)}. */
  public static double kl(Prepared n1, Prepared n2) {
    int d = n1.d;
    if (!n1.regular || !n2.regular) {
      return singularKl(n1.mean, n1.cov, n2.mean, n2.cov, d);
    }
    if (d == 1) {
      double v1 = n1.cov[0];
      double v2 = n2.cov[0];
      double dm = n2.mean[0] - n1.mean[0];
      double value = 0.5 * (v1 / v2 + dm * dm / v2 - 1.0 + (n2.logDet - n1.logDet));
      return value > 0.0 ? value : 0.0;
    }
    double[] l1 = n1.lower;
    double[] l2 = n2.lower;
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
      col[i] = n2.mean[i] - n1.mean[i];
    }
    Cholesky.solveLower(l2, d, col, col);
    double mahalanobis = 0.0;
    for (int i = 0; i < d; i++) {
      mahalanobis += col[i] * col[i];
    }
    double value = 0.5 * (trace + mahalanobis - d + (n2.logDet - n1.logDet));
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
    return differentialEntropy(Prepared.of(null, s, d));
  }

  /**
   * The differential entropy of a prepared Gaussian, as {@link #differentialEntropy(double[],
   * int)}.
   */
  public static double differentialEntropy(Prepared n) {
    return n.regular ? 0.5 * (n.d * ONE_PLUS_LN_2PI + n.logDet) : Double.NEGATIVE_INFINITY;
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
