#!/usr/bin/env bash
# Runs the JMH benchmarks of this module: build first with a reactor build (nothing installed)
#   mvn -q -B -o package -DskipTests -pl benchmarks -am
# then e.g.  benchmarks/run-jmh.sh -f 1 -wi 3 -i 5 RandomKernelsBenchmark
# The runner gets the JVM flags of bin/jvm.flags (the Vector API, Spark's module flags) as a java
# argument file, and JMH starts every fork with the runner's JVM arguments (its default when a
# benchmark sets no jvmArgs): a fork started another way runs the scalar kernels.
here=$(cd "$(dirname "$0")" && pwd)
flags="$here/../bin/jvm.flags"
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
exec java "@$flags" -cp "$cp" org.openjdk.jmh.Main "$@"
