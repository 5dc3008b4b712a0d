package org.collapsesim.sweep;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession a sweep runs on. */
public final class SparkSessions {

  static final String EXECUTOR_JAVA_OPTIONS = "spark.executor.extraJavaOptions";

  private SparkSessions() {}

  /**
   * The Hadoop configuration the driver uses for the output directory before (and besides) the
   * session: Hadoop's defaults and {@code HADOOP_CONF_DIR}, the {@code spark.hadoop.*} system
   * properties spark-submit sets, then the command line's {@code --conf spark.hadoop.*}, the same
   * settings the session's executors see.
   */
  public static Configuration hadoopConfiguration(Map<String, String> extraConf) {
    SparkConf conf = new SparkConf(true);
    extraConf.forEach(conf::set);
    return SparkHadoopUtil.get().newConfiguration(conf);
  }

  /**
   * The Hadoop configuration of this executor (or driver): the session's {@code spark.hadoop.*}.
   */
  static Configuration executorHadoopConfiguration() {
    SparkEnv env = SparkEnv.get();
    return env == null ? new Configuration() : SparkHadoopUtil.get().newConfiguration(env.conf());
  }

  /** Whether {@code master} is an embedded mode (local, local[n], local-cluster[...]). */
  public static boolean isLocal(String master) {
    return master.startsWith("local");
  }

  /** Whether {@code master} is a standalone master on this machine's loopback address. */
  static boolean isLoopbackCluster(String master) {
    return master.startsWith("spark://127.0.0.1:") || master.startsWith("spark://localhost:");
  }

  /**
   * A session for {@code master}. Local modes bind the driver to the loopback address and run
   * without the web UI; {@code extraConf} (the command line's {@code --conf}) wins over both.
   */
  public static SparkSession create(String master, String appName, Map<String, String> extraConf) {
    scala.Option<SparkSession> existing = SparkSession.getDefaultSession();
    if (existing.isDefined()) {
      return existing.get(); // a JVM that already runs Spark (tests, notebooks) keeps its session
    }
    SparkSession.Builder builder = SparkSession.builder().appName(appName).master(master);
    if (isLocal(master)) {
      builder
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false");
    } else if (isLoopbackCluster(master)) {
      // `collapse cluster start` on this machine: the driver must be reachable on loopback too
      builder
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    builder.config("spark.ui.showConsoleProgress", "false");
    SweepKryoRegistrator.SPARK_CONF.forEach(builder::config);
    // The assembly reads one Parquet file per work part; above this many paths Spark lists them in
    // a Spark job whose results (Path[]) Kryo refuses under registrationRequired. The driver lists
    // them itself: a few thousand names is a moment's work.
    builder.config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1000000");
    // Spark's _SUCCESS marker would be the only non-Parquet file in generations/.
    builder.config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
    if (!isLocal(master) || master.startsWith("local-cluster")) {
      executorModuleFlags(
              ManagementFactory.getRuntimeMXBean().getInputArguments(),
              extraConf,
              System.getProperty(EXECUTOR_JAVA_OPTIONS))
          .ifPresent(flags -> builder.config(EXECUTOR_JAVA_OPTIONS, flags));
    }
    extraConf.forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    if (!extraConf.containsKey("spark.sql.shuffle.partitions")) {
      int cores = spark.sparkContext().defaultParallelism();
      spark
          .conf()
          .set(
              "spark.sql.shuffle.partitions",
              String.valueOf(Math.max(2, Math.min(200, 2 * cores))));
    }
    return spark;
  }

  /**
   * The module flags executors in their own JVMs should get: the driver's own {@code
   * --add-modules}, {@code --add-opens} and {@code --add-exports} (those of bin/jvm.flags, above
   * all the Vector API's {@code --add-modules=jdk.incubator.vector}; without it an executor runs
   * the scalar kernel twins: the same numbers, slower). Spark adds its own module list to whatever
   * is set. Nothing when the user set {@code spark.executor.extraJavaOptions} ({@code --conf} or
   * spark-submit) or the driver has no such flag.
   *
   * @param driverArguments the driver JVM's input arguments
   * @param extraConf the command line's {@code --conf}
   * @param systemSetting the system property spark-submit sets, or null
   */
  static Optional<String> executorModuleFlags(
      List<String> driverArguments, Map<String, String> extraConf, String systemSetting) {
    if (extraConf.containsKey(EXECUTOR_JAVA_OPTIONS) || systemSetting != null) {
      return Optional.empty();
    }
    List<String> flags =
        driverArguments.stream()
            .filter(
                a ->
                    a.startsWith("--add-modules=")
                        || a.startsWith("--add-opens=")
                        || a.startsWith("--add-exports="))
            .filter(a -> !a.equals("--add-modules=ALL-DEFAULT")) // the source launcher's own
            .toList();
    return flags.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", flags));
  }
}
