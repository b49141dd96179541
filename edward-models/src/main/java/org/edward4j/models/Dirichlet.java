package org.edward4j.models;

import java.util.Map;
import java.util.Optional;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The Dirichlet distribution on the probability simplex {@code {x : x_i >= 0, sum x_i = 1}} with
 * positive {@code concentration} {@code a} whose last axis (of known size {@code K}) is the event.
 *
 * <p>{@code log p(x) = sum_i (a_i - 1) log x_i - [sum_i lgamma(a_i) - lgamma(a_0)]} with {@code a_0
 * = sum_i a_i}; {@code -inf} for {@code x} with a negative coordinate or whose coordinates do not sum
 * to 1 within {@code 1e-3} (float32 draws sum to 1 within a few ulps). That test costs three times
 * the formula, so a variable built with {@code validateArgs(false)} (TensorFlow Probability's {@code
 * validate_args=False}, for callers whose values are draws on the simplex) skips it: a point off
 * the simplex with positive coordinates then gets the formula's finite value, a negative coordinate
 * NaN, and a zero coordinate where {@code a_i = 1} NaN too ({@code 0 log 0}; the checked form
 * leaves that term out, as {@code xlogy} does). Either way a zero coordinate gives {@code -inf}
 * where {@code a_i > 1} and {@code +inf} where {@code a_i < 1}. Samples are {@code G_i / sum_j
 * G_j} with {@code G_i ~ Gamma(a_i, 1)}, reparameterized through the implicit gradient of {@code
 * RandomGamma} (as {@link Beta}). Closed-form mean, variance, mode (NaN unless every {@code a_i >
 * 1}), entropy and {@code KL(Dirichlet || Dirichlet)}. With all concentrations far below 1 every
 * gamma draw can underflow to 0, giving NaN.
 *
 * <pre>{@code
 * Dirichlet theta = Dirichlet.of(scope, new float[] {1f, 2f, 3f});
 * Operand<TFloat32> mean = theta.mean(); // [1/6, 2/6, 3/6]
 * }</pre>
 */
public final class Dirichlet extends AbstractRandomVariable<TFloat32> {

  /** How far from 1 the coordinates of {@code x} may sum before {@code logProb} says -inf. */
  static final double SIMPLEX_TOLERANCE = 1e-3;

