package org.edward4j.examples;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward dcgan}: a convolutional GAN, see {@link DcganExample}. */
@Command(name = "dcgan", mixinStandardHelpOptions = true,
    description = "A convolutional GAN (DCGAN, TF-GAN's MNIST networks) on MNIST: sample grids every --print"
        + " iterations, checkpoints; `quality dcgan` measures it.")
final class DcganCommand extends ExampleCommand {

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "12000",
      description = "training iterations, one discriminator and one generator update each (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--print", paramLabel = "N", defaultValue = "500",
      description = "iterations between progress reports and sample grids (default: ${DEFAULT-VALUE})")
  int print;

  @Option(names = "--batch", paramLabel = "M", defaultValue = "64",
      description = "images per update (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--noise", paramLabel = "D", defaultValue = "64",
      description = "the code's width (default: ${DEFAULT-VALUE})")
  int noise;

  @Option(names = "--width", paramLabel = "W", defaultValue = "0.5",
      description = "channel multiplier: 1.0 is TF-GAN's 64/128 channels; 0.5 trains 3x faster on a CPU (default: ${DEFAULT-VALUE})")
  double width;

  @Option(names = "--lr-gen", paramLabel = "RATE", defaultValue = "1e-3",
      description = "the generator's Adam learning rate, TF-GAN's (default: ${DEFAULT-VALUE})")
  double lrGen;

  @Option(names = "--lr-disc", paramLabel = "RATE", defaultValue = "2e-4",
      description = "the discriminator's Adam learning rate (default: ${DEFAULT-VALUE})")
  double lrDisc;

  @Option(names = "--decay", paramLabel = "N", defaultValue = "0",
      description = "the last N iterations lower both learning rates linearly to 0 (default: ${DEFAULT-VALUE}, constant)")
  int decay;

  // 0.999 by measurement (docs/RESULTS.md): the averaged weights scored 8.53 against the trained
  // weights' 7.97 at 4,000 iterations and 8.79 at 6,000; averaging changes nothing in the training.
  @Option(names = "--ema", paramLabel = "DECAY", defaultValue = "0.999",
      description = "keep an exponential moving average of the generator's weights with this decay, in (0, 1),"
          + " and sample and measure with it (Yazici et al., 2019); 0: none (default: ${DEFAULT-VALUE})")
  double ema;

  @Option(names = "--label-smoothing", paramLabel = "S", defaultValue = "0",
      description = "one-sided label smoothing: the discriminator's real examples get the label 1 - S, in [0, 1)"
          + " (Salimans et al., 2016; TF-GAN's default loss: 0.25) (default: ${DEFAULT-VALUE}, none)")
  double labelSmoothing;

  @Mixin OutputOptions output;
  @Mixin CheckpointOptions checkpoints;

  /** The network and optimizer settings the flags ask for, each checked. */
  DcganExample.Settings settings() {
    return new DcganExample.Settings(positive("--batch", batch), positive("--noise", noise),
        positive("--width", width, false), positive("--lr-gen", lrGen, false), positive("--lr-disc", lrDisc, false),
        decayLength(), emaDecay(), smoothing());
  }

  private double smoothing() {
    if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
      throw usage("--label-smoothing must be in [0, 1), got " + labelSmoothing);
    }
    return labelSmoothing;
  }

  private double emaDecay() {
    if (!(ema == 0 || (ema > 0 && ema < 1))) {
      throw usage("--ema must be 0 (no average) or in (0, 1), got " + ema);
    }
    return ema;
  }

  private int decayLength() {
    if (decay < 0 || decay > iterations) {
      throw usage("--decay must be between 0 and --iterations (" + iterations + "), got " + decay);
    }
    return decay;
  }

  @Override
  public Integer call() throws Exception {
    positive("--iterations", iterations);
    positive("--print", print);
    DcganExample.Settings s = settings();
    Path out = output.createOut();
    TrainingCheckpoints plan = checkpoints.plan(out, iterations, signal());
    DcganExample.run(s, iterations, print, out, output.seed, null, plan);
    return 0;
  }
}
