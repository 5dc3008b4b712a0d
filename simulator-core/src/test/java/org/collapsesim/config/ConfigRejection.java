package org.collapsesim.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapsesim.engine.Families;

/** Test support: a config refused with a problem at a key path whose message says what. */
final class ConfigRejection {

  private ConfigRejection() {}

  /**
   * Asserts that {@code yaml} is refused with a problem at {@code path} whose message contains
   * {@code messagePart}.
   */
  static void assertRejectedAt(String what, String yaml, String path, String messagePart) {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.parse(Families.catalogue(), yaml, null, List.of()),
            () -> what + ": accepted\n" + yaml);
    assertTrue(
        e.problems().stream()
            .anyMatch(p -> p.path().equals(path) && p.message().contains(messagePart)),
        () -> what + ": expected " + path + ": ..." + messagePart + "..., got\n" + e.getMessage());
  }
}
