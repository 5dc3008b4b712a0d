package org.collapsesim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local paths keep their name whether or not they exist (an existing directory's URI ends in /).
 */
class FsPathTest {

  @TempDir Path tmp;

  @Test
  void aLocalDirectoryHasItsNameAndParentWhetherOrNotItExists() throws Exception {
    Path dir = tmp.resolve("figures");
    FsPath before = FsPath.local(dir);
    Files.createDirectory(dir);
    FsPath after = FsPath.local(dir);
    for (FsPath p : new FsPath[] {before, after}) {
      assertEquals("figures", p.name());
      assertEquals(tmp.getFileName().toString(), p.parent().name());
      assertEquals(dir.resolve("x.svg").toFile(), p.resolve("x.svg").localFile());
    }
    assertEquals(before, after);
  }
}
