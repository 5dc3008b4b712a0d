package org.collapsesim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a standalone master reports on its web UI's {@code /json/} endpoint: its URL and state, the
 * workers it knows and the applications running.
 *
 * @param url the master's {@code spark://} URL
 * @param status {@code ALIVE} for a working master
 * @param workers every worker the master knows, alive or dead
 * @param activeApps the ids of the applications running
 */
public record MasterStatus(
    String url, String status, List<Worker> workers, List<String> activeApps) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * One worker as the master sees it.
   *
   * @param id the worker's id ({@code worker-<time>-<host>-<port>})
   * @param host its host
   * @param port its RPC port
   * @param state {@code ALIVE}, {@code DEAD}...
   * @param cores cores offered
   * @param coresUsed cores taken by executors
   * @param memoryMb memory offered, MiB
   */
  public record Worker(
      String id, String host, int port, String state, int cores, int coresUsed, int memoryMb) {}

  public MasterStatus {
    workers = List.copyOf(workers);
    activeApps = List.copyOf(activeApps);
  }

  /** The workers in state ALIVE. */
  public List<Worker> aliveWorkers() {
    return workers.stream().filter(w -> w.state().equals("ALIVE")).toList();
  }

  /** Asks the master whose web UI is {@code webUi} ({@code http://127.0.0.1:PORT}). */
  public static MasterStatus query(String webUi) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(webUi + "/json/")).timeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(webUi + "/json/ answered HTTP " + response.statusCode());
    }
    return parse(JSON.readTree(response.body()));
  }

  static MasterStatus parse(JsonNode root) {
    List<Worker> workers = new ArrayList<>();
    for (JsonNode w : root.path("workers")) {
      workers.add(
          new Worker(
              w.path("id").asText(),
              w.path("host").asText(),
              w.path("port").asInt(),
              w.path("state").asText(),
              w.path("cores").asInt(),
              w.path("coresused").asInt(),
              w.path("memory").asInt()));
    }
    List<String> apps = new ArrayList<>();
    for (JsonNode a : root.path("activeapps")) {
      apps.add(a.path("id").asText());
    }
    return new MasterStatus(root.path("url").asText(), root.path("status").asText(), workers, apps);
  }
}
