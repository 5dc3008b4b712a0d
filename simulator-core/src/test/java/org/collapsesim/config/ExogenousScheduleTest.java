package org.collapsesim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExogenousScheduleTest {

  private static final List<ExogenousSchedule> EVERY_KIND =
      List.of(
          new ExogenousSchedule.Constant(0.3),
          new ExogenousSchedule.Exponential(0.3, 0.9),
          new ExogenousSchedule.Power(0.3, 1.5),
          new ExogenousSchedule.Step(0.3, 4),
          new ExogenousSchedule.ListSchedule(new double[] {0.3, 0.2, 0.1}));

  @Test
  void everyScheduleStartsAtOneAndThenAlpha0() {
    for (ExogenousSchedule schedule : EVERY_KIND) {
      assertEquals(1.0, schedule.alpha(0), schedule.describe());
      assertEquals(0.3, schedule.alpha(1), schedule.describe());
    }
  }

  @Test
  void spotValues() {
    assertEquals(0.3, new ExogenousSchedule.Constant(0.3).alpha(1000));
    assertEquals(
        0.5 * StrictMath.pow(0.9, 9), new ExogenousSchedule.Exponential(0.5, 0.9).alpha(10));
    assertEquals(0.125, new ExogenousSchedule.Exponential(0.5, 0.5).alpha(3));
    assertEquals(0.0, new ExogenousSchedule.Exponential(0.5, 0.0).alpha(2));
    assertEquals(0.25, new ExogenousSchedule.Power(0.5, 1).alpha(2));
    assertEquals(0.5 / 3.0, new ExogenousSchedule.Power(0.5, 1).alpha(3), 0.0);
    assertEquals(0.5 * StrictMath.pow(7, -0.5), new ExogenousSchedule.Power(0.5, 0.5).alpha(7));
    ExogenousSchedule step = new ExogenousSchedule.Step(0.4, 2);
    assertEquals(0.4, step.alpha(2));
    assertEquals(0.0, step.alpha(3));
    ExogenousSchedule list = new ExogenousSchedule.ListSchedule(new double[] {0.3, 0.2, 0.1});
    assertEquals(0.1, list.alpha(3));
    assertThrows(IllegalArgumentException.class, () -> list.alpha(4));
    assertThrows(IllegalArgumentException.class, () -> step.alpha(-1));
  }

  @Test
  void onlyConstantHasAConstantValue() {
    assertEquals(0.3, new ExogenousSchedule.Constant(0.3).constantValue());
    for (ExogenousSchedule schedule : EVERY_KIND.subList(1, EVERY_KIND.size())) {
      assertNull(schedule.constantValue(), schedule.describe());
    }
  }

  @Test
  void describeIsCanonical() {
    assertEquals("constant(0.1)", new ExogenousSchedule.Constant(0.1).describe());
    assertEquals("constant(0.0)", new ExogenousSchedule.Constant(0).describe());
    assertEquals(
        "exponential(alpha0=0.5,rate=0.9)", new ExogenousSchedule.Exponential(0.5, 0.9).describe());
    assertEquals("power(alpha0=0.5,exponent=1.0)", new ExogenousSchedule.Power(0.5, 1).describe());
    assertEquals("step(alpha0=0.5,until=10)", new ExogenousSchedule.Step(0.5, 10).describe());
    assertEquals("list(0.3,0.2,0.1)", EVERY_KIND.get(4).describe());
  }

  @Test
  void canonicalFormIsAPlainSortedMap() {
    assertEquals(
        Map.of("schedule", "power", "alpha0", 0.5, "exponent", 1.0),
        new ExogenousSchedule.Power(0.5, 1).canonicalForm());
    assertEquals(
        Map.of("schedule", "step", "alpha0", 0.5, "until", 10L),
        new ExogenousSchedule.Step(0.5, 10).canonicalForm());
    assertEquals(
        Map.of("schedule", "list", "values", List.of(0.3, 0.2, 0.1)),
        EVERY_KIND.get(4).canonicalForm());
  }

  @Test
  void listScheduleComparesByValuesAndCopiesItsArray() {
    double[] values = {0.1, 0.2};
    ExogenousSchedule.ListSchedule list = new ExogenousSchedule.ListSchedule(values);
    values[0] = 0.9;
    assertEquals(0.1, list.alpha(1));
    list.values()[1] = 0.9;
    assertEquals(0.2, list.alpha(2));
    assertEquals(new ExogenousSchedule.ListSchedule(new double[] {0.1, 0.2}), list);
  }

  @Test
  void parseReadsNumbersAndMaps() {
    List<ConfigProblem> problems = new ArrayList<>();
    assertEquals(
        new ExogenousSchedule.Constant(1.0), ExogenousSchedule.parse(1, "alpha", problems));
    assertEquals(
        new ExogenousSchedule.Exponential(0.5, 0.9),
        ExogenousSchedule.parse(
            map("schedule", "exponential", "alpha0", 0.5, "rate", 0.9), "alpha", problems));
    assertEquals(
        new ExogenousSchedule.Step(0.5, 3),
        ExogenousSchedule.parse(
            map("schedule", "step", "alpha0", 0.5, "until", 3), "alpha", problems));
    assertInstanceOf(
        ExogenousSchedule.ListSchedule.class,
        ExogenousSchedule.parse(
            map("schedule", "list", "values", List.of(0.5, 0)), "alpha", problems));
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void parseReportsEveryProblemWithItsPath() {
    assertProblem(1.5, "grid.alpha[2]", "grid.alpha[2]: 1.5 is not in [0, 1]");
    assertProblem(Double.NaN, "alpha", "alpha: NaN is not in [0, 1]");
    assertProblem("half", "alpha", "alpha: \"half\" is not a number in [0, 1] or a schedule");
    assertProblem(map("schedule", "cosine"), "alpha", "alpha.schedule: \"cosine\" is not one of");
    assertProblem(
        map("schedule", "power", "alpha0", 0.5, "exponent", "fast"),
        "alpha",
        "alpha.exponent: \"fast\" is not a number");
    assertProblem(
        map("schedule", "exponential", "alpha0", 0.5, "rate", -1),
        "alpha",
        "alpha.rate: -1 is not >= 0");
    assertProblem(map("schedule", "power", "alpha0", 0.5), "alpha", "alpha.exponent: is required");
    assertProblem(
        map("schedule", "step", "alpha0", 0.5, "until", 0),
        "alpha",
        "alpha.until: 0 is not an integer >= 1");
    assertProblem(
        map("schedule", "exponential", "alpha0", 0.5, "rate", 0.9, "decay", 1),
        "alpha",
        "alpha.decay: unknown key");
    assertProblem(
        map("schedule", "list", "values", List.of(0.1, 2)),
        "alpha",
        "alpha.values[1]: 2 is not in [0, 1]");
  }

  private static void assertProblem(Object raw, String path, String expectedStart) {
    List<ConfigProblem> problems = new ArrayList<>();
    assertNull(ExogenousSchedule.parse(raw, path, problems));
    assertFalse(problems.isEmpty());
    assertTrue(problems.get(0).toString().startsWith(expectedStart), "got " + problems);
  }

  private static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
