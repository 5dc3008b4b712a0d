/**
 * Algorithmic complexity of binary strings by the Coding Theorem Method (CTM) and the Block
 * Decomposition Method (BDM), with no dependency on the generation loop: the exact output
 * distribution D(n) of the (n, 2) Turing machines for n &lt;= 4 ({@link
 * org.collapsesim.ctm.OutputDistribution}), the shipped D(5) and D(4) tables ({@link
 * org.collapsesim.ctm.CtmTable}) and BDM over them ({@link org.collapsesim.ctm.Bdm}).
 */
package org.collapsesim.ctm;
