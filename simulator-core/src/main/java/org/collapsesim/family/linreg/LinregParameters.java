package org.collapsesim.family.linreg;

import java.util.List;
import org.collapsesim.config.CellDraft;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.ConfigProblem;
import org.collapsesim.config.LoadContext;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.config.SharedMechanism;
import org.collapsesim.config.ValueParsers;

/**
 * The linreg family's parameters (README, Families and metrics): the truth y = x.w* + e with e ~
 * N(0, noise^2) and x ~ N(0, I_d), w* drawn on the sphere of radius {@code truth.w_norm}, and the
 * estimator (OLS, or ridge with {@code ridge} lambda > 0). Without ridge, OLS needs more rows than
 * dimensions.
 */
final class LinregParameters {

  static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.of(
                  "noise",
                  "sigma, the standard deviation of the label noise e ~ N(0, sigma^2)",
                  "a number > 0",
                  ValueParsers.positiveNumber())
              .withDefault(1.0)
              .asWorld(),
          ParameterSpec.of(
                  "ridge",
                  "lambda of ridge regression: w = (X^T X + lambda I)^-1 X^T y; 0 is ordinary least squares",
                  "a number >= 0",
                  ValueParsers.nonNegativeNumber())
              .withDefault(0.0),
          ParameterSpec.of(
                  "truth.w_norm",
                  "||w*||: w* is drawn uniformly on the sphere of this radius from the master seed and the truth",
                  "a number >= 0",
                  ValueParsers.nonNegativeNumber())
              .withDefault(1.0)
              .asWorld(),
          SharedMechanism.reservoirScale(
              "s, the standard deviation of the reservoir's pure-noise labels"),
          SharedMechanism.verifierRadius("c: a row is correct when |y - x.w*| <= c noise"));

  static final List<CellRule> RULES = List.of(LinregParameters::checkRows);

  private LinregParameters() {}

  /** OLS needs T > d rows for X^T X to be invertible (almost surely, with a Gaussian design). */
  private static void checkRows(CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (cell.get("model_size") instanceof Long d
        && cell.get("samples") instanceof Long t
        && cell.get("ridge") instanceof Number ridge
        && ridge.doubleValue() == 0
        && t <= d) {
      problems.add(
          new ConfigProblem(
              cell.origin("samples"),
              "ordinary least squares needs samples > model_size, but "
                  + cell.describe("samples")
                  + " and "
                  + cell.describe("model_size")
                  + " (or set ridge > 0)"));
    }
  }
}
