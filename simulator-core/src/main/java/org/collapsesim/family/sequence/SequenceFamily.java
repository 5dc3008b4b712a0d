package org.collapsesim.family.sequence;

import java.util.List;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.family.Family;
import org.collapsesim.loop.CellModel;

/**
 * The sequence family: strings of L = model_size symbols over |A| = alphabet symbols, learnt by the
 * positional learner (one categorical per position). The truth is a short periodic program plus
 * noise, the Thue-Morse word plus noise, or a persistent Markov chain; the family is the home of
 * the symbolic (program) anchor, whose mathematics is {@link ProgramSpace}.
 */
public final class SequenceFamily implements Family {

  static final List<MetricDefinition> METRICS = SequenceMetric.DEFINITIONS;

  static final List<String> METRIC_NAMES = SequenceMetric.NAMES;

  @Override
  public String name() {
    return "sequence";
  }

  @Override
  public String description() {
    return "strings of L = model_size symbols, one categorical per position; truths: periodic"
        + " program, Thue-Morse, Markov (+ noise); explicit path only";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return SequenceParameters.PARAMETERS;
  }

  @Override
  public List<CellRule> rules() {
    return SequenceParameters.RULES;
  }

  @Override
  public boolean hasExactPath() {
    return false;
  }

  @Override
  public List<MetricDefinition> metrics() {
    return METRICS;
  }

  @Override
  public List<String> keyMetrics() {
    return List.of("gini_simpson", "entropy", "fixated");
  }

  /** The strings (a byte per symbol) and the counts and probabilities per (position, symbol). */
  @Override
  public double chainBytes(CellSpec cell, double kept) {
    double length = cell.getInt("model_size");
    double a = cell.has("alphabet") ? cell.getInt("alphabet") : 2;
    return length * kept + 24 * length * a;
  }

  @Override
  public CellModel<?, ?, ?> bind(CellSpec cell, long masterSeed) {
    int alphabet = cell.getInt("alphabet");
    int length = cell.getInt("model_size");
    SequenceTruth truth =
        switch (cell.getString("truth.program")) {
          case "periodic" ->
              SequenceTruth.periodic(
                  alphabet, length, cell.getString("truth.block"), cell.getDouble("truth.noise"));
          case "thue-morse" ->
              SequenceTruth.thueMorse(alphabet, length, cell.getDouble("truth.noise"));
          case "markov" -> SequenceTruth.markov(alphabet, length, cell.getDouble("truth.stay"));
          default ->
              throw new IllegalArgumentException(
                  "truth.program: "
                      + cell.getString("truth.program")
                      + " is not periodic, thue-morse or markov");
        };
    double addK = "add-k".equals(cell.getString("estimator")) ? cell.getDouble("add_k") : 0.0;
    return new SequenceCell(truth, addK, cell.getDouble("kl_eps"));
  }
}
