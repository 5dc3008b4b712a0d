/**
 * A standalone Spark cluster on one machine, for trying the cluster path of {@code collapse sweep}:
 * a master and its workers started as plain JVMs on 127.0.0.1 from the project's own runtime jars
 * (no Spark distribution), their process ids kept in a state file so that {@code collapse cluster
 * stop} ends exactly the processes it started.
 */
package org.collapsesim.cluster;
