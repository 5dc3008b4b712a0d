package org.collapsesim.kernel;

import java.lang.System.Logger.Level;

/**
 * The one place that decides, once per JVM, which twin of the hot kernels runs: system property
 * {@value #PROPERTY} = {@code scalar}, {@code vector} or {@code auto} (default). Auto takes the
 * vector twin when the incubator module {@code jdk.incubator.vector} is in the boot layer (it needs
 * {@code --add-modules jdk.incubator.vector}) and the CPU has 256-bit vector registers; otherwise
 * it logs why and runs the scalar twin. Either twin gives the same bits (README, Random streams and
 * determinism), so the choice changes speed only. Model: Lucene's {@code VectorizationProvider}.
 */
public final class Kernels {

  public static final String PROPERTY = "collapse.kernels";

  private static final System.Logger LOG = System.getLogger(Kernels.class.getName());
  private static final KernelSupport SCALAR = new ScalarKernels();
  private static final String VECTOR_UNUSABLE;
  private static final KernelSupport VECTOR;
  private static final KernelSupport CHOSEN;

  static {
    String why = null;
    KernelSupport vector = null;
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      why =
          "module jdk.incubator.vector is not enabled (start the JVM with --add-modules jdk.incubator.vector)";
    } else {
      try {
        why = VectorKernels.unusable();
        if (why == null) {
          vector = new VectorKernels();
        }
      } catch (LinkageError e) {
        why = "the Vector API failed to load: " + e;
      }
    }
    VECTOR_UNUSABLE = why;
    VECTOR = vector;
    String requested = System.getProperty(PROPERTY, "auto");
    KernelSupport chosen;
    switch (requested) {
      case "scalar" -> chosen = SCALAR;
      case "vector" -> {
        if (vector == null) {
          throw new IllegalStateException(
              PROPERTY + "=vector but the vector kernels cannot run: " + why);
        }
        chosen = vector;
      }
      case "auto" -> {
        chosen = vector != null ? vector : SCALAR;
        if (vector == null) {
          LOG.log(Level.INFO, "collapse-sim kernels: scalar, because " + why);
        }
      }
      default ->
          throw new IllegalArgumentException(
              PROPERTY + "=" + requested + ": expected scalar, vector or auto");
    }
    CHOSEN = chosen;
    LOG.log(Level.DEBUG, "collapse-sim kernels: " + chosen.name());
  }

  private Kernels() {}

  /** The kernels this JVM runs. */
  public static KernelSupport get() {
    return CHOSEN;
  }

  /** The scalar twin (always available). */
  public static KernelSupport scalar() {
    return SCALAR;
  }

  /** The vector twin, or null when it cannot run here ({@link #vectorUnusableReason()}). */
  public static KernelSupport vectorOrNull() {
    return VECTOR;
  }

  /** Why the vector twin cannot run, or null when it can. */
  public static String vectorUnusableReason() {
    return VECTOR_UNUSABLE;
  }
}
