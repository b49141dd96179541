package org.edward4j.examples;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top of {@code bin/edward}: its subcommands, {@code --verbose}, and the run's stop signal. */
@Command(name = "edward", mixinStandardHelpOptions = true, version = "edward4j 0.1.0",
    description = "Edward's examples on TensorFlow Java: train, measure, invert and benchmark on MNIST.",
    subcommands = {GanCommand.class, DcganCommand.class, BiganCommand.class, WganCommand.class, SbnCommand.class,
        VaeCommand.class, QualityCommand.class, ResultsCommand.class, InvertCommand.class, BenchCommand.class, SparkCommand.class,
        org.edward4j.examples.variational.LstmCommand.class,
        org.edward4j.examples.variational.SigmoidBeliefNetworkCommand.class,
    },
    footer = {"", "`bin/edward <command> --help` lists a command's flags.",
        "Shell completion: source <(bin/edward completion)"})
final class EdwardCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "on failure, print the stack trace after the one-line message")
  boolean verbose;

  private final ShutdownSignal signal;

  EdwardCommand(ShutdownSignal signal) {
    this.signal = signal;
  }

  /** The stop signal of this run. */
  ShutdownSignal signal() {
    return signal;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
