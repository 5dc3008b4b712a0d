package org.collapsesim.family.gaussian;

import java.util.List;
import org.collapsesim.config.CellDraft;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.LoadContext;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.config.SharedMechanism;
import org.collapsesim.config.ValueParser;
import org.collapsesim.config.ValueParsers;
import org.collapsesim.linalg.SymmetricEigen;

/**
 * The gaussian family's parameters (README, Families and metrics): estimator, the sampling-bias
 * decoding, and the truth N(mu*, Sigma*) with {@code truth.mean} (a number broadcast to d, or d
 * numbers) and {@code truth.covariance} (a number sigma^2 for sigma^2 I, d positive numbers for a
 * diagonal, or a d x d symmetric positive definite matrix).
 */
final class GaussianParameters {

  static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.of(
                  "estimator",
                  "mle: covariance over n; unbiased: over n - 1 (needs samples >= 2)",
                  "one of mle, unbiased",
                  ValueParsers.oneOf("mle", "unbiased"))
              .withDefault("mle"),
          ParameterSpec.of(
                  "sampling_bias",
                  "lambda: samples are drawn from N(mu_t, lambda Sigma_t)",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(1.0),
          ParameterSpec.of(
                  "truth.mean",
                  "mu*: a number broadcast to every dimension, or d numbers",
                  "a number or a list of model_size numbers",
                  GaussianParameters::parseMean)
              .withDefault(0.0)
              .asWorld(),
          ParameterSpec.of(
                  "truth.covariance",
                  "Sigma*: a number sigma^2 (sigma^2 I), d positive numbers (diagonal), or a d x d matrix",
                  "a number > 0, a list of model_size numbers > 0, or a model_size x model_size symmetric"
                      + " positive definite matrix",
                  GaussianParameters::parseCovariance)
              .withDefault(1.0)
              .asWorld(),
          SharedMechanism.reservoirMean(),
          SharedMechanism.reservoirScale("s, the reservoir's standard deviation per coordinate"),
          SharedMechanism.verifierRadius(
              "c: a sample is correct when its Mahalanobis distance to the truth's mean, in"
                  + " Sigma*, is at most c"));

  static final List<CellRule> RULES =
      List.of(GaussianParameters::checkUnbiasedSamples, GaussianParameters::checkTruthDimensions);

  private GaussianParameters() {}

  private static Object parseMean(Object raw, String path, List<ConfigProblem> problems) {
    ValueParser finite =
        ValueParsers.numberIn(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    if (raw instanceof List<?> list) {
      if (list.isEmpty()) {
        problems.add(new ConfigProblem(path, "[] is not a number or a non-empty list of numbers"));
        return null;
      }
      return ValueParsers.doubleList(list, path, finite, problems);
    }
    return finite.parse(raw, path, problems);
  }

  private static Object parseCovariance(Object raw, String path, List<ConfigProblem> problems) {
    ValueParser positive = ValueParsers.positiveNumber();
    if (!(raw instanceof List<?> list)) {
      return positive.parse(raw, path, problems);
    }
    if (list.isEmpty()) {
      problems.add(new ConfigProblem(path, "[] is not a number, a diagonal or a matrix"));
      return null;
    }
    if (list.stream().noneMatch(row -> row instanceof List<?>)) {
      List<Double> diagonal = ValueParsers.doubleList(list, path, positive, problems);
      if (diagonal == null) {
        return null;
      }
      double[] values = diagonal.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return wellConditioned(values, raw, path, problems) ? diagonal : null;
    }
    List<List<Double>> rows = ValueParsers.positiveDefiniteMatrix(list, path, problems);
    if (rows == null) {
      return null;
    }
    int n = rows.size();
    double[] flat = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        flat[i * n + j] = rows.get(i).get(j);
      }
    }
    double[] eigenvalues = new double[n];
    SymmetricEigen.eigenvalues(flat, n, eigenvalues);
    return wellConditioned(eigenvalues, raw, path, problems) ? rows : null;
  }

  /**
   * The largest condition number of Sigma* accepted: a fitted covariance whose eigenvalues span
   * more than 1e12 is reported singular (-Infinity log-determinant), so the truth keeps two decades
   * of room below that.
   */
  static final double MAX_CONDITION = 1e10;

  /** Eigenvalues (or variances) ascending: lambda_max / lambda_min <= MAX_CONDITION. */
  private static boolean wellConditioned(
      double[] ascending, Object raw, String path, List<ConfigProblem> problems) {
    double condition = ascending[ascending.length - 1] / ascending[0];
    if (condition <= MAX_CONDITION) {
      return true;
    }
    problems.add(
        new ConfigProblem(
            path,
            ValueParsers.show(raw)
                + " has condition number "
                + condition
                + " (largest / smallest eigenvalue); at most 1e10 is allowed"));
    return false;
  }

  private static void checkUnbiasedSamples(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if ("unbiased".equals(cell.get("estimator"))
        && cell.get("samples") instanceof Long samples
        && samples < 2) {
      problems.add(
          new ConfigProblem(
              cell.origin("estimator"),
              "\"unbiased\" needs samples >= 2, but " + cell.describe("samples")));
    }
  }

  private static void checkTruthDimensions(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!(cell.get("model_size") instanceof Long d)) {
      return;
    }
    for (String key : List.of("truth.mean", "truth.covariance")) {
      if (cell.get(key) instanceof List<?> list && list.size() != d) {
        problems.add(
            new ConfigProblem(
                cell.origin(key),
                ValueParsers.show(list)
                    + " has "
                    + list.size()
                    + (list.get(0) instanceof List<?> ? " rows" : " values")
                    + ", but "
                    + cell.describe("model_size")
                    + " needs "
                    + d));
      }
    }
  }
}
