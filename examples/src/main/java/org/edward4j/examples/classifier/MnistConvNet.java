package org.edward4j.examples.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.ConvOptions;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.layers.Padding;
import org.edward4j.criticisms.quality.ClassifierOutputs;
import org.edward4j.criticisms.quality.ImageClassifier;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The project's MNIST digit classifier: a small convolutional network whose softmax gives {@code
 * p(y | x)} for the classifier score and whose penultimate layer gives the features for the Frechet
 * distance.
 *
 * <p>Architecture (after LeCun et al., 1998, "Gradient-based learning applied to document
 * recognition", with ReLUs and max pooling): {@code 28x28x1 -> conv5x5(32, relu, SAME) -> maxpool2
 * -> conv5x5(64, relu, SAME) -> maxpool2 -> dense(128, relu) = features -> dense(10) = logits}.
 * Variables live under the scope {@code Classifier}; the network owns its own {@link ModelContext},
 * so it never mixes with a model's graph. Inputs are grey levels in [0, 1], 784 per image, as
 * {@code MnistSplit.image} gives them.
 *
 * <p>Train it with {@link ClassifierTraining}, or get the cached, trained one with {@link
 * ClassifierCache#loadOrTrain}. Limits: CPU float32; no dropout or batch norm, so training and
 * prediction use the same graph.
 *
 * <pre>{@code
 * try (MnistConvNet net = MnistConvNet.create(42)) {
 *   ClassifierOutputs out = net.classify(mnist.test().firstImages(100));
 *   float[] logProbs = out.logProbs(); // [100, 10]
 * }
 * }</pre>
 */
public final class MnistConvNet implements ImageClassifier, AutoCloseable {

  /** Pixels per image: 28 x 28. */
  public static final int PIXELS = 784;
  /** Digit classes. */
  public static final int CLASSES = 10;
  /** Width of the penultimate layer, the feature map used by the Frechet distance. */
  public static final int FEATURES = 128;
  /** The layers, as recorded with saved weights. */
  public static final String ARCHITECTURE =
      "conv5x5x32-relu-maxpool2-conv5x5x64-relu-maxpool2-dense" + FEATURES + "-relu-dense" + CLASSES;
  /** The variable scope of the network's weights. */
  public static final String SCOPE = "Classifier";

  /** Images per {@code Session.run} when classifying: bounds native memory (about 26 MB of maps). */
  private static final int EVAL_CHUNK = 500;

  private final long seed;
  private final ModelContext ctx;
  private final Placeholder<TFloat32> images;
  private final Placeholder<TInt32> labels;
  private final Operand<TFloat32> features;
  private final Operand<TFloat32> logProbs;
  private final Operand<TFloat32> loss;
  private final List<Variable<?>> weights;

  private MnistConvNet(long seed) {
    this.seed = seed;
    this.ctx = ModelContext.withSeed(seed);
    try {
      Ops tf = ctx.tf();
      images = tf.withName("images").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, PIXELS)));
      labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      VariableScope scope = ctx.scope(SCOPE);
      Ops st = scope.tf();
      Operand<TFloat32> x = st.reshape(images, st.constant(new long[] {-1, 28, 28, 1}));
      ConvOptions conv = ConvOptions.builder().padding(Padding.SAME).activation(Activation.relu()).build();
      x = Layers.conv2d(scope, x, 32, 5, conv);
      x = Layers.maxPooling2d(scope, x, 2, 2, Padding.SAME);
      x = Layers.conv2d(scope, x, 64, 5, conv);
      x = Layers.maxPooling2d(scope, x, 2, 2, Padding.SAME);
      x = Layers.flatten(scope, x);
      features = Layers.dense(scope, x, FEATURES, DenseOptions.builder().activation(Activation.relu()).build());
      Operand<TFloat32> logits = Layers.dense(scope, features, CLASSES);
      logProbs = st.nn.logSoftmax(logits);
      // Cross-entropy through logSoftmax and a one-hot mask: TF Java has no gradient for the
      // sparse softmax cross-entropy op.
      Operand<TFloat32> oneHot = st.oneHot(labels, st.constant(CLASSES), st.constant(1f), st.constant(0f));
      loss = st.math.neg(st.math.mean(st.reduceSum(st.math.mul(oneHot, logProbs), st.constant(1)), st.constant(0)));
      weights = List.copyOf(ctx.collections().trainableVariables(SCOPE));
    } catch (RuntimeException e) {
      ctx.close();
      throw e;
    }
  }

  /**
   * A network with fresh (untrained) weights.
   *
   * @param seed the graph seed for the weights' initial values
   * @return the network; close it to free its graph and session
   */
  public static MnistConvNet create(long seed) {
    return new MnistConvNet(seed);
  }

  /**
   * The seed of the initial weights.
   *
   * @return the graph seed given to {@link #create}
   */
  public long seed() {
    return seed;
  }

  @Override
  public int pixelsPerImage() {
    return PIXELS;
  }

  @Override
  public int numClasses() {
    return CLASSES;
  }

  @Override
  public int featureSize() {
    return FEATURES;
  }

  @Override
  public ClassifierOutputs classify(float[] pixels) {
    int n = ImageClassifier.checkImages(this, pixels, "pixels");
    float[] lp = new float[n * CLASSES];
    float[] feats = new float[n * FEATURES];
    try (Feeds feeds = new Feeds()) {
      for (int start = 0; start < n; start += EVAL_CHUNK) {
        int count = Math.min(EVAL_CHUNK, n - start);
        float[] chunk = new float[count * PIXELS];
        System.arraycopy(pixels, start * PIXELS, chunk, 0, chunk.length);
        feeds.put(images, chunk);
        List<TensorValue> out = ctx.evalAll(List.of(logProbs, features), feeds.asMap());
        System.arraycopy(out.get(0).data(), 0, lp, start * CLASSES, count * CLASSES);
        System.arraycopy(out.get(1).data(), 0, feats, start * FEATURES, count * FEATURES);
      }
    }
    return new ClassifierOutputs(n, CLASSES, FEATURES, lp, feats);
  }

  /**
   * The fraction of images whose most probable class is their label.
   *
   * @param pixels images, 784 grey levels each
   * @param trueLabels one label in {@code 0..9} per image
   * @return the accuracy in [0, 1]
   * @throws IllegalArgumentException if the counts differ
   */
  public double accuracy(float[] pixels, int[] trueLabels) {
    Objects.requireNonNull(trueLabels, "trueLabels");
    ClassifierOutputs out = classify(pixels);
    if (trueLabels.length != out.count()) {
      throw new IllegalArgumentException(
          "`trueLabels` must hold " + out.count() + " labels, one per image, got " + trueLabels.length);
    }
    int[] predicted = out.predictedClasses();
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      correct += predicted[i] == trueLabels[i] ? 1 : 0;
    }
    return (double) correct / predicted.length;
  }

  /** The context owning the graph (for training and weight files in this package). */
  ModelContext context() {
    return ctx;
  }

  Placeholder<TFloat32> imagesPlaceholder() {
    return images;
  }

  Placeholder<TInt32> labelsPlaceholder() {
    return labels;
  }

  /** The mean cross-entropy of a labelled batch. */
  Operand<TFloat32> loss() {
    return loss;
  }

  /** The network's weights (kernels and biases), in creation order. */
  List<Variable<?>> weights() {
    return new ArrayList<>(weights);
  }

  /** Closes the graph and session; safe to call twice. */
  @Override
  public void close() {
    ctx.close();
  }

  @Override
  public String toString() {
    return "MnistConvNet(" + ARCHITECTURE + ", seed=" + seed
        + (ctx.isClosed() ? ", closed" : "") + ")";
  }
}
