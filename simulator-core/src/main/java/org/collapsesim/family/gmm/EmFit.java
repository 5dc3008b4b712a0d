package org.collapsesim.family.gmm;

import org.collapsesim.random.RandomStream;

/**
 * Maximum likelihood for a K-component Gaussian mixture by expectation-maximization (Dempster,
 * Laird and Rubin 1977), deterministic given the FIT stream of the chain and generation.
 *
 * <p>Initialization: K centres by k-means++ seeding (Arthur and Vassilvitskii 2007): the first a
 * uniformly drawn point, each next one drawn with probability proportional to its squared distance
 * to the nearest centre chosen so far, or uniformly when every point sits on a centre (fewer
 * distinct points than K). One draw per centre. The components start at the centres with equal
 * weights and the pooled covariance of all points (plus the floor).
 *
 * <p>Iteration: E-step (responsibilities by log-sum-exp), M-step, until the mean log-likelihood per
 * point changes by at most {@code tolerance} or after {@code maxIterations} M-steps (at least one).
 *
 * <p>Degenerate components (documented rule): {@code minVariance} is added to the diagonal of every
 * fitted covariance, like scikit-learn's {@code reg_covar}, so each eigenvalue is at least the
 * floor and no variance collapses to zero (all points identical, a component on one point). A
 * component whose responsibilities all underflow to zero (it lost every point) keeps its previous
 * mean and covariance and gets weight 0; a later E-step may revive it. Hence never NaN: samples = 1
 * or K larger than the number of distinct points give duplicated components at the same points.
 */
final class EmFit {

  private EmFit() {}

  /**
   * Fits {@code into} (k x d) to the points; {@code into} is overwritten. With per-point {@code
   * weights} (null: every point weighs 1) the log-likelihood, the pooled starting covariance and
   * the M-step weigh point i by weights[i] (weighted maximum likelihood); a weight of exactly 1
   * leaves every number as the unweighted fit's.
   */
  static void fit(
      PointSet points,
      double[] weights,
      Mixture into,
      RandomStream rng,
      double tolerance,
      int maxIterations,
      double minVariance) {
    int n = points.size;
    int k = into.k;
    int d = into.d;
    if (n == 0) {
      throw new IllegalArgumentException("gmm: no points to fit");
    }
    double[] x = points.x;
    double[] omega = weights;
    if (omega == null) {
      omega = new double[n];
      java.util.Arrays.fill(omega, 1.0);
    }
    double weightTotal = 0;
    for (int i = 0; i < n; i++) {
      weightTotal += omega[i];
    }
    seed(points, into, rng);
    // pooled covariance as every component's starting covariance
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        mean[a] += omega[i] * x[i * d + a];
      }
    }
    for (int a = 0; a < d; a++) {
      mean[a] /= weightTotal;
    }
    int dd = d * d;
    double[] pooled = new double[dd];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        double ea = x[i * d + a] - mean[a];
        for (int b = 0; b <= a; b++) {
          pooled[a * d + b] += omega[i] * (ea * (x[i * d + b] - mean[b]));
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        double v = pooled[a * d + b] / weightTotal + (a == b ? minVariance : 0.0);
        pooled[a * d + b] = v;
        pooled[b * d + a] = v;
      }
    }
    for (int c = 0; c < k; c++) {
      into.weights[c] = 1.0 / k;
      System.arraycopy(pooled, 0, into.covs, c * dd, dd);
    }
    into.factor(minVariance);

    double[] resp = new double[n * k];
    double[] lp = new double[k];
    double[] y = new double[d];
    double[] nk = new double[k];
    double previous = Double.NEGATIVE_INFINITY;
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      // E-step
      double ll = 0.0;
      for (int i = 0; i < n; i++) {
        double li = into.componentLogDensities(x, i * d, lp, y);
        ll += omega[i] * li;
        for (int c = 0; c < k; c++) {
          resp[i * k + c] =
              lp[c] == Double.NEGATIVE_INFINITY
                  ? 0.0
                  : omega[i] * org.collapsesim.math.DetMath.exp(lp[c] - li);
        }
      }
      ll /= weightTotal;
      // M-step on the weighted responsibilities omega_i r_ic
      mStep(x, n, resp, nk, into, minVariance);
      if (Math.abs(ll - previous) <= tolerance) {
        break;
      }
      previous = ll;
    }
  }

  private static void mStep(
      double[] x, int n, double[] resp, double[] nk, Mixture m, double minVariance) {
    int k = m.k;
    int d = m.d;
    int dd = d * d;
    java.util.Arrays.fill(nk, 0.0);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        nk[c] += resp[i * k + c];
      }
    }
    double total = 0.0;
    for (int c = 0; c < k; c++) {
      total += nk[c];
    }
    for (int c = 0; c < k; c++) {
      double w = nk[c];
      if (!(w > 0.0)) {
        m.weights[c] = 0.0; // lost every point: previous mean and covariance kept
        continue;
      }
      m.weights[c] = w / total;
      int mb = c * d;
      for (int a = 0; a < d; a++) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
          s += resp[i * k + c] * x[i * d + a];
        }
        m.means[mb + a] = s / w;
      }
      int cb = c * dd;
      for (int a = 0; a < d; a++) {
        for (int b = 0; b <= a; b++) {
          double s = 0.0;
          double ma = m.means[mb + a];
          double mbv = m.means[mb + b];
          for (int i = 0; i < n; i++) {
            s += resp[i * k + c] * ((x[i * d + a] - ma) * (x[i * d + b] - mbv));
          }
          double v = s / w + (a == b ? minVariance : 0.0);
          m.covs[cb + a * d + b] = v;
          m.covs[cb + b * d + a] = v;
        }
      }
    }
    m.factor(minVariance);
  }

  /** k-means++ seeding: the means of {@code m} become K of the points. */
  static void seed(PointSet points, Mixture m, RandomStream rng) {
    int n = points.size;
    int d = m.d;
    double[] x = points.x;
    double[] dist = new double[n];
    int first = rng.nextInt(n);
    System.arraycopy(x, first * d, m.means, 0, d);
    for (int i = 0; i < n; i++) {
      dist[i] = squaredDistance(x, i * d, m.means, 0, d);
    }
    for (int c = 1; c < m.k; c++) {
      double total = 0.0;
      for (int i = 0; i < n; i++) {
        total += dist[i];
      }
      int chosen;
      if (total > 0.0) {
        double u = rng.nextDouble() * total;
        chosen = -1;
        double cum = 0.0;
        int lastPositive = 0;
        for (int i = 0; i < n; i++) {
          if (dist[i] > 0.0) {
            lastPositive = i;
            cum += dist[i];
            if (u < cum) {
              chosen = i;
              break;
            }
          }
        }
        if (chosen < 0) {
          chosen = lastPositive; // rounding at the top end
        }
      } else {
        chosen = rng.nextInt(n);
      }
      System.arraycopy(x, chosen * d, m.means, c * d, d);
      for (int i = 0; i < n; i++) {
        double s = squaredDistance(x, i * d, m.means, c * d, d);
        if (s < dist[i]) {
          dist[i] = s;
        }
      }
    }
  }

  private static double squaredDistance(double[] a, int ao, double[] b, int bo, int d) {
    double s = 0.0;
    for (int j = 0; j < d; j++) {
      double e = a[ao + j] - b[bo + j];
      s += e * e;
    }
    return s;
  }
}
