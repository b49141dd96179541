package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles every {@code java} block of the README and the porting guide, with the imports of the
 * JShell start-up script, so the documentation's examples cannot drift from the API. Declarations
 * (methods, types) are compiled as they are; statements are compiled inside a method, so nothing
 * runs (no data is fetched, no model trained).
 */
class DocsSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @ParameterizedTest
  @ValueSource(strings = {"../README.md", "../docs/PORTING.md"})
  void everyJavaBlockCompiles(String doc) throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(Files.readString(Path.of(doc)));
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertFalse(blocks.isEmpty(), doc + " has no java block");
    String imports = Files.readString(Path.of("jshell/startup.jsh"));
    for (int i = 0; i < blocks.size(); i++) {
      try (JShell shell = JShell.builder().executionEngine("local").build()) {
        compile(shell, imports, doc + " (imports)");
        StringBuilder body = new StringBuilder();
        for (String source : split(shell, blocks.get(i))) {
          Snippet.Kind kind = shell.sourceCodeAnalysis().sourceToSnippets(source).get(0).kind();
          if (kind == Snippet.Kind.METHOD || kind == Snippet.Kind.TYPE_DECL || kind == Snippet.Kind.IMPORT) {
            compile(shell, source, doc + " block " + (i + 1));
          } else {
            body.append(source).append('\n');
          }
        }
        if (body.length() > 0) {
          compile(shell, "void docBlock() throws Exception {\n" + body + "}\n", doc + " block " + (i + 1));
        }
      }
    }
  }

  private static void compile(JShell shell, String source, String where) {
    for (String snippet : split(shell, source)) {
      for (SnippetEvent e : shell.eval(snippet)) {
        List<String> errors = shell.diagnostics(e.snippet()).filter(Diag::isError)
            .map(d -> d.getMessage(null)).collect(Collectors.toList());
        if (e.status() != Snippet.Status.VALID || !errors.isEmpty()) {
          List<String> unresolved = e.snippet() instanceof jdk.jshell.DeclarationSnippet ds
              ? shell.unresolvedDependencies(ds).collect(Collectors.toList()) : List.of();
          fail(where + " does not compile (" + e.status() + "): " + errors + " unresolved " + unresolved
              + "\n" + snippet);
        }
      }
    }
  }

  /** Complete snippets of a piece of source. */
  private static List<String> split(JShell shell, String source) {
    List<String> out = new ArrayList<>();
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = source;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      if (!info.completeness().isComplete()) {
        fail("incomplete code: " + remaining);
      }
      out.add(info.source());
      remaining = info.remaining();
    }
    return out;
  }
}
