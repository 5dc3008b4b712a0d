package org.collapsesim.loop;

/** How a generation's sources are mixed (the generation loop (docs/architecture.md)). */
public enum Mixing {
  /** Exactly floor(a_t * M + 0.5) exogenous samples, the rest synthetic. */
  COUNT("count"),
  /** Each sample's source drawn independently with probability a_t. */
  PER_SAMPLE("per-sample");

  private final String label;

  Mixing(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Mixing of(String label) {
    for (Mixing m : values()) {
      if (m.label.equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("mixing: " + label + " is not one of count, per-sample");
  }
}
