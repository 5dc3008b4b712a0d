package org.collapsesim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.collapsesim.engine.Families;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The program anchor's keys: defaults completed only when it is on (by alphabet: prior ctm and
 * max_period 12 for binary, length and 6 otherwise), and every bad value refused at its key path
 * with what is allowed.
 */
class ProgramConfigTest {

  private static final String SEQUENCE =
      "name: t\nseed: 1\nreplicates: 2\ngenerations: 5\nfamily: sequence\n"
          + "params:\n  model_size: 32\n  samples: 10\n";

  private static CellSpec cell(String yaml) {
    try {
      return ConfigLoader.parse(Families.catalogue(), yaml, null, List.of()).cells().get(0);
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void defaultsFollowTheAlphabetAndOnlyWhenTheAnchorIsOn() {
    CellSpec binary = cell(SEQUENCE + "  program: {fraction: 0.1}\n");
    assertEquals("ctm", binary.getString("program.prior"));
    assertEquals(12, binary.getInt("program.max_period"));
    assertEquals("once", binary.getString("program.fit"));
    assertTrue(binary.getBoolean("program.gate"));
    assertEquals(10.0, binary.getDouble("program.margin"));
    CellSpec ternary =
        cell(SEQUENCE + "  alphabet: 3\n  program: {fraction: 0.1}\n" + "truth: {block: '012'}\n");
    assertEquals("length", ternary.getString("program.prior"));
    assertEquals(6, ternary.getInt("program.max_period"));
    CellSpec written =
        cell(
            SEQUENCE
                + "  alphabet: 3\n  program: {fraction: 0.1, prior: uniform, max_period: 4}\n"
                + "truth: {block: '012'}\n");
    assertEquals("uniform", written.getString("program.prior"));
    assertEquals(4, written.getInt("program.max_period"));
    CellSpec off = cell(SEQUENCE);
    assertFalse(off.has("program.prior") || off.has("program.gate"), "no anchor, no keys");
  }

  static Stream<Arguments> badConfigs() {
    String categorical =
        "name: t\nseed: 1\nreplicates: 2\ngenerations: 5\nfamily: categorical\n"
            + "params:\n  model_size: 5\n  samples: 10\n";
    return Stream.of(
        Arguments.of(
            "program outside the sequence family",
            categorical + "  program: {fraction: 0.1}\n",
            "params.program.fraction",
            "program.fraction does not apply to family categorical (it is a parameter of sequence)"),
        Arguments.of(
            "alpha + beta above 1",
            SEQUENCE + "  alpha: 0.5\n  program: {fraction: 0.6}\n",
            "params.alpha, params.program.fraction",
            "more than 1"),
        Arguments.of(
            "a program schedule above 1 with alpha at generation 3",
            SEQUENCE
                + "  alpha: 0.5\n"
                + "  program: {fraction: {schedule: list, values: [0.1, 0.2, 0.6, 0.1, 0.1]}}\n",
            "params.alpha, params.program.fraction",
            "program.fraction_3 = 0.6"),
        Arguments.of(
            "ctm beyond binary",
            SEQUENCE
                + "  alphabet: 3\n  program: {fraction: 0.1, prior: ctm}\ntruth: {block: '0'}\n",
            "params.program.prior",
            "ctm needs alphabet 2"),
        Arguments.of(
            "ctm beyond 12 symbols",
            SEQUENCE + "  program: {fraction: 0.1, max_period: 13}\n",
            "program.prior",
            "program.max_period = 13 (params.program.max_period); use length or uniform"),
        Arguments.of(
            "a hypothesis space too large",
            SEQUENCE + "  program: {fraction: 0.1, prior: length, max_period: 20}\n",
            "params.program.max_period",
            "gives more than 1048576 blocks"),
        Arguments.of(
            "an unknown fit policy",
            SEQUENCE + "  program: {fraction: 0.1, fit: always}\n",
            "params.program.fit",
            "one of once, exogenous, every-generation"),
        Arguments.of(
            "an unknown prior",
            SEQUENCE + "  program: {fraction: 0.1, prior: zipf}\n",
            "params.program.prior",
            "one of ctm, length, uniform"),
        Arguments.of(
            "a negative margin",
            SEQUENCE + "  program: {fraction: 0.1, margin: -1}\n",
            "params.program.margin",
            ">= 0"),
        Arguments.of(
            "a period of 0",
            SEQUENCE + "  program: {fraction: 0.1, prior: length, max_period: 0}\n",
            "params.program.max_period",
            ">= 1"),
        Arguments.of(
            "keys without a fraction",
            SEQUENCE + "  program: {fit: once}\n",
            "program.fraction",
            "is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void badProgramConfigIsRejectedAtTheKeyPath(
      String what, String yaml, String path, String messagePart) {
    ConfigRejection.assertRejectedAt(what, yaml, path, messagePart);
  }
}
