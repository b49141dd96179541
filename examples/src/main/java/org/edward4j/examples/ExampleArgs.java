package org.edward4j.examples;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Command-line flags of an example: {@code --name value} or {@code --name=value}, each with a
 * default and a one-line description, so every example shares one syntax and one usage text.
 *
 * <pre>{@code
 * ExampleArgs args = ExampleArgs.define("gan", "Edward's GAN tutorial on MNIST")
 *     .flag("iterations", "15000", "training iterations")
 *     .parse(argv);
 * int n = args.getInt("iterations");
 * }</pre>
 */
public final class ExampleArgs {

  /** Thrown for a bad command line; the message includes the usage text. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private record Flag(String defaultValue, String help) {}

  private final String command;
  private final String summary;
  private final Map<String, Flag> flags = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();
  private boolean help;

  private ExampleArgs(String command, String summary) {
    this.command = command;
    this.summary = summary;
  }

  /**
   * Starts a definition with the flags every example takes: {@code --out} and {@code --seed}.
   *
   * @param command the example's name
   * @param summary one line saying what it does
   * @return the definition
   */
  public static ExampleArgs define(String command, String summary) {
    return new ExampleArgs(command, summary)
        .flag("out", "out/" + command, "directory for pictures, checkpoints and reports")
        .flag("seed", "42", "graph seed (same seed, same numbers)");
  }

  /**
   * Adds a flag.
   *
   * @param name the flag without dashes
   * @param defaultValue its default
   * @param help one line of help
   * @return this
   */
  public ExampleArgs flag(String name, String defaultValue, String help) {
    flags.put(name, new Flag(defaultValue, help));
    return this;
  }

  /**
   * Parses a command line.
   *
   * @param argv the arguments after the example's name
   * @return this, with values set
   * @throws UsageException for an unknown flag or a missing value
   */
  public ExampleArgs parse(String... argv) {
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("--help") || a.equals("-h")) {
        help = true;
        continue;
      }
      if (!a.startsWith("--")) {
        throw new UsageException("unexpected argument `" + a + "`\n" + usage());
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!flags.containsKey(name)) {
        throw new UsageException("unknown flag --" + name + "\n" + usage());
      }
      if (value == null) {
        if (i + 1 >= argv.length) {
          throw new UsageException("flag --" + name + " needs a value\n" + usage());
        }
        value = argv[++i];
      }
      values.put(name, value);
    }
    return this;
  }

  /**
   * Whether {@code --help} was given.
   *
   * @return whether {@code --help} was given
   */
  public boolean helpRequested() {
    return help;
  }

  /**
   * The value of a flag as text.
   *
   * @param name the flag, without dashes
   * @return its value, or its default
   */
  public String get(String name) {
    Flag f = flags.get(name);
    Objects.requireNonNull(f, () -> "no flag --" + name);
    return values.getOrDefault(name, f.defaultValue());
  }

  /**
   * The value of a flag as an int, rejecting anything else with the usage text.
   *
   * @param name the flag, without dashes
   * @return its value, or its default
   */
  public int getInt(String name) {
    try {
      return Integer.parseInt(get(name).trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be an integer, got `" + get(name) + "`\n" + usage());
    }
  }

  /**
   * The value of a flag as a positive int.
   *
   * @param name the flag, without dashes
   * @return its value, or its default
   */
  public int getPositiveInt(String name) {
    int v = getInt(name);
    if (v < 1) {
      throw new UsageException("--" + name + " must be at least 1, got " + v + "\n" + usage());
    }
    return v;
  }

  /**
   * The value of a flag as a long.
   *
   * @param name the flag, without dashes
   * @return its value, or its default
   */
  public long getLong(String name) {
    try {
      return Long.parseLong(get(name).trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be an integer, got `" + get(name) + "`\n" + usage());
    }
  }

  /**
   * The value of a flag as a double.
   *
   * @param name the flag, without dashes
   * @return its value, or its default
   */
  public double getDouble(String name) {
    try {
      return Double.parseDouble(get(name).trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number, got `" + get(name) + "`\n" + usage());
    }
  }

  /**
   * The value of a flag as a path; empty means none.
   *
   * @param name the flag, without dashes
   * @return its value, or its default
   */
  public Path getPath(String name) {
    String v = get(name);
    return v == null || v.isEmpty() ? null : Path.of(v);
  }

  /**
   * The usage text.
   *
   * @return the usage text
   */
  public String usage() {
    StringBuilder sb = new StringBuilder("usage: bin/edward ").append(command).append(" [flags]\n  ").append(summary).append('\n');
    flags.forEach((n, f) -> sb.append(String.format("  --%-14s %s (default: %s)%n", n, f.help(), f.defaultValue().isEmpty() ? "none" : f.defaultValue())));
    return sb.toString();
  }
}
