package org.edward4j.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A subcommand of {@code bin/edward}: checks every flag value before any work (a bad value is a
 * usage error naming the flag, the rule and the value), then runs.
 */
public abstract class ExampleCommand implements Callable<Integer> {

  /** Picocli's model of this command, injected. */
  @Spec
  protected CommandSpec spec;

  /** The stop signal of the run; none when the command runs outside {@code bin/edward}. */
  protected ShutdownSignal signal() {
    Object root = spec.root().userObject();
    return root instanceof EdwardCommand edward ? edward.signal() : ShutdownSignal.none();
  }

  /**
   * Rejects a value below 1.
   *
   * @param flag the flag, e.g. {@code "--iterations"}
   * @param value its value
   * @return {@code value}
   */
  protected int positive(String flag, int value) {
    if (value < 1) {
      throw usage(flag + " must be at least 1, got " + value);
    }
    return value;
  }

  /**
   * Rejects a negative value.
   *
   * @param flag the flag
   * @param value its value
   * @return {@code value}
   */
  protected int nonNegative(String flag, int value) {
    if (value < 0) {
      throw usage(flag + " must be 0 or more, got " + value);
    }
    return value;
  }

  /**
   * Rejects a value that is not a finite number above 0 (or at least 0 when {@code zeroAllowed}).
   *
   * @param flag the flag
   * @param value its value
   * @param zeroAllowed whether 0 is allowed
   * @return {@code value}
   */
  protected double positive(String flag, double value, boolean zeroAllowed) {
    if (!Double.isFinite(value) || value < 0 || (value == 0 && !zeroAllowed)) {
      throw usage(flag + " must be a finite number " + (zeroAllowed ? "of at least 0" : "above 0") + ", got " + value);
    }
    return value;
  }

  /**
   * A usage error of this command.
   *
   * @param message one sentence naming the flag
   * @return the exception to throw
   */
  protected ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
