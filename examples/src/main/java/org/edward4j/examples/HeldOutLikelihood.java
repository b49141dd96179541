package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.edward4j.datasets.Binarization;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.MnistSplit;
import org.edward4j.inferences.MarginalLikelihood;
import org.edward4j.plots.ImageGrid;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What the latent-variable examples ({@code sbn}, {@code vae}) share: the test negative
 * log-likelihood, importance-sampled over a fixed binarization of the test images, with the flags
 * that set it, and image grids.
 */
final class HeldOutLikelihood {

  private HeldOutLikelihood() {}

  /** The mean test NLL and the number of images it covers. */
  record Result(double nats, int images, double seconds) {
    @Override
    public String toString() {
      return String.format("%.2f nats over %d test images (%.1f s)", nats, images, seconds);
    }
  }

  /**
   * Estimates the test NLL of the model {@code x} observed through {@code xPh} with {@code --k}
   * importance samples per image from the recognition model in {@code latentVars}, over {@code
   * --test-images} test images binarized with {@code seed} (see {@link #testNll}), prints it and
   * returns it.
   */
  static Result printTestNll(LikelihoodOptions args, Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Operand<?> x, Operand<TFloat32> xPh, MnistSplit test, int batch, long seed) {
    int k = args.k;
    MarginalLikelihood ml = MarginalLikelihood.builder(latentVars, Map.of(x, xPh))
        .samples(k).samplesPerRun(Math.min(k, 10)).build();
    Result nll = testNll(ml, xPh, test, batch, args.testImages, seed);
    System.out.printf("test NLL (K=%d importance samples from q): %s%n", k, nll);
    return nll;
  }

  /**
   * {@code -(1/N) sum_n log p(x_n)}, each estimated by {@code ml}'s K importance samples, over the
   * first {@code images} test images (rounded down to whole batches), binarized once with {@code
   * seed}.
   */
  private static Result testNll(MarginalLikelihood ml, Operand<TFloat32> xPh, MnistSplit test, int batch, int images, long seed) {
    long start = System.nanoTime();
    int batches = Math.max(1, Math.min(images, test.size()) / batch);
    Minibatches stream = Minibatches.over(test, batch).binarization(Binarization.stochastic(seed)).build();
    float[] x = stream.newImageBuffer();
    double total = 0;
    int count = 0;
    for (int b = 0; b < batches; b++) {
      stream.next(x);
      for (double logP : ml.logMarginal(Map.of(xPh, x))) {
        total -= logP;
        count++;
      }
    }
    return new Result(total / count, count, (System.nanoTime() - start) / 1e9);
  }

  /** A grid of the first {@code rows * cols} images of a {@code [n, 784]} array. */
  static Path writeGrid(float[] images, int rows, int cols, Path file) throws IOException {
    int n = Math.min(rows * cols, images.length / 784);
    float[] chosen = new float[n * 784];
    System.arraycopy(images, 0, chosen, 0, chosen.length);
    return ImageGrid.of(chosen, 28, 28).rows(rows).cols(cols).scale(2).build().writePng(file);
  }
}
