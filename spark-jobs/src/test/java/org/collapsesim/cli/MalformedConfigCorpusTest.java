package org.collapsesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The corpus of hostile and broken configs in {@code src/test/resources/malformed-configs}: wrong
 * types, out-of-range values, unknown and misspelt keys, YAML bombs and tags, duplicate keys,
 * sweeps too large for the heap or the output limit, truth files that are missing, directories,
 * empty, negative, non-numeric or not UTF-8, schedules that exceed 1. Each file's first line says
 * where the problem is and how its message starts ({@code # expect: KEY.PATH | message start}).
 * Every one is refused by {@code validate}, {@code run} and {@code sweep} with exit 2, the key path
 * and the message, no stack trace, nothing written, and no content of a truth file echoed.
 */
class MalformedConfigCorpusTest {

  private static final String SECRET = "secret-token-abc"; // a line of data/words.txt

  @TempDir Path tmp;

  record Expected(String path, String message) {}

  static Path corpus() throws URISyntaxException {
    return Path.of(MalformedConfigCorpusTest.class.getResource("/malformed-configs").toURI());
  }

  static Stream<Path> configs() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(corpus())) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  static Expected expected(Path config) throws IOException {
    String first = Files.readAllLines(config, StandardCharsets.UTF_8).get(0);
    assertTrue(first.startsWith("# expect: "), config + " starts with # expect: PATH | MESSAGE");
    String[] parts = first.substring("# expect: ".length()).split(" \\| ", 2);
    return new Expected(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CollapseCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), err.toString(), out.toString()};
  }

  @Test
  void theCorpusHoldsAtLeastSixtyConfigs() throws Exception {
    assertTrue(configs().count() >= 60, "corpus size " + configs().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void everyCommandRefusesItWithTheKeyPathAndWritesNothing(Path config) throws Exception {
    Expected expected = expected(config);
    Path out = tmp.resolve("out");
    for (String[] args :
        List.of(
            new String[] {"validate", config.toString()},
            new String[] {"run", config.toString(), "--out", out.toString()},
            new String[] {"sweep", config.toString(), "--out", out.toString()})) {
      String[] r = run(args);
      String what = args[0] + " " + config.getFileName() + ":\n" + r[1];
      assertEquals("2", r[0], what);
      boolean found =
          r[1].lines()
              .map(String::strip)
              .anyMatch(
                  l -> l.startsWith(expected.path()) && l.contains(": " + expected.message()));
      assertTrue(found, "expected a problem at " + expected + " in\n" + what);
      assertFalse(r[1].contains("\tat ") || r[1].contains("Exception:"), "a stack trace: " + what);
      assertFalse(r[1].contains(SECRET), "a truth file's content echoed: " + what);
      assertFalse(Files.exists(out), "something written: " + what);
    }
  }
}
