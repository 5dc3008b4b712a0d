package org.collapsesim.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.collapsesim.config.FamilyCatalogue;
import org.collapsesim.config.MetricDefinition;
import org.collapsesim.family.Family;
import org.collapsesim.family.categorical.CategoricalFamily;
import org.collapsesim.family.gaussian.GaussianFamily;
import org.collapsesim.family.gmm.GmmFamily;
import org.collapsesim.family.linreg.LinregFamily;
import org.collapsesim.family.markov.MarkovFamily;
import org.collapsesim.family.sequence.SequenceFamily;

/**
 * The registry of families: adding a family is its package plus one line here. Config validation
 * gets them as a {@link FamilyCatalogue} ({@link #catalogue()}).
 */
public final class Families {

  private static final List<Family> ALL =
      List.of(
          new GaussianFamily(),
          new CategoricalFamily(),
          new MarkovFamily(),
          new GmmFamily(),
          new LinregFamily(),
          new SequenceFamily());

  private static final FamilyCatalogue CATALOGUE = FamilyCatalogue.of(ALL);

  private Families() {}

  /** Every implemented family, in a fixed order. */
  public static List<Family> all() {
    return ALL;
  }

  /** The catalogue of every family, for {@link org.collapsesim.config.ConfigLoader}. */
  public static FamilyCatalogue catalogue() {
    return CATALOGUE;
  }

  /** The family named {@code name}. */
  public static Family of(String name) {
    for (Family f : ALL) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("family: " + name + " is not implemented");
  }

  /** The union of the metrics of several families, first appearance first. */
  public static List<String> metricUnion(List<String> familyNames) {
    Set<String> names = new LinkedHashSet<>();
    for (String f : familyNames) {
      for (MetricDefinition m : of(f).metrics()) {
        names.add(m.name());
      }
    }
    return new ArrayList<>(names);
  }
}
