package org.edward4j.examples;

import java.util.Objects;

/**
 * A BiGAN training recipe as data: the networks' sizes, the prior, the optimizer, the schedule and
 * the regularization, so a run and its test read the same numbers.
 *
 * <p>{@link #paper()} is the permutation-invariant MNIST setting of Donahue, Kraehenbuehl and
 * Darrell (2017), "Adversarial Feature Learning", ICLR, section 4.2 and appendix, as its authors'
 * {@code train_mnist.sh} runs it: {@code z ~ U(-1, 1)^50}; generator, encoder and joint
 * discriminator are MLPs with two hidden layers of 1024 units; batch normalization (without gain
 * or offset) on the hidden layers after the first of the encoder and discriminator and on both of
 * the generator; leaky ReLU (0.2) in the encoder and discriminator, ReLU in the generator; the
 * encoder's last linear layer (no bias) squashed into the prior's box, {@code low + (high - low)
 * sigmoid(a)}, as the authors' {@code UniformDistribution.logits_to_sample} does; weights
 * drawn from N(0, 0.02^2); Adam with learning rate 2e-4 and beta1 0.5; batch 128; L2 weight decay
 * 2.5e-5 (added to the gradient as {@code 2.5e-5 * w}); 200 epochs at the full rate, then 200
 * with the rate decayed linearly to 0.
 *
 * <pre>{@code
 * BiganRecipe r = BiganRecipe.paper();
 * long steps = r.totalIterations(60000);          // 400 epochs of ceil(60000 / 128) batches
 * double lr = r.learningRateAt(steps - 1, 60000); // the last step's rate, close to 0
 * }</pre>
 *
 * @param name the recipe's name on the command line
 * @param latentDim the code's width
 * @param priorLow the uniform prior's lower bound
 * @param priorHigh the uniform prior's upper bound
 * @param hiddenUnits units per hidden layer
 * @param hiddenLayers hidden layers per network
 * @param leak the leaky ReLU's slope for negative inputs (encoder, discriminator)
 * @param batchNorm whether hidden layers are batch-normalized as described above
 * @param boundedCodes whether the encoder's output is squashed into the prior's support, {@code
 *     priorLow + (priorHigh - priorLow) sigmoid(a)} (the authors' encoder); without it the codes
 *     are the unbounded linear output {@code a}, which the discriminator tells from prior draws
 *     by their range alone (the collapse recorded in docs/RESULTS.md)
 * @param initStddev the standard deviation of the normal initial weights
 * @param batchSize images per update
 * @param learningRate Adam's initial learning rate, both sides
 * @param beta1 Adam's first-moment decay
 * @param weightDecay the L2 weight decay on every kernel
 * @param constantEpochs epochs at the initial learning rate
 * @param decayEpochs epochs over which the rate falls linearly to 0
 * @param source where the numbers come from
 */
