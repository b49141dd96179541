package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.edward4j.core.io.WritableDirectories;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --out} and {@code --seed}, which every example takes. */
public final class OutputOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(names = "--out", paramLabel = "DIR",
      description = "directory for pictures, checkpoints and reports (default: out/<command>)")
  private Path out;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "graph seed: the same seed gives the same numbers (default: ${DEFAULT-VALUE})")
  long seed;

  /** The graph seed given by {@code --seed}. */
  public long seed() {
    return seed;
  }

  /** The output directory: {@code --out}, else {@code out/<command>}. */
  public Path out() {
    return out != null ? out : Path.of("out", mixee.name());
  }

  /**
   * Creates the output directory, or fails as a usage error saying why in one sentence.
   *
   * @return the directory
   */
  public Path createOut() {
    return createOut(mixee.name());
  }

  /**
   * As {@link #createOut()}, with {@code out/<name>} as the default directory (a variant of a
   * command that must not overwrite the command's own runs, e.g. {@code bigan --recipe paper}).
   *
   * @param name the default directory's name under {@code out}
   * @return the directory
   */
  public Path createOut(String name) {
    try {
      return WritableDirectories.create(out != null ? out : Path.of("out", name), "output directory (--out)");
    } catch (IOException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }
}
