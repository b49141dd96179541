package org.edward4j.examples;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward bigan}: ALI/BiGAN, see {@link BiganExample}. */
@Command(name = "bigan", mixinStandardHelpOptions = true,
    description = "ALI/BiGAN on MNIST: sample grids and data-vs-reconstruction grids (x -> E -> G).")
final class BiganCommand extends ExampleCommand {

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "20000",
      description = "training iterations; Edward's script runs 100000 (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--print", paramLabel = "N", defaultValue = "2000",
      description = "iterations between progress reports and pictures (default: ${DEFAULT-VALUE})")
  int print;

  @Option(names = "--binarize", arity = "0..1", paramLabel = "true|false", defaultValue = "false", fallbackValue = "true",
      description = "binarize the data stochastically, as Edward's script does (default: ${DEFAULT-VALUE})")
  boolean binarize;

  @Mixin OutputOptions output;
  @Mixin CheckpointOptions checkpoints;

  @Override
  public Integer call() throws Exception {
    positive("--iterations", iterations);
    positive("--print", print);
    Path out = output.createOut();
    TrainingCheckpoints plan = checkpoints.plan(out, iterations, signal());
    BiganExample.run(iterations, print, binarize, out, output.seed, plan);
    return 0;
  }
}
