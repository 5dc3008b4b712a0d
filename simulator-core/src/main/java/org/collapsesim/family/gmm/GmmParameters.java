package org.collapsesim.family.gmm;

import java.util.ArrayList;
import java.util.List;
import org.collapsesim.config.CellDraft;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.LoadContext;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.config.SharedMechanism;
import org.collapsesim.config.ValueParser;
import org.collapsesim.config.ValueParsers;

/**
 * The gmm family's parameters (README, Families and metrics): a K-component Gaussian mixture
 * ({@code model_size} = K) in {@code dimension} d, fitted by EM ({@code em_tolerance}, {@code
 * em_max_iterations}, the variance floor {@code min_variance}), sampled with {@code sampling_bias}
 * scaling every component's covariance, with a Monte Carlo KL of {@code mc_samples} draws. The
 * truth (K* components) is given by {@code truth.weights}, {@code truth.means}, {@code
 * truth.variances} or {@code truth.covariances}; by default the two-component mixture of Shumailov
 * et al. (Nature 2024): weights [0.5, 0.5], means [-3, 3], unit variances.
 */
final class GmmParameters {

  private static final ValueParser FINITE =
      ValueParsers.numberIn(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

  static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.of(
                  "dimension",
                  "d, the dimension of the mixture's space",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .withDefault(1L)
              .asWorld(),
          ParameterSpec.of(
                  "sampling_bias",
                  "lambda: samples are drawn from sum_k w_k N(mu_k, lambda Sigma_k)",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(1.0),
          ParameterSpec.of(
                  "em_tolerance",
                  "EM stops when the mean log-likelihood per point changes by at most this",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(1e-6),
          ParameterSpec.of(
                  "em_max_iterations",
                  "the most EM iterations (M-steps) per fit",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .withDefault(200L),
          ParameterSpec.of(
                  "min_variance",
                  "the variance floor: added to the diagonal of every fitted covariance, so no component collapses",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(1e-6),
          ParameterSpec.of(
                  "mc_samples",
                  "draws of the truth for the Monte Carlo kl_true_model",
                  "an integer >= 1",
                  ValueParsers.integerAtLeast(1))
              .withDefault(10000L),
          ParameterSpec.of(
                  "truth.weights",
                  "the K* weights of the true mixture (normalized to sum 1)",
                  "a non-empty list of numbers > 0",
                  GmmParameters::parseWeights)
              .withDefault(List.of(0.5, 0.5))
              .asWorld(),
          ParameterSpec.of(
                  "truth.means",
                  "the K* component means: each a number (broadcast over the dimension) or dimension numbers",
                  "a list of K* numbers or lists of dimension numbers",
                  GmmParameters::parseMeans)
              .withDefault(List.of(-3.0, 3.0))
              .asWorld(),
          ParameterSpec.of(
                  "truth.variances",
                  "sigma_k^2 of isotropic components sigma_k^2 I: one number for all, or one per component",
                  "a number > 0 or a list of K* numbers > 0",
                  GmmParameters::parseVariances)
              .withDefault(1.0)
              .asWorld(),
          ParameterSpec.of(
                  "truth.covariances",
                  "one dimension x dimension covariance matrix per component; replaces truth.variances when given",
                  "a list of K* symmetric positive definite matrices",
                  GmmParameters::parseCovariances)
              .asWorld(),
          SharedMechanism.reservoirMean(),
          SharedMechanism.reservoirScale("s, the reservoir's standard deviation per coordinate"),
          SharedMechanism.verifierRadius(
              "c: a sample is correct when its Mahalanobis distance to the nearest truth"
                  + " component, in its own covariance, is at most c"));

  static final List<CellRule> RULES = List.of(GmmParameters::checkTruthShapes);

  private GmmParameters() {}

  private static Object parseWeights(Object raw, String path, List<ConfigProblem> problems) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      problems.add(
          new ConfigProblem(
              path, ValueParsers.show(raw) + " is not a non-empty list of numbers > 0"));
      return null;
    }
    return ValueParsers.doubleList(list, path, ValueParsers.positiveNumber(), problems);
  }

  private static Object parseMeans(Object raw, String path, List<ConfigProblem> problems) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      problems.add(
          new ConfigProblem(path, ValueParsers.show(raw) + " is not a non-empty list of means"));
      return null;
    }
    List<Object> means = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object parsed;
      if (list.get(i) instanceof List<?> row) {
        parsed =
            row.isEmpty()
                ? null
                : ValueParsers.doubleList(row, path + "[" + i + "]", FINITE, problems);
        if (row.isEmpty()) {
          problems.add(new ConfigProblem(path + "[" + i + "]", "[] is not a mean"));
        }
      } else if (list.get(i) == null) {
        problems.add(
            new ConfigProblem(path + "[" + i + "]", "is empty (a number or a list is expected)"));
        parsed = null;
      } else {
        parsed = FINITE.parse(list.get(i), path + "[" + i + "]", problems);
      }
      if (parsed == null) {
        return null;
      }
      means.add(parsed);
    }
    return List.copyOf(means);
  }

