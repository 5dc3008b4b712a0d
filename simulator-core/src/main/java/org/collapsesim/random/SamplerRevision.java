package org.collapsesim.random;

/**
 * Which numbers this build draws: raised whenever a sampler changes the draws a chain makes from
 * its streams (the law stays exact; the numbers differ). A sweep records it in its manifest, and
 * {@code --resume} refuses a sweep begun under another revision, since its chains would mix the two
 * builds' numbers.
 *
 * <ol>
 *   <li>The first (manifests without {@code sampler_revision}): exact categorical counts with alias
 *       draws for the light tail.
 *   <li>Exact categorical counts with the sorted tail ({@link MultinomialSampler#sortedTail}): the
 *       light tail's counts from sorted uniform points made by {@link ZigguratExponential}.
 * </ol>
 */
public final class SamplerRevision {

  /** The revision of this build. */
  public static final int CURRENT = 2;

  /** The revision of a manifest that records none (written before revisions were recorded). */
  public static final int UNRECORDED = 1;

  private SamplerRevision() {}
}