public record BiganRecipe(
    String name,
    int latentDim,
    double priorLow,
    double priorHigh,
    int hiddenUnits,
    int hiddenLayers,
    double leak,
    boolean batchNorm,
    boolean boundedCodes,
    double initStddev,
    int batchSize,
    double learningRate,
    double beta1,
    double weightDecay,
    int constantEpochs,
    int decayEpochs,
    String source) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the first setting out of range
   */
  public BiganRecipe {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    positive("latentDim", latentDim);
    positive("hiddenUnits", hiddenUnits);
    positive("hiddenLayers", hiddenLayers);
    positive("batchSize", batchSize);
    if (!(priorLow < priorHigh)) {
      throw new IllegalArgumentException("`priorLow` must be below `priorHigh`, got " + priorLow + " and " + priorHigh);
    }
    if (!(learningRate > 0) || !(initStddev > 0) || !(weightDecay >= 0) || !(leak >= 0 && leak < 1)
        || !(beta1 >= 0 && beta1 < 1)) {
      throw new IllegalArgumentException("`learningRate` and `initStddev` must be positive, `weightDecay` non-negative,"
          + " `leak` and `beta1` in [0, 1); got " + learningRate + ", " + initStddev + ", " + weightDecay + ", "
          + leak + ", " + beta1);
    }
    if (constantEpochs < 0 || decayEpochs < 0 || constantEpochs + decayEpochs == 0) {
      throw new IllegalArgumentException("`constantEpochs` and `decayEpochs` must be non-negative with a positive sum, got "
          + constantEpochs + " and " + decayEpochs);
    }
  }

  /**
   * The BiGAN paper's permutation-invariant MNIST recipe.
   *
   * @return the recipe of Donahue et al. (2017), described in the class comment
   */
  public static BiganRecipe paper() {
    return new BiganRecipe("paper", 50, -1, 1, 1024, 2, 0.2, true, true, 0.02, 128, 2e-4, 0.5, 2.5e-5, 200, 200,
        "Donahue, Kraehenbuehl and Darrell (2017), Adversarial Feature Learning, ICLR: section 4.2, appendix,"
            + " and the authors' train_mnist.sh");
  }

  /**
   * The paper's recipe shortened for a 2-core CPU: the same networks, prior, optimizer and
   * regularization, 20 epochs at the full rate and 20 decaying linearly to 0 (18,760 updates,
   * 16 to 24 minutes at the 13 to 20 updates/s the paper recipe runs at on a quiet 2-core machine).
   *
   * @return the shortened recipe
   */
  public static BiganRecipe cpu() {
    BiganRecipe p = paper();
    return new BiganRecipe("cpu", p.latentDim, p.priorLow, p.priorHigh, p.hiddenUnits, p.hiddenLayers, p.leak,
        p.batchNorm, p.boundedCodes, p.initStddev, p.batchSize, p.learningRate, p.beta1, p.weightDecay, 20, 20,
        "the paper's recipe (" + p.source + ") with 40 epochs instead of 400");
  }

  /**
   * This recipe with the encoder's codes bounded or not (the ablation that shows what the bound
   * does).
   *
   * @param bounded whether the codes are squashed into the prior's box
   * @return a copy with {@code boundedCodes == bounded} and a name saying so when it changed
   */
  public BiganRecipe withBoundedCodes(boolean bounded) {
    if (bounded == boundedCodes) {
      return this;
    }
    return new BiganRecipe(name + (bounded ? "+bounded-codes" : "-unbounded-codes"), latentDim, priorLow, priorHigh,
        hiddenUnits, hiddenLayers, leak, batchNorm, bounded, initStddev, batchSize, learningRate, beta1, weightDecay,
        constantEpochs, decayEpochs, source);
  }

  /**
   * Updates per epoch: every image once, the last batch wrapping around, as the authors' {@code
   * ceil(ntrain / batch_size)}.
   *
   * @param trainSize training images
   * @return {@code ceil(trainSize / batchSize)}
   */
  public long iterationsPerEpoch(int trainSize) {
    positive("trainSize", trainSize);
    return (trainSize + batchSize - 1) / batchSize;
  }

  /**
   * Updates in the whole schedule.
   *
   * @param trainSize training images
   * @return {@code (constantEpochs + decayEpochs) * iterationsPerEpoch(trainSize)}
   */
  public long totalIterations(int trainSize) {
    return (constantEpochs + decayEpochs) * iterationsPerEpoch(trainSize);
  }

  /**
   * The learning rate of update {@code step} (from 0): constant, then linear to 0 over the decay
   * epochs, {@code lr * clip((total - step) / decaySteps, 0, 1)}.
   *
   * @param step updates done before this one
   * @param trainSize training images
   * @return the rate
   */
  public double learningRateAt(long step, int trainSize) {
    long decaySteps = decayEpochs * iterationsPerEpoch(trainSize);
    if (decaySteps == 0) {
      return learningRate;
    }
    double fraction = (double) (totalIterations(trainSize) - step) / decaySteps;
    return learningRate * Math.max(0, Math.min(1, fraction));
  }

  private static void positive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("`" + what + "` must be positive, got " + value);
    }
  }
}
