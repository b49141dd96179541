package org.edward4j.examples.variational;

import java.nio.file.Path;
import java.util.Arrays;
import org.edward4j.datasets.Mnist;
import org.edward4j.datasets.MnistSplit;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward sigmoid-belief-network}: the settings of {@link SigmoidBeliefNetworkExample}. */
@Command(name = "sigmoid-belief-network", mixinStandardHelpOptions = true,
    description = "Edward's sigmoid_belief_network.py: a 4-layer sigmoid belief network fitted with KLqp, on MNIST "
        + "binarized at 0.5 (Caltech-101 Silhouettes is not reachable); training and test loss per epoch.")
public final class SigmoidBeliefNetworkCommand extends ExampleCommand {

  @Option(names = "--hidden-sizes", paramLabel = "H,H,...", split = ",", defaultValue = "300,100,50,10",
      description = "hidden sizes from the bottom up, Edward's hidden_sizes (default: ${DEFAULT-VALUE})")
  int[] hiddenSizes;

  @Option(names = "--batch", paramLabel = "M", defaultValue = "24",
      description = "data points per update, Edward's batch_size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--train-samples", paramLabel = "S", defaultValue = "10",
      description = "KLqp draws per update, Edward's n_train_samples (default: ${DEFAULT-VALUE})")
  int trainSamples;

  @Option(names = "--test-samples", paramLabel = "S", defaultValue = "10",
      description = "draws of the test loss per epoch; Edward's n_test_samples is 1000 (default: ${DEFAULT-VALUE})")
  int testSamples;

  @Option(names = "--step-size", paramLabel = "RATE", defaultValue = "1e-3",
      description = "Adam's learning rate, Edward's step_size (default: ${DEFAULT-VALUE})")
  double stepSize;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
      description = "epochs; Edward's n_epoch is 100 (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--iterations-per-epoch", paramLabel = "N", defaultValue = "2500",
      description = "updates per epoch (2500 x 24 = one pass over MNIST); Edward's n_iter_per_epoch is 10000 "
          + "(default: ${DEFAULT-VALUE})")
  int iterationsPerEpoch;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public SigmoidBeliefNetworkCommand() {}

  @Override
  public Integer call() throws Exception {
    for (int h : hiddenSizes) {
      positive("--hidden-sizes", h);
    }
    positive("--batch", batch);
    positive("--train-samples", trainSamples);
    positive("--test-samples", testSamples);
    positive("--step-size", stepSize, false);
    positive("--epochs", epochs);
    positive("--iterations-per-epoch", iterationsPerEpoch);
    Path out = output.createOut();
    SigmoidBeliefNetworkExample.Settings s = new SigmoidBeliefNetworkExample.Settings(hiddenSizes, batch, trainSamples,
        testSamples, stepSize, epochs, iterationsPerEpoch, output.seed());
    System.out.println("Data: MNIST binarized at 0.5, standing in for Caltech-101 Silhouettes (not reachable); hidden sizes "
        + Arrays.toString(hiddenSizes));
    Mnist mnist = Mnist.load();
    SigmoidBeliefNetworkExample.Result r =
        SigmoidBeliefNetworkExample.run(s, binarized(mnist.train()), binarized(mnist.test()), System.out);
    Path json = SigmoidBeliefNetworkExample.report(s, r, "MNIST binarized at 0.5 (Edward: Caltech-101 Silhouettes)")
        .writeJson(out.resolve("sigmoid-belief-network.json"));
    System.out.println("report: " + json);
    return 0;
  }

  /** Rows of 784 pixels, 1 where the intensity exceeds 0.5. */
  private static float[][] binarized(MnistSplit split) {
    float[][] rows = new float[split.size()][split.pixelsPerImage()];
    for (int i = 0; i < rows.length; i++) {
      for (int r = 0; r < split.height(); r++) {
        for (int c = 0; c < split.width(); c++) {
          rows[i][r * split.width() + c] = split.pixel(i, r, c) > 0.5f ? 1f : 0f;
        }
      }
    }
    return rows;
  }
}
