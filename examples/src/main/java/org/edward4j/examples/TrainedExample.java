package org.edward4j.examples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A trained example's generator (and encoder), usable while its graph is open: what {@code
 * bin/edward quality} measures. Examples hand one to an {@link AfterTraining} hook at the end of
 * their run; {@link QualityCommand} also builds one around networks restored from a checkpoint.
 */
interface TrainedExample {

  /** Called by an example after training, before its graph closes. */
  @FunctionalInterface
  interface AfterTraining {
    /**
     * Receives the trained networks.
     *
     * @param trained the networks; valid only during this call
     * @throws IOException when writing what is measured fails
     */
    void accept(TrainedExample trained) throws IOException;
  }

  /**
   * Generated images.
   *
   * @param n how many
   * @return {@code n * 784} grey levels in [0, 1]
   */
  float[] generate(int n);

  /** The encoder's feature map {@code x -> z}, for examples that learn one (BiGAN). */
  default Optional<FeatureMap> encoder() {
    return Optional.empty();
  }

  /** An encoder: images to codes. */
  interface FeatureMap {
    /** The code's width. */
    int dimension();

    /**
     * Encodes images.
     *
     * @param images {@code n * 784} grey levels
     * @return {@code n * dimension()} codes
     */
    float[] encode(float[] images);
  }

  /**
   * A generator whose noise is drawn inside the graph: each evaluation of {@code x} gives a fresh
   * batch (GAN, WGAN).
   *
   * @param ctx the context
   * @param x generated images {@code [batch, 784]}
   * @return the trained example
   */
  static TrainedExample ofSampler(ModelContext ctx, Operand<TFloat32> x) {
    return n -> {
      List<float[]> batches = new ArrayList<>();
      int total = 0;
      while (total < n) {
        float[] batch = ctx.eval(x).data();
        batches.add(batch);
        total += batch.length / 784;
      }
      return concat(batches, n * 784);
    };
  }

  /**
   * A generator fed noise through a placeholder and an encoder fed images (BiGAN): noise is
   * {@code N(0, 1)} drawn in Java with {@code seed}; codes are the encoder's mean when it is a
   * random variable (dropping its injected noise), else its output.
   *
   * @param ctx the context
   * @param xGenerated images from {@code zPh}, {@code [batch, 784]}
   * @param zPh the noise placeholder {@code [batch, d]}
   * @param zEncoded codes from {@code xPh}, {@code [batch, d]}
   * @param xPh the image placeholder {@code [batch, 784]}
   * @param seed the seed of the noise
   * @return the trained example
   */
  static TrainedExample ofBidirectional(ModelContext ctx, Operand<TFloat32> xGenerated, Operand<TFloat32> zPh,
      Operand<TFloat32> zEncoded, Operand<TFloat32> xPh, long seed) {
    return ofBidirectional(ctx, xGenerated, zPh, zEncoded, xPh, new Random(seed)::nextGaussian);
  }

  /** As above, with the generator's noise drawn from {@code noise} (e.g. a uniform prior). */
  static TrainedExample ofBidirectional(ModelContext ctx, Operand<TFloat32> xGenerated, Operand<TFloat32> zPh,
      Operand<TFloat32> zEncoded, Operand<TFloat32> xPh, java.util.function.DoubleSupplier noise) {
    int batch = (int) zPh.shape().get(0);
    int d = (int) zPh.shape().get(1);
    Operand<TFloat32> code = zEncoded instanceof RandomVariable<?> rv ? rv.mean() : zEncoded;
    FeatureMap encoder = new FeatureMap() {
      @Override
      public int dimension() {
        return d;
      }

      @Override
      public float[] encode(float[] images) {
        return inBatches(ctx, code, xPh, images, 784, batch, d);
      }
    };
    return new TrainedExample() {
      @Override
      public float[] generate(int n) {
        float[] z = new float[n * d];
        for (int i = 0; i < z.length; i++) {
          z[i] = (float) noise.getAsDouble();
        }
        return inBatches(ctx, xGenerated, zPh, z, d, batch, 784);
      }

      @Override
      public Optional<FeatureMap> encoder() {
        return Optional.of(encoder);
      }
    };
  }

  /** Runs {@code out} over {@code in} a fixed-size batch at a time, padding the last batch. */
  private static float[] inBatches(ModelContext ctx, Operand<TFloat32> out, Operand<TFloat32> ph, float[] in,
      int inWidth, int batch, int outWidth) {
    int n = in.length / inWidth;
    float[] result = new float[n * outWidth];
    float[] buffer = new float[batch * inWidth];
    try (Feeds feeds = new Feeds()) {
      for (int start = 0; start < n; start += batch) {
        int count = Math.min(batch, n - start);
        Arrays.fill(buffer, 0f);
        System.arraycopy(in, start * inWidth, buffer, 0, count * inWidth);
        float[] values = ctx.eval(out, feeds.put(ph, buffer).asMap()).data();
        System.arraycopy(values, 0, result, start * outWidth, count * outWidth);
      }
    }
    return result;
  }

  private static float[] concat(List<float[]> parts, int length) {
    float[] out = new float[length];
    int at = 0;
    for (float[] p : parts) {
      int take = Math.min(p.length, length - at);
      System.arraycopy(p, 0, out, at, take);
      at += take;
    }
    return out;
  }
}
