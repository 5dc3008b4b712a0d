package org.collapsesim.family.sequence;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.collapsesim.config.CellRule;
import org.collapsesim.config.CellSpec;
import org.collapsesim.config.ExogenousSchedule;
import org.collapsesim.config.MechanismInfo;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.config.ParameterSpec;
import org.collapsesim.config.SharedMechanism;
import org.collapsesim.ctm.CtmTable;
import org.collapsesim.family.Family;
import org.collapsesim.loop.CellModel;
import org.collapsesim.loop.Source;

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
    return "strings of L = model_size symbols, one categorical per position (E[gini_simpson_t] ="
        + " G* (1 - 1/M)^(t+1) in the closed loop); truths: periodic program, Thue-Morse, Markov"
        + " (+ noise r: each symbol replaced by a uniform other one with probability r); explicit"
        + " path only. The home of the program anchor (program: below), whose prior is the Coding"
        + " Theorem Method (CTM: Delahaye and Zenil 2012; Soler-Toscano, Zenil, Delahaye and"
        + " Gauvrit, PLoS ONE 2014; its block extension BDM, Zenil et al., Entropy 2018, is in"
        + " `collapse ctm`) and whose data code is Krichevsky-Trofimov (IEEE Trans. Inf. Theory"
        + " 1981)";
  }

  private static final List<ParameterSpec> PARAMETERS =
      Stream.concat(SequenceParameters.PARAMETERS.stream(), ProgramParameters.PARAMETERS.stream())
          .toList();

  private static final List<CellRule> RULES =
      Stream.concat(SequenceParameters.RULES.stream(), ProgramParameters.RULES.stream()).toList();

  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public List<CellRule> rules() {
    return RULES;
  }

  /** The program anchor, a mechanism of this family alone. */
  @Override
  public List<MechanismInfo> ownMechanisms() {
    return List.of(ProgramParameters.PROGRAM_ANCHOR);
  }

  @Override
  public Set<SharedMechanism> mechanisms() {
    return Set.of(SharedMechanism.values());
  }

  @Override
  public String mechanismNote(SharedMechanism mechanism) {
    return switch (mechanism) {
      case RESERVOIR ->
          "uniform strings (theory column: each position's recursion with the uniform law over"
              + " the alphabet in the truth's place)";
      case VERIFIER ->
          "correct: Hamming distance <= verifier.max_errors (default round(L r)) to the truth's"
              + " noiseless output (program truths only)";
      case REAL_WEIGHT -> "on the per-position counts; theory column";
    };
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
    double addK = "add-k".equals(cell.getString("estimator")) ? cell.getDouble("add_k") : 0.0;
    int maxErrors = cell.has("verifier.max_errors") ? cell.getInt("verifier.max_errors") : 0;
    return new SequenceCell(truth(cell), addK, cell.getDouble("kl_eps"), maxErrors);
  }

  /** The program anchor, when the cell has {@code program.fraction}. */
  @Override
  public List<Source> sources(CellSpec cell) {
    return cell.has("program.fraction") ? List.of(programSource(cell)) : List.of();
  }

  @Override
  public List<MetricDefinition> diagnostics() {
    return ProgramSource.DIAGNOSTICS;
  }

  /**
   * The program anchor of a validated sequence cell with {@code program.fraction} ({@link
   * ProgramSource}): its hypothesis space is built here once per cell, with the D(5) table for the
   * {@code ctm} prior.
   */
  static ProgramSource programSource(CellSpec cell) {
    ProgramPrior prior =
        ProgramPrior.valueOf(cell.getString("program.prior").toUpperCase(Locale.ROOT));
    ProgramSpace space =
        new ProgramSpace(
            cell.getInt("alphabet"),
            cell.getInt("model_size"),
            cell.getInt("program.max_period"),
            prior,
            prior == ProgramPrior.CTM ? CtmTable.d5() : null);
    return new ProgramSource(
        space,
        (ExogenousSchedule) cell.get("program.fraction"),
        ProgramSource.Fit.of(cell.getString("program.fit")),
        cell.getBoolean("program.gate"),
        cell.getDouble("program.margin"),
        truth(cell).outputString());
  }

  private static SequenceTruth truth(CellSpec cell) {
    int alphabet = cell.getInt("alphabet");
    int length = cell.getInt("model_size");
    return switch (cell.getString("truth.program")) {
      case "periodic" ->
          SequenceTruth.periodic(
              alphabet, length, cell.getString("truth.block"), cell.getDouble("truth.noise"));
      case "thue-morse" -> SequenceTruth.thueMorse(alphabet, length, cell.getDouble("truth.noise"));
      case "markov" -> SequenceTruth.markov(alphabet, length, cell.getDouble("truth.stay"));
      default ->
          throw new IllegalArgumentException(
              "truth.program: "
                  + cell.getString("truth.program")
                  + " is not periodic, thue-morse or markov");
    };
  }
}
