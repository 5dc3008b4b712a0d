package org.collapsesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The module flags a session hands to executors that run in their own JVMs. */
class SparkSessionsTest {

  private static final List<String> DRIVER =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "--add-modules=jdk.incubator.vector",
          "--add-modules=ALL-DEFAULT",
          "-Xmx4g");

  @Test
  void executorsGetTheDriversModuleFlagsAndNothingElse() {
    assertEquals(
        Optional.of(
            "--add-opens=java.base/java.nio=ALL-UNNAMED --add-modules=jdk.incubator.vector"),
        SparkSessions.executorModuleFlags(DRIVER, Map.of(), null));
  }

  @Test
  void theUsersSettingWins() {
    assertTrue(
        SparkSessions.executorModuleFlags(
                DRIVER, Map.of(SparkSessions.EXECUTOR_JAVA_OPTIONS, "-Xss4m"), null)
            .isEmpty());
    assertTrue(SparkSessions.executorModuleFlags(DRIVER, Map.of(), "-Xss4m").isEmpty());
  }

  @Test
  void aDriverWithoutModuleFlagsSetsNothing() {
    assertTrue(SparkSessions.executorModuleFlags(List.of("-Xmx1g"), Map.of(), null).isEmpty());
  }
}
