package org.collapsesim.family.linreg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.collapsesim.loop.ChainRunner;
import org.collapsesim.loop.TheoryAssert;
import org.collapsesim.random.StreamKeys;
import org.collapsesim.random.StreamPurpose;
import org.junit.jupiter.api.Test;

/**
 * Linreg with exogenous rows, against the exact conditional law of docs/families.md ("Linear
 * regression with exogenous rows"): given the chain's design X (A = X^T X), with q = P(row i is
 * synthetic) and r = P(rows i and j are both synthetic), the error covariance C_t = E[(w_t -
 * w*)(w_t - w*)^T | X] obeys C_0 = sigma^2 A^-1 and
 *
 * <pre>
 *   C_t = r C_{t-1} + (q - r) A^-1 (sum_i (x_i^T C_{t-1} x_i) x_i x_i^T) A^-1 + sigma^2 A^-1,
 * </pre>
 *
 * so E[test_error_t | X] = tr C_t. Each replicate's design is rebuilt from its chain seed, and the
 * mean over R = 400 replicates of test_error_t - tr C_t(X) must be 0 within z = 4 standard errors
 * (each comparison fails by chance with probability about 6.3e-5, the class (12 comparisons) about
 * 8e-4). Anchoring the same rows every generation (rows 0..k-1) has another conditional law and
 * fails these comparisons. Ridge (alpha 0) is checked the same way against its own conditional law.
 */
class LinregConditionalLawTest {

  private static final double Z = 4.0;
  private static final int ROWS = 30;
  private static final int D = 5;
  private static final double ALPHA = 0.2;
  private static final int GENERATIONS = 12;
  private static final long SEED = 77;

  @Test
  void countMixingFollowsTheRandomRowSubsetLaw() {
    int k = (int) Math.floor(ALPHA * ROWS + 0.5);
    double q = (ROWS - k) / (double) ROWS;
    double r = q * (ROWS - k - 1.0) / (ROWS - 1.0);
    assertMatchesConditionalLaw("count", q, r);
  }

  @Test
  void perSampleMixingFollowsTheIndependentCoinLaw() {
    double q = 1 - ALPHA;
    assertMatchesConditionalLaw("per-sample", q, q * q);
  }

  private static void assertMatchesConditionalLaw(String mixing, double q, double r) {
    assertChainsFollow(
        "alpha: " + ALPHA + ", mixing: " + mixing,
        "test_error",
        design -> conditionalTestError(design, 1.0, q, r, GENERATIONS));
  }

  /**
   * Ridge without exogenous rows: with G = (A + lambda I)^-1 and K = G A, w_t = K w_{t-1} + G X^T
   * e_t, so E[w_t | X] = K^{t+1} w* and Cov_t = K Cov_{t-1} K^T + sigma^2 G A G (Cov_{-1} = 0);
   * E[test_error_t | X] = ||K^{t+1} w* - w*||^2 + tr Cov_t and E[w_norm_sq_t | X] = ||K^{t+1}
   * w*||^2 + tr Cov_t. The shrinkage pulls w_t towards 0, so test_error tends to ||w*||^2.
   */
  @Test
  void ridgeFollowsItsShrinkageLaw() {
    double lambda = 8.0;
    double[] wStar = LinregFamily.trueWeights(SEED, D, 1.0);
    for (String metric : new String[] {"test_error", "w_norm_sq"}) {
      assertChainsFollow(
          "ridge: " + lambda,
          metric,
          design -> ridgeLaw(design, wStar, lambda, metric.equals("test_error"), GENERATIONS));
    }
  }

  /**
   * Runs R = 400 chains of the cell and checks, at generations 0, 3 and 12, that the mean over
   * replicates of metric - law(design of the replicate) is 0 within Z standard errors.
   */
  private static void assertChainsFollow(
      String params, String metric, java.util.function.Function<Design, double[]> law) {
    ChainRunner runner =
        ChainRunner.run(
            String.join(
                "\n",
                "name: linreg-law",
                "seed: " + SEED,
                "replicates: 400",
                "generations: " + GENERATIONS,
                "family: linreg",
                "params: {model_size: " + D + ", samples: " + ROWS + ", " + params + "}",
                "output: {dir: unused}",
                ""));
    int replicates = runner.chains().size();
    double[][] expected = new double[replicates][];
    for (int rep = 0; rep < replicates; rep++) {
      long chainSeed = runner.cell().chainSeed(rep);
      Design design = Design.draw(StreamKeys.open(chainSeed, 0, StreamPurpose.EXOGENOUS), ROWS, D);
      expected[rep] = law.apply(design);
    }
    for (int t : new int[] {0, 3, GENERATIONS}) {
      double[] seen = runner.metric(metric, t);
      double[] residual = new double[replicates];
      for (int rep = 0; rep < replicates; rep++) {
        residual[rep] = seen[rep] - expected[rep][t];
      }
      TheoryAssert.assertMeanNear(
          params + ": " + metric + " minus its conditional mean, t=" + t, 0.0, residual, Z);
    }
  }

