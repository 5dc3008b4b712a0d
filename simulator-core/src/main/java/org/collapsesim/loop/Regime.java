package org.collapsesim.loop;

/** What a generation trains on (the generation loop (docs/architecture.md)). */
public enum Regime {
  /** D_t = D_new. */
  REPLACE("replace"),
  /** D_t = D_0 u ... u D_new: all data ever generated (kept as merged statistics). */
  ACCUMULATE("accumulate"),
  /** D_t = M samples drawn without replacement from D_0 u ... u D_new (needs raw samples). */
  ACCUMULATE_SUBSAMPLE("accumulate-subsample"),
  /** D_t = the last w generations' data, D_new included. */
  WINDOW("window");

  private final String label;

  Regime(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Regime of(String label) {
    for (Regime r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "regime: " + label + " is not one of replace, accumulate, accumulate-subsample, window");
  }
}
