package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The porting guide's "Writing your own inference" shows the class that {@code bin/edward iwvi}
 * trains: every code line of its Java block (but the imports and the class line, which JShell
 * needs without {@code public}) appears in {@link Iwvi}'s source, so what the guide shows is what
 * {@code IwviExampleTest} trains. {@code DocsSnippetsTest} compiles the block itself.
 */
class IwviPortingGuideTest {

  @Test
  void guideShowsTheTrainedClass() throws IOException {
    String guide = Files.readString(Path.of("../docs/PORTING.md"));
    int section = guide.indexOf("## Writing your own inference");
    assertTrue(section >= 0, "the porting guide has the section");
    int start = guide.indexOf("```java\n", section) + "```java\n".length();
    String block = guide.substring(start, guide.indexOf("```", start));
    String source = Files.readString(Path.of("src/main/java/org/edward4j/examples/variational/Iwvi.java"));
    List<String> sourceLines = source.lines().map(String::trim).toList();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String line : block.lines().map(String::trim).toList()) {
      if (line.isEmpty() || line.startsWith("import ") || line.startsWith("class Iwvi ")) {
        continue;
      }
      checked++;
      if (!sourceLines.contains(line)) {
        missing.add(line);
      }
    }
    assertTrue(checked > 40, "the block holds the class, got " + checked + " lines");
    assertTrue(missing.isEmpty(), "lines of the guide's Iwvi not in Iwvi.java: " + missing);
  }
}
