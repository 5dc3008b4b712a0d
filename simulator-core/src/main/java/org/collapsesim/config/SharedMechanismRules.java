package org.collapsesim.config;

import java.util.List;

/** The cell rules of the {@link SharedMechanism}s. */
final class SharedMechanismRules {

  private SharedMechanismRules() {}

  /** The fraction of source {@code key} at generation t (0 when absent). */
  static double fraction(CellDraft cell, String key, int t) {
    return cell.get(key) instanceof ExogenousSchedule s ? s.alpha(t) : 0.0;
  }

  /**
   * real_weight needs regime replace, count mixing, the mle estimator where the family has an
   * estimator choice, and at least one exogenous and one other sample in every generation 1..G
   * (else a part's weight has no samples to sit on).
   */
  static void checkRealWeight(CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!cell.has("real_weight")) {
      return;
    }
    String where = cell.origin("real_weight");
    if (!"replace".equals(cell.get("regime"))) {
      problems.add(
          new ConfigProblem(
              where,
              "needs regime replace, but "
                  + cell.describe("regime")
                  + " (weighting reweights D_new)"));
    }
    if (!"count".equals(cell.get("mixing"))) {
      problems.add(
          new ConfigProblem(
              where,
              "needs mixing count, but "
                  + cell.describe("mixing")
                  + " (each part's size must be fixed)"));
    }
    if (cell.has("estimator") && "unbiased".equals(cell.get("estimator"))) {
      problems.add(
          new ConfigProblem(where, "needs estimator mle, but " + cell.describe("estimator")));
    }
    if (context.generations() == null || !(cell.get("samples") instanceof Long samples)) {
      return;
    }
    for (int t = 1; t <= context.generations(); t++) {
      double alpha = fraction(cell, "alpha", t);
      int exogenous = CountMixing.counts(samples.intValue(), new double[] {alpha})[0];
      if (exogenous < 1 || exogenous == samples) {
        problems.add(
            new ConfigProblem(
                where,
                "needs at least one exogenous and one other sample in every generation, but"
                    + " generation "
                    + t
                    + " has "
                    + exogenous
                    + " exogenous of "
                    + samples
                    + " (alpha_"
                    + t
                    + " = "
                    + alpha
                    + ")"));
        return;
      }
    }
  }

  /**
   * A verifier keeps the exact path only without refill and in a family whose exact path thins its
   * statistics (see {@code describe}).
   */
  static void checkExactVerifier(
      CellDraft cell, LoadContext context, List<ConfigProblem> problems) {
    if (!"exact".equals(context.sampling()) || !cell.has("verifier.false_accept")) {
      return;
    }
    if (!context.catalogue().exactVerifierFamilies().contains(cell.family)
        || Boolean.TRUE.equals(cell.get("verifier.refill"))) {
      problems.add(
          new ConfigProblem(
              context.samplingPath(),
              "\"exact\" has no exact path with this verifier ("
                  + cell.origin("verifier.false_accept")
                  + ": only a verifier without refill in "
                  + context.catalogue().exactVerifierFamilies()
                  + " thins statistics exactly; a refill's candidates tried need the samples);"
                  + " use auto or explicit"));
    }
  }
}
