#!/bin/sh
# Runs the JMH benchmarks of this module: build first with
#   mvn -q -B -o install -DskipTests -pl simulator-core,benchmarks
# then e.g.  benchmarks/run-jmh.sh -f 1 -wi 3 -i 5 RandomKernelsBenchmark
# (forks add --add-modules=jdk.incubator.vector themselves, see @Fork in each class).
here=$(cd "$(dirname "$0")" && pwd)
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
exec java --add-modules=jdk.incubator.vector -cp "$cp" org.openjdk.jmh.Main "$@"
