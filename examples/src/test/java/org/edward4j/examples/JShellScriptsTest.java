package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shipped JShell scripts through the real {@code jdk.jshell} engine, with the start-up
 * script that {@code bin/jshell} loads, so the interactive path cannot rot: every snippet must
 * compile and run without an exception, and the output must show what the script promises.
 */
class JShellScriptsTest {

  private static final Path SCRIPTS = Path.of("jshell");

  @Test
  void randomVariableTourRunsAndPrintsReadableResults() throws IOException {
    String out = run(List.of(SCRIPTS.resolve("startup.jsh"), SCRIPTS.resolve("tour.jsh")));
    assertTrue(out.contains("Normal(name=model/Normal, sample=[3], batch=[], event=[]"), out);
    // KL(N(1, 2) || N(0, 1)) = log(1/2) + (4 + 1) / 2 - 1/2 = 1.3069
    assertTrue(out.contains("KL(q || p) = TensorValue[] [1.30685"), out);
    assertTrue(out.contains("Variable(Gen/w, float32 [2, 2], trainable) = TensorValue[2, 2] [0.5, 0.5, 0.5, 0.5]"), out);
  }

  @Test
  void ganTutorialScriptTrainsAndWritesPictures(@TempDir Path dir) throws IOException {
    // Read as it is (mnist.dir): through Mnist.load() the tiny files would fail MNIST's checksums.
    Path mnistDir = dir.resolve("mnist");
    TinyMnist.write(mnistDir, 256, 64);
    Path pictures = dir.resolve("pictures");
    String[] keys = {"mnist.dir", "iterations", "print", "out"};
    String[] old = new String[keys.length];
    String[] values = {mnistDir.toString(), "12", "5", pictures.toString()};
    for (int i = 0; i < keys.length; i++) {
      old[i] = System.getProperty(keys[i]);
      System.setProperty(keys[i], values[i]);
    }
    try {
      String out = run(List.of(SCRIPTS.resolve("startup.jsh"), SCRIPTS.resolve("gan.jsh")));
      assertTrue(out.contains("12/12"), out);
      assertTrue(out.contains("Gen Loss") && out.contains("Disc Loss"), out);
    } finally {
      for (int i = 0; i < keys.length; i++) {
        if (old[i] == null) {
          System.clearProperty(keys[i]);
        } else {
          System.setProperty(keys[i], old[i]);
        }
      }
    }
    // Pictures at t = 0, 5, 10 and the final one.
    for (String name : List.of("000.png", "001.png", "002.png", "final.png")) {
      assertTrue(Files.size(pictures.resolve(name)) > 100, name);
    }
  }

  /** Evaluates the scripts' snippets in one local JShell, failing on any rejected snippet or exception. */
  private static String run(List<Path> scripts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    // The local engine runs snippets in this JVM, where they print to System.out itself.
    PrintStream stdout = System.out;
    System.setOut(out);
    try (JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
      for (Path script : scripts) {
        for (String source : snippets(shell, Files.readString(script))) {
          for (SnippetEvent e : shell.eval(source)) {
            if (e.exception() != null) {
              fail(script + ": `" + source.strip() + "` threw " + e.exception() + "\noutput so far:\n" + bytes);
            }
            if (e.status() == Snippet.Status.REJECTED) {
              String diagnostics = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
              fail(script + ": `" + source.strip() + "` was rejected: " + diagnostics);
            }
          }
        }
      }
    } finally {
      System.setOut(stdout);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Splits a script into complete snippets, skipping JShell commands such as {@code /exit}. */
  private static List<String> snippets(JShell shell, String script) {
    List<String> out = new ArrayList<>();
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = script;
    while (!remaining.isBlank()) {
      String trimmed = remaining.stripLeading();
      if (trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.startsWith("/*")) {
        int eol = trimmed.indexOf('\n');
        remaining = eol < 0 ? "" : trimmed.substring(eol + 1);
        continue;
      }
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      if (!info.completeness().isComplete()) {
        fail("incomplete snippet at: " + remaining.substring(0, Math.min(200, remaining.length())));
      }
      out.add(info.source());
      remaining = info.remaining();
    }
    return out;
  }
}
