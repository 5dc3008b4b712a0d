package org.collapsesim.config;

import java.util.List;

/**
 * A check or completion across the parameters of one cell (e.g. {@code unbiased} needs {@code
 * samples >= 2}; a counts file sets {@code model_size}). Rules run after defaults are filled and
 * parameters that do not apply are dropped, before required parameters are checked; a rule
 * tolerates missing parameters (they are reported elsewhere). Part of the family SPI ({@link
 * FamilyDefinition#rules()}).
 */
@FunctionalInterface
public interface CellRule {

  /** Checks or completes {@code cell}, adding what is wrong to {@code problems}. */
  void apply(CellDraft cell, LoadContext context, List<ConfigProblem> problems);
}
