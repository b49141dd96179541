package org.edward4j.datasets;

import java.util.List;
import java.util.Objects;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Minibatches served inside the graph: the split's raw pixels are a constant of the graph (one
 * byte per pixel), and a position variable says where the next batch starts, so an update needs
 * no Java-side feed at all. The batch tensor {@link #images()} takes the place of the placeholder
 * in an inference's {@code data}.
 *
 * <p>Order and content are those of {@link Minibatches} without shuffling: consecutive batches in
 * file order, wrapping around like Edward's {@code generator} (the batch that reaches the end is
 * the tail followed by the head). Grey levels are {@code pixel / 255f}, the same floats {@link
 * Minibatches} serves, so the two paths give identical batches (the graph scales through the same 256-entry table). With {@code binarize}, each pixel
 * is 1 with probability equal to its intensity, drawn by a stateless random op keyed by the
 * context's random step (new draws at every run, as Edward's tutorial binarizes each batch); these
 * draws are not the Java path's ({@link Binarization#stochastic} uses its own generator), but have
 * the same distribution. Shuffling is not offered in the graph.
 *
 * <p><b>Each run that evaluates {@link #images()} advances the stream by one batch</b>: the
 * position is incremented by the op that reads it, so one {@code Session.run} of an update (every
 * side of a GAN included) consumes exactly one batch, as one fed batch. Evaluating a loss outside
 * training advances it too. The position is a variable ({@code <scope>/position}, not trainable),
 * so checkpoints carry it and a restored run continues with the batch an uninterrupted run would
 * have served; the random step, also checkpointed, makes the binarization draws resume exactly.
 *
 * <pre>{@code
 * GraphMinibatches batches = GraphMinibatches.over(ctx.scope("data"), mnist.train(), 128, true);
 * GANInference gan = new GANInference(Map.of(x, batches.images()), discriminator);
 * gan.initialize(options);
 * for (int t = 0; t < 15000; t++) {
 *   gan.update();                        // no feed: the batch is read in the graph
 * }
 * }</pre>
 */
public final class GraphMinibatches {

  private final int batchSize;
  private final int size;
  private final Variable<TInt64> position;
  private final Operand<TFloat32> images;

  private GraphMinibatches(VariableScope scope, MnistSplit split, int batchSize, boolean binarize) {
    this.batchSize = batchSize;
    this.size = split.size();
    ModelContext ctx = scope.context();
    Ops tf = scope.tf();
    int perImage = split.pixelsPerImage();
    byte[] raw = new byte[size * perImage];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) split.rawPixel(i);
    }
    Constant<TUint8> pixels = tf.withName("pixels").constant(Shape.of(size, perImage), DataBuffers.of(raw, true, false));
    this.position = scope.getVariable(
        new VariableSpec<>("position", Shape.scalar(), TInt64.class, Initializers.zeros(), null, false));
    // Read-then-advance in one op chain: the batch's rows start at the value before the increment.
    Ops advanced = tf.withControlDependencies(List.of(
        tf.assignAddVariableOp(position.handle(), tf.constant((long) batchSize))));
    Operand<TInt64> end = advanced.readVariableOp(position.handle(), TInt64.class);
    Operand<TInt64> start = tf.math.sub(end, tf.constant((long) batchSize));
    Operand<TInt64> rows = tf.math.floorMod(
        tf.math.add(start, tf.range(tf.constant(0L), tf.constant((long) batchSize), tf.constant(1L))),
        tf.constant((long) size));
    // Intensities through the same table as MnistSplit (b / 255f in Java): TensorFlow's vectorized
    // division rounds some quotients one ulp away from Java's, and the two paths must agree exactly.
    float[] table = new float[256];
    for (int b = 0; b < table.length; b++) {
      table[b] = b / 255f;
    }
    Operand<TFloat32> grey = tf.gather(tf.constant(table),
        tf.dtypes.cast(tf.gather(pixels, rows, tf.constant(0)), TInt32.class), tf.constant(0));
    if (binarize) {
      Operand<TFloat32> u = tf.random.statelessRandomUniform(
          tf.constant(new long[] {batchSize, perImage}), ctx.statelessSeed(tf, ctx.nextOpSeed()));
      this.images = ctx.own(tf.withName("images").dtypes.cast(tf.math.less(u, grey), TFloat32.class));
    } else {
      this.images = ctx.own(tf.withName("images").identity(grey));
    }
  }

  /**
   * Serves {@code split} in batches of {@code batchSize} from inside the graph.
   *
   * @param scope where the constant, the position variable and the batch ops go
   * @param split the images
   * @param batchSize images per batch, in {@code [1, split.size()]}
   * @param binarize draw each pixel as Bernoulli(intensity) at every batch, as Edward's tutorial
   * @return the stream, at its first batch
   * @throws IllegalArgumentException if {@code batchSize} is out of range
   */
  public static GraphMinibatches over(VariableScope scope, MnistSplit split, int batchSize, boolean binarize) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(split, "split");
    if (batchSize < 1 || batchSize > split.size()) {
      throw new IllegalArgumentException(
          "`batchSize` must be in [1, " + split.size() + "] (the split's size), got " + batchSize);
    }
    scope.context().checkOpen();
    return new GraphMinibatches(scope, split, batchSize, binarize);
  }

  /**
   * The next batch, {@code [batchSize, pixelsPerImage]}: evaluating it advances the stream.
   *
   * @return the batch tensor, owned by the scope's context, to bind in an inference's {@code data}
   */
  public Operand<TFloat32> images() {
    return images;
  }

  /**
   * The position variable: the number of images served so far (checkpoints carry it).
   *
   * @return the int64 scalar variable
   */
  public Variable<TInt64> position() {
    return position;
  }

  /**
   * Images per batch.
   *
   * @return the batch size
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Images in the split.
   *
   * @return the split's size
   */
  public int size() {
    return size;
  }
}
