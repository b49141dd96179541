package org.edward4j.criticisms.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The 1-nearest-neighbour test accuracy of a feature map: each query is given the label of its
 * nearest reference vector, and the accuracy is the fraction of queries labelled correctly.
 *
 * <p>Donahue, Krähenbühl and Darrell (2017), "Adversarial Feature Learning", Table 1: a BiGAN
 * encoder's features of MNIST's training images are the references and those of its test images
 * the queries. {@code label(q) = label(argmin_r dist(f(q), f(r)))}; with {@link Distance#EUCLIDEAN}
 * the argmin is of {@code |r|^2 - 2 q.r}, with {@link Distance#COSINE} of {@code -q.r / (|q| |r|)}.
 * The products run as TensorFlow matrix multiplications, {@value #QUERY_CHUNK} queries per
 * {@code Session.run}.
 *
 * <p>Limits: exact search, {@code O(queries x references x d)}; ties go to the first reference;
 * distances in float32.
 *
 * <pre>{@code
 * double acc = NearestNeighbourAccuracy.builder(50)
 *     .references(encodedTrain, mnist.train().labels())
 *     .queries(encodedTest, mnist.test().labels())
 *     .build().accuracy();
 * }</pre>
 */
public final class NearestNeighbourAccuracy {

  /** Queries per run: bounds the distance matrix to {@code QUERY_CHUNK x references} floats. */
  static final int QUERY_CHUNK = 250;

  /** How nearness is measured. */
  public enum Distance {
    /** {@code |a - b|}. */
    EUCLIDEAN,
    /** {@code 1 - cos(a, b)}; a zero vector is at distance 1 from everything. */
    COSINE
  }

  private final int dimension;
  private final float[] references;
  private final int[] referenceLabels;
  private final float[] queries;
  private final int[] queryLabels;
  private final Distance distance;

  private NearestNeighbourAccuracy(Builder b) {
    this.dimension = b.dimension;
    this.references = b.references;
    this.referenceLabels = b.referenceLabels;
    this.queries = b.queries;
    this.queryLabels = b.queryLabels;
    this.distance = b.distance;
  }

  /**
   * A builder for features of the given width.
   *
   * @param dimension the feature width {@code d}; positive
   * @return the builder
   */
  public static Builder builder(int dimension) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("`dimension` must be positive, got " + dimension);
    }
    return new Builder(dimension);
  }

  /**
   * The labels the nearest references give the queries.
   *
   * @return one predicted label per query
   */
  public int[] predictedLabels() {
    int nq = queryLabels.length;
    int[] predicted = new int[nq];
    try (ModelContext ctx = ModelContext.withSeed(0); Feeds feeds = new Feeds()) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> ref = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, dimension)));
      Placeholder<TFloat32> q = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, dimension)));
      Operand<TInt64> nearest = tf.math.argMin(score(tf, ref, q), tf.constant(1));
      feeds.put(ref, new TensorValue(new long[] {referenceLabels.length, dimension}, references));
      for (int start = 0; start < nq; start += QUERY_CHUNK) {
        int count = Math.min(QUERY_CHUNK, nq - start);
        float[] chunk = Arrays.copyOfRange(queries, start * dimension, (start + count) * dimension);
        feeds.put(q, new TensorValue(new long[] {count, dimension}, chunk));
        float[] idx = ctx.evalAll(List.of(nearest), feeds.asMap()).get(0).data();
        for (int i = 0; i < count; i++) {
          predicted[start + i] = referenceLabels[(int) idx[i]];
        }
      }
    }
    return predicted;
  }

  /**
   * The fraction of queries whose nearest reference has their label, in [0, 1].
   *
   * @return the 1-NN accuracy
   */
  public double accuracy() {
    int[] predicted = predictedLabels();
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      correct += predicted[i] == queryLabels[i] ? 1 : 0;
    }
    return (double) correct / predicted.length;
  }

  /** {@code [queries, references]} scores whose row minimum is the nearest reference. */
  private Operand<TFloat32> score(Ops tf, Operand<TFloat32> ref, Operand<TFloat32> q) {
    Operand<TFloat32> dots = tf.linalg.matMul(q, ref, MatMul.transposeB(true));
    Operand<TFloat32> refSquares = tf.reduceSum(tf.math.square(ref), tf.constant(1));
    if (distance == Distance.EUCLIDEAN) {
      // |q - r|^2 = |q|^2 - 2 q.r + |r|^2; |q|^2 is the same along a row, so it is left out.
      return tf.math.sub(tf.expandDims(refSquares, tf.constant(0)), tf.math.mul(tf.constant(2f), dots));
    }
    Operand<TFloat32> qNorms = tf.math.sqrt(tf.reduceSum(tf.math.square(q), tf.constant(1), ReduceSum.keepDims(true)));
    Operand<TFloat32> refNorms = tf.expandDims(tf.math.sqrt(refSquares), tf.constant(0));
    Operand<TFloat32> norms = tf.math.maximum(tf.math.mul(qNorms, refNorms), tf.constant(1e-30f));
    return tf.math.neg(tf.math.div(dots, norms));
  }

  @Override
  public String toString() {
    return "NearestNeighbourAccuracy(d=" + dimension + ", references=" + referenceLabels.length + ", queries="
        + queryLabels.length + ", " + distance.name().toLowerCase(Locale.ROOT) + ")";
  }

  /** Builds a {@link NearestNeighbourAccuracy}: references, queries and the distance. */
  public static final class Builder {
    private final int dimension;
    private float[] references;
    private int[] referenceLabels;
    private float[] queries;
    private int[] queryLabels;
    private Distance distance = Distance.EUCLIDEAN;

    private Builder(int dimension) {
      this.dimension = dimension;
    }

    /**
     * The labelled vectors to search, e.g. encoded training images.
     *
     * @param features {@code [n, d]} row-major, finite
     * @param labels {@code n} labels
     * @return this
     */
    public Builder references(float[] features, int[] labels) {
      check(features, labels, "references");
      this.references = features.clone();
      this.referenceLabels = labels.clone();
      return this;
    }

    /**
     * The labelled vectors to classify, e.g. encoded test images.
     *
     * @param features {@code [m, d]} row-major, finite
     * @param labels {@code m} true labels
     * @return this
     */
    public Builder queries(float[] features, int[] labels) {
      check(features, labels, "queries");
      this.queries = features.clone();
      this.queryLabels = labels.clone();
      return this;
    }

    /**
     * The distance (default {@link Distance#EUCLIDEAN}).
     *
     * @param distance Euclidean or cosine
     * @return this
     */
    public Builder distance(Distance distance) {
      this.distance = Objects.requireNonNull(distance, "distance");
      return this;
    }

    /**
     * The measurement; references and queries are required.
     *
     * @return the measurement
     */
    public NearestNeighbourAccuracy build() {
      if (references == null || queries == null) {
        throw new IllegalArgumentException("`references` and `queries` must both be given before build()");
      }
      return new NearestNeighbourAccuracy(this);
    }

    private void check(float[] features, int[] labels, String argument) {
      Objects.requireNonNull(features, argument + " features");
      Objects.requireNonNull(labels, argument + " labels");
      if (labels.length == 0) {
        throw new IllegalArgumentException("`" + argument + "` must hold at least one vector, got none");
      }
      if (features.length != (long) labels.length * dimension) {
        throw new IllegalArgumentException("`" + argument + "` features must hold " + labels.length + " x " + dimension
            + " values (one vector per label), got " + features.length);
      }
      for (int i = 0; i < features.length; i++) {
        if (!Float.isFinite(features[i])) {
          throw new IllegalArgumentException("`" + argument + "` features must be finite, got " + features[i]
              + " in vector " + i / dimension);
        }
      }
    }
  }
}
