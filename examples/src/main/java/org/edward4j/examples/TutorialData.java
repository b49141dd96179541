package org.edward4j.examples;

import org.edward4j.datasets.Binarization;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.MnistSplit;

/**
 * How the GAN tutorial serves its data. Edward's tutorial (docs/tex/tutorials/gan.tex and notebooks/gan.ipynb
 * since September 2017, Edward's pull request #746) feeds {@code generator(x_train, M)}: consecutive
 * batches of the 60,000 training images in file order, wrapping around at the end (the batch that
 * reaches the end is the tail followed by the head), never shuffled, and each batch binarized
 * afresh with {@code np.random.binomial(1, batch)}. That is {@link #edward()}.
 *
 * <p>The tutorial's first version (February to September 2017) fed {@code
 * mnist.train.next_batch(M)} from TensorFlow 1.x's {@code input_data.read_data_sets}: 55,000
 * training images (5,000 held out for validation) in grey levels, shuffled before the first epoch
 * and again at every epoch boundary, where the batch crossing the boundary takes the rest of the
 * old epoch and the start of the newly shuffled one. {@code shuffle = true, binarize = false}
 * comes closest to it (over all 60,000 images).
 *
 * <pre>{@code
 * MnistSplit train = Mnist.load().train();
 * Minibatches batches = TutorialData.edward().batches(train, 128, 42);
 * }</pre>
 *
 * @param binarize draw each pixel as Bernoulli(grey level) every time a batch is served
 * @param shuffle reshuffle the order at every epoch instead of taking the file's order
 */
public record TutorialData(boolean binarize, boolean shuffle) {

  /**
   * Edward's tutorial: file order, binarized each batch.
   *
   * @return {@code binarize = true, shuffle = false}
   */
  public static TutorialData edward() {
    return new TutorialData(true, false);
  }

  /**
   * The stream of batches this setting serves.
   *
   * @param split the training images
   * @param batchSize images per batch
   * @param seed seeds the shuffles and the binarization draws
   * @return the stream, at its first batch
   */
  public Minibatches batches(MnistSplit split, int batchSize, long seed) {
    Minibatches.Builder b = Minibatches.over(split, batchSize);
    if (shuffle) {
      b.shuffleEachEpoch(seed);
    }
    if (binarize) {
      b.binarization(Binarization.stochastic(seed));
    }
    return b.build();
  }
}
