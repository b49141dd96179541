package org.edward4j.examples;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/edward bench}: benchmarks, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCommand.Gan.class,
    description = "Benchmarks: `bench gan` compares GANInference.update with a raw TF Java loop.")
final class BenchCommand extends ExampleCommand {

  @Override
  public Integer call() {
    throw usage("name a benchmark: gan");
  }

  /** {@code bin/edward bench gan}: see {@link GanBenchmark}. */
  @Command(name = "gan", mixinStandardHelpOptions = true,
      description = "Steps/s of GANInference.update against a hand-written raw TF Java loop on the GAN tutorial's graph.")
  static final class Gan extends ExampleCommand {

    @Option(names = "--steps", paramLabel = "N", defaultValue = "500",
        description = "update steps per round (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "7",
        description = "rounds per loop, alternating (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "300",
        description = "steps of each loop before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "graph seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
      GanBenchmark.run(positive("--steps", steps), positive("--rounds", rounds), positive("--warmup", warmup), seed);
      return 0;
    }
  }
}