  private Dirichlet(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A Dirichlet variable over a graph tensor.
   *
   * @param scope where to build it, named {@code Dirichlet} made unique there
   * @param concentration positive, of shape {@code batch + [K]}
   * @return the variable
   */
  public static Dirichlet of(VariableScope scope, Operand<TFloat32> concentration) {
    return builder(scope).concentration(concentration).build();
  }

  /**
   * A Dirichlet variable over {@code concentration.length} categories.
   *
   * @param scope where to build it
   * @param concentration positive finite values, one per coordinate
   * @return the variable, with event shape {@code [K]}
   */
  public static Dirichlet of(VariableScope scope, float[] concentration) {
    return builder(scope).concentration(concentration).build();
  }

  /**
   * A builder for name, sample shape, observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The concentration parameter {@code a}.
   *
   * @return the float32 tensor the variable was built with, of its own shape {@code batch + [K]}
   */
  public Operand<TFloat32> concentration() {
    return param("concentration");
  }

  /** Always true: through the implicit {@code RandomGamma} gradient of the gamma draws. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> g = StandardDraws.gamma(tf, drawShape(tf, sampleShape), concentration(), nextSeedTensor(tf));
    return tf.math.div(g, tf.reduceSum(g, tf.constant(-1), ReduceSum.keepDims(true)));
  }

  /**
   * {@code sum_i (a_i - 1) log x_i - log B(a)}: with {@code validateArgs} (the default) through
   * {@code xlogy} and {@code -inf} off the simplex, without it the bare formula (see the class
   * documentation).
   */
  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> a = concentration();
    Operand<TFloat32> aMinusOne = tf.math.sub(a, scalar(tf, 1));
    if (!validateArgs()) {
      return tf.math.sub(bareKernel(tf, aMinusOne, x), logMultivariateBeta(tf, a));
    }
    Operand<TBool> inside = onSimplex(tf, x);
    // A negative coordinate would make log x NaN, and NaN times the zero gradient of the -inf branch is NaN.
    Operand<TFloat32> safeX = tf.select(tf.math.greaterEqual(x, scalar(tf, 0)), x, tf.onesLike(x));
    Operand<TFloat32> kernel = tf.reduceSum(XlogyGradient.xlogy(tf, aMinusOne, safeX), tf.constant(-1));
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.sub(kernel, logMultivariateBeta(tf, a)));
  }

  /**
   * {@code sum_i (a_i - 1) log x_i} over the last axis, as {@code log x} times the column {@code a -
   * 1} when the concentration has no batch axes and {@code x}'s last axis is {@code K}: one {@code
   * MatMul} reads {@code log x} once, where {@code Mul} then {@code Sum} read it twice and write a
   * copy between (1.12 times as fast on 100,000 x 5 values, median of 23 rounds; the fused {@code
   * Xlogy} ran at 0.78, so only the checked form pays for its care at zero coordinates).
   */
  private Operand<TFloat32> bareKernel(Ops tf, Operand<TFloat32> aMinusOne, Operand<TFloat32> x) {
    Shape xShape = x.shape();
    int rank = xShape.isUnknown() ? -1 : xShape.numDimensions();
    if (batchShape().numDimensions() > 0 || rank < 1 || xShape.size(rank - 1) != numCategories()) {
      return tf.reduceSum(tf.math.mul(aMinusOne, tf.math.log(x)), tf.constant(-1));
    }
    Operand<TFloat32> rows = tf.reshape(tf.math.log(x), tf.constant(new long[] {-1, numCategories()}));
    Operand<TFloat32> column = tf.reshape(aMinusOne, tf.constant(new long[] {numCategories(), 1}));
    Shape outShape = xShape.take(rank - 1);
    Operand<TInt32> outDims = BroadcastShapes.isFullyKnown(outShape)
        ? BroadcastShapes.constant(tf, outShape)
        : tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {rank - 1}));
    return tf.reshape(tf.linalg.matMul(rows, column), outDims);
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    Operand<TFloat32> a = broadcastToBatchEvent(tf, concentration());
    return tf.math.div(a, total(tf, a));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** {@code a_i (a_0 - a_i) / (a_0^2 (a_0 + 1))}. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> a = broadcastToBatchEvent(tf, concentration());
    Operand<TFloat32> a0 = total(tf, a);
    Operand<TFloat32> denominator = tf.math.mul(tf.math.square(a0), tf.math.add(a0, scalar(tf, 1)));
    return tf.math.div(tf.math.mul(a, tf.math.sub(a0, a)), denominator);
  }

  /** {@code (a_i - 1) / (a_0 - K)} where every {@code a_i > 1}; NaN otherwise (no interior mode). */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    Operand<TFloat32> a = broadcastToBatchEvent(tf, concentration());
    Operand<TFloat32> k = scalar(tf, numCategories());
    Operand<TFloat32> mode = tf.math.div(tf.math.sub(a, scalar(tf, 1)), tf.math.sub(total(tf, a), k));
    Operand<TBool> defined = tf.reduceAll(tf.math.greater(a, scalar(tf, 1)), tf.constant(-1),
        org.tensorflow.op.core.ReduceAll.keepDims(true));
    return tf.select(tf.broadcastTo(defined, tf.shape(mode)), mode, tf.fill(tf.shape(mode), scalar(tf, Float.NaN)));
  }

  /** {@code log B(a) + (a_0 - K) digamma(a_0) - sum_i (a_i - 1) digamma(a_i)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> a = broadcastToBatchEvent(tf, concentration());
    Operand<TFloat32> a0 = tf.reduceSum(a, tf.constant(-1));
    Operand<TFloat32> t2 = tf.math.mul(tf.math.sub(a0, scalar(tf, numCategories())), tf.math.digamma(a0));
    Operand<TFloat32> t3 = tf.reduceSum(tf.math.mul(tf.math.sub(a, scalar(tf, 1)), tf.math.digamma(a)), tf.constant(-1));
    return tf.math.sub(tf.math.add(logMultivariateBeta(tf, a), t2), t3);
  }

  /**
   * {@code KL(Dir(a) || Dir(b)) = lgamma(a_0) - sum lgamma(a_i) - lgamma(b_0) + sum lgamma(b_i) +
   * sum (a_i - b_i) (digamma(a_i) - digamma(a_0))}; both must have the same {@code K}.
   */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof Dirichlet q)) {
      return Optional.empty();
    }
    if (q.numCategories() != numCategories()) {
      throw new IllegalArgumentException("`other` must have event shape [" + numCategories() + "] to match " + name()
          + ", got [" + q.numCategories() + "]");
    }
    Operand<TFloat32> a = concentration();
    Operand<TFloat32> b = q.concentration();
    Operand<TFloat32> a0 = total(tf, a);
    Operand<TFloat32> digammaDiff = tf.math.sub(tf.math.digamma(a), tf.math.digamma(a0));
    Operand<TFloat32> cross = tf.reduceSum(tf.math.mul(tf.math.sub(a, b), digammaDiff), tf.constant(-1));
    return Optional.of(tf.math.add(tf.math.sub(logMultivariateBeta(tf, b), logMultivariateBeta(tf, a)), cross));
  }

  /**
   * The number of coordinates {@code K}: the size of the concentration's last axis.
   *
   * @return {@code K}, at least 1
   */
  public long numCategories() {
    return eventShape().size(0);
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** {@code log B(a) = sum_i lgamma(a_i) - lgamma(sum_i a_i)} over the last axis. */
  static Operand<TFloat32> logMultivariateBeta(Ops tf, Operand<TFloat32> a) {
    Operand<TFloat32> sumLgamma = tf.reduceSum(tf.math.lgamma(a), tf.constant(-1));
    return tf.math.sub(sumLgamma, tf.math.lgamma(tf.reduceSum(a, tf.constant(-1))));
  }

  /** Whether every coordinate of {@code x} is non-negative and they sum to 1 (last axis). */
  static Operand<TBool> onSimplex(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> nonNegative = tf.reduceAll(tf.math.greaterEqual(x, scalar(tf, 0)), tf.constant(-1));
    Operand<TFloat32> gap = tf.math.abs(tf.math.sub(tf.reduceSum(x, tf.constant(-1)), scalar(tf, 1)));
    return tf.math.logicalAnd(nonNegative, tf.math.lessEqual(gap, scalar(tf, SIMPLEX_TOLERANCE)));
  }

  private static Operand<TFloat32> total(Ops tf, Operand<TFloat32> a) {
    return tf.reduceSum(a, tf.constant(-1), ReduceSum.keepDims(true));
  }

  /** Builds a {@link Dirichlet}: {@code concentration} is required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, Dirichlet, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("concentration", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Dirichlet", TFloat32.class);
    }

    /**
     * The concentration, a float32 tensor of positive values whose last axis is the event.
     *
     * @param concentration positive, of rank 1 or more with a known last axis: a float32 tensor of
     *     this context's graph (values checked at once only for a {@code Const} of up to 2^16
     *     elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder concentration(Operand<TFloat32> concentration) {
      return parameter("concentration", concentration);
    }

    /**
     * The concentration, positive finite values.
     *
     * @param concentration one positive finite value per coordinate; not null
     * @return this builder
     * @throws IllegalArgumentException if {@code concentration} is null or a value is not positive
     *     and finite
     */
    public Builder concentration(float[] concentration) {
      return parameter("concentration", concentration, concentration == null ? 0 : concentration.length);
    }

    /** The last axis (of known size) is the event; the axes before it the batch. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      return EventShapes.lastAxisEvent(shapes, "concentration");
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Dirichlet create(Parts<TFloat32> parts) {
      return new Dirichlet(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
