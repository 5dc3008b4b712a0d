/** collapse-sim command line, Spark sweep driver and output writers. */
package org.collapsesim;
