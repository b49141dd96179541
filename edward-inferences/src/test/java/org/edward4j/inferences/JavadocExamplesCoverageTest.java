package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code <pre>{@code ...}</pre>} example in this module's Javadoc appears, line for line, in
 * one of this module's tests, where it is compiled (and run) between {@code // --- Name} markers.
 * An example that calls a method that does not exist therefore fails the build.
 */
class JavadocExamplesCoverageTest {

  private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\}</pre>", Pattern.DOTALL);

  /** Trimmed non-blank lines with blanks collapsed, Javadoc's leading {@code *} removed. */
  private static List<String> lines(String text, boolean javadoc) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String l = javadoc ? line.replaceFirst("^\\s*\\* ?", "") : line;
      l = l.replace("&#64;", "@").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
      l = l.trim().replaceAll("\\s+", " ");
      if (!l.isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> javaFiles(String root) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of(root))) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everyJavadocExampleIsCompiledByATest() throws IOException {
    String tests = javaFiles("src/test/java").stream()
        .map(p -> String.join("\n", lines(read(p), false)))
        .collect(Collectors.joining("\n"));
    List<String> missing = new ArrayList<>();
    int examples = 0;
    for (Path source : javaFiles("src/main/java")) {
      Matcher m = EXAMPLE.matcher(read(source));
      while (m.find()) {
        examples++;
        String example = String.join("\n", lines(m.group(1), true));
        if (!tests.contains(example)) {
          missing.add(source.getFileName() + ":\n" + example);
        }
      }
    }
    assertFalse(examples < 20, "found only " + examples + " examples: is the working directory the module?");
    assertTrue(missing.isEmpty(), "Javadoc examples no test compiles:\n\n" + String.join("\n\n", missing));
  }
}
