/**
 * collapse-sim simulator core: families, samplers, estimators, metrics, the generation loop, config
 * and theory.
 */
package org.collapsesim;
