package org.edward4j.examples.montecarlo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the script ports' commands in this JVM: parsed flags for a run, or a bad command line. */
final class ScriptRuns {

  private ScriptRuns() {}

  /** What a rejected command line returned and printed on standard error. */
  record Rejected(int code, String err) {}

  /**
   * Parses {@code args} (plus {@code --out dir}) into {@code command} and checks them as {@code call()}
   * would, so a test can call the example's {@code run} itself and read its result.
   */
  static <C> C parse(C command, Path out, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--out");
    all.add(out.toString());
    new CommandLine(command).parseArgs(all.toArray(String[]::new));
    return command;
  }

  /** Executes a command line expected to fail before any work. */
  static Rejected execute(Object command, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Rejected(code, err.toString());
  }
}
