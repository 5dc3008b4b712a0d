package org.collapsesim.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.collapsesim.io.AtomicOutput;
import org.collapsesim.io.FsPath;

/**
 * A started cluster, as kept in {@code DIR/cluster.json}: the master's URL and web UI, and every
 * process started, master first.
 *
 * @param masterUrl {@code spark://127.0.0.1:PORT}, for {@code collapse sweep --master}
 * @param masterWebUi the master's web UI ({@code /json/} gives its state)
 * @param processes the master and the workers
 */
public record ClusterState(String masterUrl, String masterWebUi, List<DaemonProcess> processes) {

  /** The state file's name in the cluster directory. */
  public static final String FILE = "cluster.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ClusterState {
    processes = List.copyOf(processes);
  }

  /** The workers, in start order. */
  public List<DaemonProcess> workers() {
    return processes.stream().filter(DaemonProcess::isWorker).toList();
  }

  /** The master. */
  public DaemonProcess master() {
    return processes.stream()
        .filter(p -> p.role().equals("master"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no master in " + processes));
  }

  /** Writes the state file (complete or not at all). */
  void write(Path dir) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(this);
    AtomicOutput.writeFile(FsPath.local(dir.resolve(FILE)), out -> out.write(bytes));
  }

  /** The state file in {@code dir}, or empty when there is none (no cluster started there). */
  public static Optional<ClusterState> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), ClusterState.class));
  }
}
