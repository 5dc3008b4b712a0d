package org.collapsesim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.collapsesim.math.DetMath;
import org.junit.jupiter.api.Test;

/**
 * The wedge squeeze of both ziggurats ({@link ZigguratLayers#wedge}) changes no draw: wherever it
 * decides, its answer is the one the samplers' computed density gives ({@code DetMath.exp}), for
 * points spread over every layer's wedge, at the layer's edges, and with y a few ulps either side
 * of f(x), where a bound too tight or a margin too thin would show. And it decides nearly always
 * (otherwise it would be dead weight on the slow path).
 */
class ZigguratWedgeTest {

  private static final int POINTS_PER_LAYER = 20_000;

  private static void check(ZigguratLayers boxes, DoubleUnaryOperator computedF, String name) {
    SplittableRandom rng = new SplittableRandom(20261206L);
    long decided = 0;
    long tested = 0;
    for (int j = 1; j < ZigguratLayers.LAYERS; j++) {
      double inner = boxes.x[j + 1];
      double outer = boxes.x[j];
      double low = boxes.fx[j];
      double high = boxes.fx[j + 1];
      for (int i = 0; i < POINTS_PER_LAYER; i++) {
        double xv = inner + rng.nextDouble() * (outer - inner);
        double y = low + rng.nextDouble() * (high - low);
        decided += agree(boxes, computedF, j, xv, y, name) ? 1 : 0;
        tested++;
        double f = computedF.applyAsDouble(xv);
        double near = f;
        for (int k = 0; k < 4; k++) { // y a few ulps either side of f(x)
          agree(boxes, computedF, j, xv, near, name);
          near = Math.nextUp(near);
        }
        near = Math.nextDown(f);
        for (int k = 0; k < 4; k++) {
          agree(boxes, computedF, j, xv, near, name);
          near = Math.nextDown(near);
        }
      }
      for (double edge :
          new double[] {
            inner, Math.nextUp(inner), Math.nextDown(outer), outer, Math.nextUp(outer)
          }) {
        for (double y : new double[] {low, high, computedF.applyAsDouble(edge)}) {
          agree(boxes, computedF, j, edge, y, name);
          agree(boxes, computedF, j, edge, Math.nextUp(y), name);
          agree(boxes, computedF, j, edge, Math.nextDown(y), name);
        }
      }
    }
    double share = decided / (double) tested;
    assertTrue(share > 0.99, name + ": the squeeze decided " + share + " of uniform wedge points");
  }

  /** Whether the squeeze decided (x, y), after checking that it agrees with y &lt; f(x). */
  private static boolean agree(
      ZigguratLayers boxes,
      DoubleUnaryOperator computedF,
      int j,
      double xv,
      double y,
      String name) {
    int answer = boxes.wedge(j, xv, y);
    if (answer == ZigguratLayers.UNSURE) {
      return false;
    }
    boolean accept = y < computedF.applyAsDouble(xv);
    assertEquals(
        accept ? ZigguratLayers.ACCEPT : ZigguratLayers.REJECT,
        answer,
        () -> name + " layer " + j + ": x = " + xv + ", y = " + y);
    return true;
  }

  @Test
  void theNormalSqueezeAgreesWithTheDensityItReplaces() {
    check(ZigguratNormal.BOXES, x -> DetMath.exp(-0.5 * x * x), "normal");
  }

  @Test
  void theExponentialSqueezeAgreesWithTheDensityItReplaces() {
    check(ZigguratExponential.BOXES, x -> DetMath.exp(-x), "exponential");
  }
}
