package org.edward4j.examples;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward wgan}: WGAN-GP, see {@link WganExample}. */
@Command(name = "wgan", mixinStandardHelpOptions = true,
    description = "WGAN-GP on MNIST (--data mnist) or on a 2-D mixture of 8 Gaussians (--data mixture, scatter plots).")
final class WganCommand extends ExampleCommand {

  /** The data sets the example trains on. */
  enum Data { mnist, mixture }

  @Option(names = "--data", paramLabel = "mnist|mixture", defaultValue = "mnist",
      description = "data: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Data data;

  @Option(names = "--iterations", paramLabel = "N",
      description = "generator iterations (default: 15000 for mnist, 3000 for mixture)")
  Integer iterations;

  @Option(names = "--print", paramLabel = "N",
      description = "iterations between progress reports and pictures (default: iterations / 15)")
  Integer print;

  @Option(names = "--critic", paramLabel = "N", defaultValue = "5",
      description = "critic updates per generator update (default: ${DEFAULT-VALUE})")
  int critic;

  @Option(names = "--lr", paramLabel = "RATE",
      description = "Adam learning rate (default: 1e-4 for mnist, as in the paper; 5e-4 for mixture)")
  Double lr;

  @Mixin OutputOptions output;
  @Mixin CheckpointOptions checkpoints;

  @Override
  public Integer call() throws Exception {
    boolean mnist = data == Data.mnist;
    int nIter = iterations == null ? (mnist ? 15000 : 3000) : positive("--iterations", iterations);
    int nPrint = print == null ? Math.max(1, nIter / 15) : positive("--print", print);
    positive("--critic", critic);
    double rate = lr == null ? (mnist ? 1e-4 : 5e-4) : positive("--lr", lr, false);
    Path out = output.createOut();
    TrainingCheckpoints plan = checkpoints.plan(out, nIter, signal());
    WganExample.run(mnist, nIter, nPrint, critic, rate, out, output.seed, null, plan);
    return 0;
  }
}
