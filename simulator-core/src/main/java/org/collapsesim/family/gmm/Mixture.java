package org.collapsesim.family.gmm;

import org.collapsesim.linalg.Cholesky;
import org.collapsesim.math.DetMath;
import org.collapsesim.random.RandomStream;

/**
 * A Gaussian mixture sum_k w_k N(mu_k, Sigma_k) in d dimensions: the truth, or a fitted model of
 * one chain (mutable, reused across generations). Every covariance is kept positive definite (the
 * fit adds its variance floor), so every log-density is finite.
 */
final class Mixture {

  private static final double HALF_LN_2PI = 0.91893853320467274178; // ln(2 pi) / 2

  final int k;
  final int d;
  final double[] weights;
  final double[] means; // k x d
  final double[] covs; // k x d x d
  final double[] lower; // Cholesky factors of covs, k x d x d
  final double[] logNorm; // ln of N's normalizing constant, -d ln(2 pi)/2 - ln det(Sigma_k)/2
  final double[] samplingLower; // Cholesky factors of lambda Sigma_k (models only)
  boolean samplingReady;

  Mixture(int k, int d) {
    this.k = k;
    this.d = d;
    this.weights = new double[k];
    this.means = new double[k * d];
    this.covs = new double[k * d * d];
    this.lower = new double[k * d * d];
    this.logNorm = new double[k];
    this.samplingLower = new double[k * d * d];
  }

  /**
   * Factors every covariance. A covariance that is not numerically positive definite despite the
   * floor (a scale beyond double precision) is replaced by its diagonal plus {@code floor}.
   */
  void factor(double floor) {
    int dd = d * d;
    double[] a = new double[dd];
    double[] l = new double[dd];
    for (int c = 0; c < k; c++) {
      System.arraycopy(covs, c * dd, a, 0, dd);
      if (!Cholesky.decompose(a, d, l)) {
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            a[i * d + j] = i == j ? Math.max(a[i * d + i], 0.0) + floor : 0.0;
          }
        }
        System.arraycopy(a, 0, covs, c * dd, dd);
        if (!Cholesky.decompose(a, d, l)) {
          throw new IllegalStateException("gmm: covariance of component " + c + " is not finite");
        }
      }
      System.arraycopy(l, 0, lower, c * dd, dd);
      logNorm[c] = -d * HALF_LN_2PI - 0.5 * Cholesky.logDet(l, d);
    }
    samplingReady = false;
  }

  /**
   * ln w_c + ln N(x; mu_c, Sigma_c) for every component into {@code out} (-Infinity for a zero
   * weight); returns the log-density of the mixture at x (log-sum-exp). {@code y} is scratch of
   * length d.
   */
  double componentLogDensities(double[] x, int offset, double[] out, double[] y) {
    int dd = d * d;
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      if (!(weights[c] > 0.0)) {
        out[c] = Double.NEGATIVE_INFINITY;
        continue;
      }
      // forward substitution L y = x - mu
      int base = c * dd;
      double q = 0.0;
      for (int i = 0; i < d; i++) {
        double s = x[offset + i] - means[c * d + i];
        int row = base + i * d;
        for (int j = 0; j < i; j++) {
          s -= lower[row + j] * y[j];
        }
        double yi = s / lower[row + i];
        y[i] = yi;
        q += yi * yi;
      }
      double lp = DetMath.log(weights[c]) + logNorm[c] - 0.5 * q;
      out[c] = lp;
      if (lp > max) {
        max = lp;
      }
    }
    double s = 0.0;
    for (int c = 0; c < k; c++) {
      if (out[c] != Double.NEGATIVE_INFINITY) {
        s += DetMath.exp(out[c] - max);
      }
    }
    return max + DetMath.log(s);
  }

  /** ln p(x). */
  double logDensity(double[] x, int offset, double[] scratchK, double[] scratchD) {
    return componentLogDensities(x, offset, scratchK, scratchD);
  }

  /**
   * The trace of the mixture's covariance: sum_k w_k (tr Sigma_k + ||mu_k||^2) - ||sum_k w_k
   * mu_k||^2.
   */
  double totalTrace() {
    double second = 0.0;
    double[] mean = new double[d];
    for (int c = 0; c < k; c++) {
      double w = weights[c];
      double t = 0.0;
      for (int i = 0; i < d; i++) {
        double m = means[c * d + i];
        t += covs[c * d * d + i * d + i] + m * m;
        mean[i] += w * m;
      }
      second += w * t;
    }
    double sq = 0.0;
    for (int i = 0; i < d; i++) {
      sq += mean[i] * mean[i];
    }
    return Math.max(second - sq, 0.0);
  }

  /** Prepares the factors of lambda Sigma_k: sqrt(lambda) L_k. */
  void prepareSampling(double lambda) {
    double root = Math.sqrt(lambda);
    for (int i = 0; i < samplingLower.length; i++) {
      samplingLower[i] = root * lower[i];
    }
    samplingReady = true;
  }

  /**
   * Appends n draws: the component by one uniform against the cumulative weights (first component
   * whose cumulative weight exceeds it; the last positive-weight one on rounding), then mu_c + F_c
   * z with d standard normals z. {@code factors} is {@link #lower} or {@link #samplingLower}.
   */
  void draw(double[] factors, RandomStream rng, int n, PointSet out) {
    out.ensureCapacity(n);
    double total = 0.0;
    int last = 0;
    for (int c = 0; c < k; c++) {
      total += weights[c];
      if (weights[c] > 0.0) {
        last = c;
      }
    }
    double[] z = new double[d];
    double[] x = out.x;
    int dd = d * d;
    for (int s = 0; s < n; s++) {
      double u = rng.nextDouble() * total;
      int c = last;
      double cum = 0.0;
      for (int j = 0; j < k; j++) {
        cum += weights[j];
        if (u < cum) {
          c = j;
          break;
        }
      }
      for (int j = 0; j < d; j++) {
        z[j] = rng.nextGaussian();
      }
      int row = out.size * d;
      for (int a = 0; a < d; a++) {
        double v = means[c * d + a];
        int f = c * dd + a * d;
        for (int b = 0; b <= a; b++) {
          v += factors[f + b] * z[b];
        }
        x[row + a] = v;
      }
      out.size++;
    }
  }
}