  private static Object parseVariances(Object raw, String path, List<ConfigProblem> problems) {
    if (raw instanceof List<?> list) {
      if (list.isEmpty()) {
        problems.add(new ConfigProblem(path, "[] is not a number or a non-empty list of numbers"));
        return null;
      }
      return ValueParsers.doubleList(list, path, ValueParsers.positiveNumber(), problems);
    }
    return ValueParsers.positiveNumber().parse(raw, path, problems);
  }

  private static Object parseCovariances(Object raw, String path, List<ConfigProblem> problems) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      problems.add(
          new ConfigProblem(path, ValueParsers.show(raw) + " is not a non-empty list of matrices"));
      return null;
    }
    List<Object> matrices = new ArrayList<>(list.size());
    for (int c = 0; c < list.size(); c++) {
      String at = path + "[" + c + "]";
      if (!(list.get(c) instanceof List<?> rows) || rows.isEmpty()) {
        problems.add(
            new ConfigProblem(at, ValueParsers.show(list.get(c)) + " is not a square matrix"));
        return null;
      }
      List<List<Double>> parsed = ValueParsers.positiveDefiniteMatrix(rows, at, problems);
      if (parsed == null) {
        return null;
      }
      matrices.add(parsed);
    }
    return List.copyOf(matrices);
  }

  /**
   * Every truth list has K* = len(truth.weights) entries; means and covariances have d coordinates.
   */
  private static void checkTruthShapes(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!(cell.get("truth.weights") instanceof List<?> weights)) {
      return;
    }
    int k = weights.size();
    for (String key : List.of("truth.means", "truth.variances", "truth.covariances")) {
      if (cell.get(key) instanceof List<?> list && list.size() != k) {
        problems.add(
            new ConfigProblem(
                cell.origin(key),
                ValueParsers.show(list)
                    + " has "
                    + list.size()
                    + " entries, but "
                    + cell.describe("truth.weights")
                    + " has "
                    + k
                    + " components"));
      }
    }
    if (!(cell.get("dimension") instanceof Long d)) {
      return;
    }
    if (cell.get("truth.means") instanceof List<?> means) {
      for (Object mean : means) {
        if (mean instanceof List<?> row && row.size() != d) {
          problems.add(
              new ConfigProblem(
                  cell.origin("truth.means"),
                  ValueParsers.show(row)
                      + " has "
                      + row.size()
                      + " coordinates, but "
                      + cell.describe("dimension")
                      + " needs "
                      + d));
          return;
        }
      }
    }
    if (cell.get("truth.covariances") instanceof List<?> covs) {
      for (Object cov : covs) {
        if (cov instanceof List<?> rows && rows.size() != d) {
          problems.add(
              new ConfigProblem(
                  cell.origin("truth.covariances"),
                  ValueParsers.show(rows)
                      + " is "
                      + rows.size()
                      + " x "
                      + rows.size()
                      + ", but "
                      + cell.describe("dimension")
                      + " needs "
                      + d
                      + " x "
                      + d));
          return;
        }
      }
    }
  }
}