  /** E[test_error_t | X] (or E[w_norm_sq_t | X]) of ridge at alpha 0, t = 0..generations. */
  static double[] ridgeLaw(
      Design design, double[] wStar, double lambda, boolean error, int generations) {
    int d = design.d;
    double[][] a = gram(design);
    double[][] shifted = scale(a, 1.0);
    for (int p = 0; p < d; p++) {
      shifted[p][p] += lambda;
    }
    double[][] g = invert(shifted);
    double[][] k = multiply(g, a);
    double[][] step = multiply(multiply(g, a), g); // sigma = 1
    double[] mean = wStar.clone();
    double[][] cov = new double[d][d];
    double[] out = new double[generations + 1];
    for (int t = 0; t <= generations; t++) {
      double[] next = new double[d];
      for (int p = 0; p < d; p++) {
        for (int s = 0; s < d; s++) {
          next[p] += k[p][s] * mean[s];
        }
      }
      mean = next;
      double[][] spread = multiply(multiply(k, cov), transpose(k));
      for (int p = 0; p < d; p++) {
        for (int s = 0; s < d; s++) {
          spread[p][s] += step[p][s];
        }
      }
      cov = spread;
      double bias = 0;
      for (int p = 0; p < d; p++) {
        double b = error ? mean[p] - wStar[p] : mean[p];
        bias += b * b;
      }
      out[t] = bias + trace(cov);
    }
    return out;
  }

  private static double[][] gram(Design design) {
    int d = design.d;
    double[][] a = new double[d][d];
    for (int i = 0; i < design.rows; i++) {
      for (int p = 0; p < d; p++) {
        for (int s = 0; s < d; s++) {
          a[p][s] += design.x[i * d + p] * design.x[i * d + s];
        }
      }
    }
    return a;
  }

  private static double[][] transpose(double[][] m) {
    double[][] out = new double[m.length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        out[i][j] = m[j][i];
      }
    }
    return out;
  }

  /** tr C_t for t = 0..generations, by the recursion above (plain loops, no project linalg). */
  static double[] conditionalTestError(
      Design design, double noise, double q, double r, int generations) {
    int d = design.d;
    double[][] ainv = invert(gram(design));
    double[][] c = scale(ainv, noise * noise);
    double[] out = new double[generations + 1];
    out[0] = trace(c);
    for (int t = 1; t <= generations; t++) {
      double[][] diag = new double[d][d]; // sum_i (x_i^T C x_i) x_i x_i^T
      for (int i = 0; i < design.rows; i++) {
        double quad = 0;
        for (int p = 0; p < d; p++) {
          for (int s = 0; s < d; s++) {
            quad += design.x[i * d + p] * c[p][s] * design.x[i * d + s];
          }
        }
        for (int p = 0; p < d; p++) {
          for (int s = 0; s < d; s++) {
            diag[p][s] += quad * design.x[i * d + p] * design.x[i * d + s];
          }
        }
      }
      double[][] spread = multiply(multiply(ainv, diag), ainv);
      double[][] next = new double[d][d];
      for (int p = 0; p < d; p++) {
        for (int s = 0; s < d; s++) {
          next[p][s] = r * c[p][s] + (q - r) * spread[p][s] + noise * noise * ainv[p][s];
        }
      }
      c = next;
      out[t] = trace(c);
    }
    return out;
  }

  /** Without exogenous rows (q = r = 1) the law is the linear growth n sigma^2 tr A^-1. */
  @Test
  void conditionalLawReducesToLinearGrowthWithoutAnchoring() {
    Design design = Design.draw(new org.collapsesim.random.RandomStream(3), ROWS, D);
    double[] law = conditionalTestError(design, 2.0, 1.0, 1.0, 5);
    for (int t = 0; t <= 5; t++) {
      assertEquals((t + 1) * law[0], law[t], 1e-12 * law[t]);
    }
  }

  /** Gauss-Jordan inverse of a symmetric positive definite matrix (no pivoting needed). */
  private static double[][] invert(double[][] m) {
    int d = m.length;
    double[][] w = new double[d][2 * d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(m[i], 0, w[i], 0, d);
      w[i][d + i] = 1;
    }
    for (int col = 0; col < d; col++) {
      double pivot = w[col][col];
      for (int j = 0; j < 2 * d; j++) {
        w[col][j] /= pivot;
      }
      for (int i = 0; i < d; i++) {
        if (i != col) {
          double f = w[i][col];
          for (int j = 0; j < 2 * d; j++) {
            w[i][j] -= f * w[col][j];
          }
        }
      }
    }
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(w[i], d, out[i], 0, d);
    }
    return out;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int d = a.length;
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          out[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return out;
  }

  private static double[][] scale(double[][] a, double f) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
      for (int j = 0; j < a.length; j++) {
        out[i][j] *= f;
      }
    }
    return out;
  }

  private static double trace(double[][] a) {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      t += a[i][i];
    }
    return t;
  }
}
