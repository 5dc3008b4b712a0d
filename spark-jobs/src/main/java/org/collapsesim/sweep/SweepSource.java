package org.collapsesim.sweep;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.collapsesim.config.ConfigException;
import org.collapsesim.config.ConfigLoader;
import org.collapsesim.config.SweepConfig;
import org.collapsesim.engine.Families;

/**
 * What executors need to rebuild the sweep's {@link SweepConfig}: the config text, its directory
 * and the {@code --set} overrides. {@code SweepConfig} itself is not serializable; executors parse
 * this once per JVM ({@link ExecutorContext}) and check that the result has the driver's hash.
 *
 * @param yamlText the config file's text
 * @param baseDir the config file's directory (files named in the config are relative to it), or
 *     null
 * @param sets the {@code --set} overrides, in order
 * @param configHash the hash of the config the driver resolved
 */
public record SweepSource(String yamlText, String baseDir, List<String> sets, String configHash)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public SweepSource {
    sets = List.copyOf(sets);
  }

  /**
   * Parses the config.
   *
   * @throws IllegalStateException if it no longer parses or resolves to another hash (the config's
   *     files changed under a running sweep)
   */
  public SweepConfig load() {
    SweepConfig config;
    try {
      config =
          ConfigLoader.parse(
              Families.catalogue(), yamlText, baseDir == null ? null : Path.of(baseDir), sets);
    } catch (ConfigException e) {
      throw new IllegalStateException(
          "the sweep's config no longer parses on this executor:\n" + e.getMessage(), e);
    }
    if (!config.configHash().equals(configHash)) {
      throw new IllegalStateException(
          "the sweep's config resolves to hash "
              + config.configHash()
              + " on this executor, the driver resolved "
              + configHash
              + " (did a file named in the config change?)");
    }
    return config;
  }
}
