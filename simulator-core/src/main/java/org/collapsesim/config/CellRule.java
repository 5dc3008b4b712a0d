package org.collapsesim.config;

import java.util.List;

/**
 * A check or completion across the parameters of one cell (e.g. {@code unbiased} needs {@code
 * samples >= 2}; a counts file sets {@code model_size}). Rules run after defaults are filled and
 * parameters that do not apply are dropped, before required parameters are checked; a rule
 * tolerates missing parameters (they are reported elsewhere).
 */
@FunctionalInterface
interface CellRule {

  void apply(CellDraft cell, LoadContext context, List<ConfigProblem> problems);
}
