package org.edward4j.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.edward4j.core.io.WritableDirectories;
import picocli.CommandLine;
import picocli.AutoComplete;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.ParseResult;

/**
 * The entry point of {@code bin/edward}: runs one example, benchmark or report by name, with
 * picocli's typed flags, generated help and shell completion.
 *
 * <p>Every failure is one line on standard error, {@code edward <command>: <what went wrong>},
 * and a non-zero exit code: 2 for a bad command line (a flag value checked before any work), 1 for
 * a failure while running, 130 for a training run stopped by SIGINT or SIGTERM (after saving a
 * checkpoint). {@code --verbose} adds the stack trace.
 *
 * <pre>
 * bin/edward gan [--iterations N] [--out DIR] [--seed S]
 * bin/edward &lt;command&gt; --help
 * </pre>
 */
public final class Main {

  /** Exit code of a bad command line. */
  static final int USAGE = 2;
  /** Exit code of a failure while running. */
  static final int FAILURE = 1;
  /** Exit code of a training run stopped by a signal, as a shell reports one (128 + SIGINT). */
  static final int STOPPED = 130;

  private Main() {}

  /**
   * Runs the command named by the first argument with the rest, then exits with its code.
   *
   * @param args the command and its flags
   */
  public static void main(String[] args) {
    ShutdownSignal signal = ShutdownSignal.install();
    int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), signal, args);
    signal.release();
    if (!signal.stopRequested()) {
      // During a shutdown System.exit would block; returning lets the JVM finish exiting.
      System.exit(code);
    }
  }

  /**
   * Runs a command line in this JVM, writing to the given streams: what {@link #main} does
   * without exiting, for tests.
   *
   * @param out standard output for help and version text
   * @param err standard error for the one-line failure messages
   * @param signal the stop signal the training loops obey
   * @param args the command and its flags
   * @return the exit code
   */
  static int run(PrintWriter out, PrintWriter err, ShutdownSignal signal, String... args) {
    CommandLine cl = commandLine(signal);
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  /** The command tree with its converters and one-line error handlers. */
  static CommandLine commandLine(ShutdownSignal signal) {
    CommandLine cl = new CommandLine(new EdwardCommand(signal));
    cl.registerConverter(Path.class, Main::path);
    cl.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    cl.setCaseInsensitiveEnumValuesAllowed(false);
    cl.setParameterExceptionHandler(Main::usageError);
    cl.setExecutionExceptionHandler((e, command, parsed) -> failure(e, command, parsed));
    return cl;
  }

  /**
   * The arguments of a command: {@code command} followed by {@code argv}.
   *
   * @param command a command name
   * @param argv its flags
   * @return the full command line
   */
  static String[] withCommand(String command, String[] argv) {
    String[] all = new String[argv.length + 1];
    all[0] = command;
    System.arraycopy(argv, 0, all, 1, argv.length);
    return all;
  }

  private static Path path(String value) {
    if (value.isBlank()) {
      throw new CommandLine.TypeConversionException("expected a path, got an empty value");
    }
    try {
      return Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new CommandLine.TypeConversionException("`" + value + "` is not a valid path: " + e.getReason());
    }
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName(" ");
    err.println(name + ": " + oneLine(booleanValue(e, args).orElse(e.getMessage())) + " (see `bin/" + name + " --help`)");
    if (verbose(command.getParseResult())) {
      e.printStackTrace(err);
    }
    err.flush();
    return USAGE;
  }

  /**
   * A flag that takes {@code true} or {@code false} but may stand alone ({@code --reweighted})
   * leaves any other word unmatched; say what the word was meant for.
   */
  private static Optional<String> booleanValue(ParameterException e, String[] args) {
    if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
      return Optional.empty();
    }
    String word = unmatched.getUnmatched().get(0);
    int at = Arrays.asList(args).indexOf(word);
    if (at < 1) {
      return Optional.empty();
    }
    OptionSpec option = e.getCommandLine().getCommandSpec().findOption(args[at - 1]);
    if (option == null || option.type() != boolean.class || option.arity().max() != 1) {
      return Optional.empty();
    }
    return Optional.of(option.longestName() + " takes true or false (or nothing, meaning true), got '" + word + "'");
  }

  private static int failure(Exception e, CommandLine command, ParseResult parsed) {
    String name = command.getCommandSpec().qualifiedName(" ");
    if (e instanceof TrainingStopped stopped) {
      command.getErr().println(name + ": " + stopped.getMessage());
      command.getErr().flush();
      return STOPPED;
    }
    PrintWriter err = command.getErr();
    boolean verbose = verbose(parsed);
    err.println(name + ": " + describe(e) + (verbose ? "" : " (--verbose shows the stack trace)"));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return FAILURE;
  }

  /** Whether {@code --verbose} was given at any level of the command line. */
  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** One line saying what went wrong, without Java's class names where the message says it. */
  static String describe(Throwable e) {
    Throwable t = e;
    while ((t instanceof UncheckedIOException || t.getMessage() == null) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof FileSystemException fse) {
      // java.nio's messages are only the path; say what happened to it.
      return fse.getFile() + (fse.getOtherFile() == null ? "" : " -> " + fse.getOtherFile()) + ": "
          + WritableDirectories.reason(fse);
    }
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    boolean ours = t.getClass().getPackageName().startsWith("org.edward4j") || t instanceof IOException
        || t instanceof IllegalArgumentException || t instanceof IllegalStateException;
    return oneLine(ours ? message : t.getClass().getSimpleName() + ": " + message);
  }

  private static String oneLine(String message) {
    return Arrays.stream(message.strip().split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
        .reduce((a, b) -> a + "; " + b).orElse("");
  }
}
