package org.edward4j.examples;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward gan}: Edward's GAN tutorial, see {@link GanExample}. */
@Command(name = "gan", mixinStandardHelpOptions = true,
    description = "Edward's GAN tutorial on MNIST: 4x4 sample grids every --print iterations, a loss curve.")
final class GanCommand extends ExampleCommand {

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "15000",
      description = "training iterations (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--print", paramLabel = "N", defaultValue = "1000",
      description = "iterations between progress reports and sample grids (default: ${DEFAULT-VALUE})")
  int print;

  @Mixin TutorialDataOptions data;
  @Mixin OutputOptions output;
  @Mixin CheckpointOptions checkpoints;

  @Override
  public Integer call() throws Exception {
    positive("--iterations", iterations);
    positive("--print", print);
    Path out = output.createOut();
    TrainingCheckpoints plan = checkpoints.plan(out, iterations, signal());
    GanExample.run(iterations, print, out, output.seed, null, plan, data.data());
    return 0;
  }
}
