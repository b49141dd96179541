package org.edward4j.core.optimizers;

import java.util.Objects;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;

/**
 * A learning rate computed in the graph at each step, so a schedule can read the global step.
 *
 * <p>{@link #exponentialDecay} is TF1's {@code tf.train.exponential_decay}: {@code lr = start *
 * rate^(step / decaySteps)}, with the exponent floored when {@code staircase}. Edward's default
 * optimizer is Adam with {@code exponentialDecay(0.1, step, 100, 0.9, true)}.
 *
 * <pre>{@code
 * Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
 * Adam adam = Adam.builder().learningRate(LearningRate.exponentialDecay(0.1, step, 100, 0.9, true)).build();
 * }</pre>
 */
public sealed interface LearningRate
    permits LearningRate.Constant, LearningRate.ExponentialDecay, LearningRate.FromTensor {

  /**
   * Builds the scalar learning rate.
   *
   * @param tf where to place the ops
   * @return a float32 scalar
   */
  Operand<TFloat32> build(Ops tf);

  /**
   * A fixed learning rate.
   *
   * @param value non-negative and finite
   * @return the schedule
   */
  static LearningRate constant(double value) {
    return new Constant(value);
  }

  /**
   * TF1's exponential decay, computed in double precision and rounded once to float32.
   *
   * @param start the rate at step 0; non-negative and finite
   * @param globalStep the step counter it reads, e.g. {@link GlobalStep#getOrCreate}
   * @param decaySteps steps per factor of {@code decayRate}; positive
   * @param decayRate the factor; positive and finite
   * @param staircase whether the exponent is {@code floor(step / decaySteps)}
   * @return the schedule
   */
  static LearningRate exponentialDecay(
      double start, Variable<TInt64> globalStep, long decaySteps, double decayRate, boolean staircase) {
    return new ExponentialDecay(start, globalStep, decaySteps, decayRate, staircase);
  }

  /**
   * A learning rate the caller computes (a placeholder, or a schedule of its own).
   *
   * @param tensor a float32 scalar in the same graph as the loss
   * @return the schedule
   */
  static LearningRate of(Operand<TFloat32> tensor) {
    return new FromTensor(tensor);
  }

  /**
   * A fixed learning rate.
   *
   * @param value the rate
   */
  record Constant(double value) implements LearningRate {

    /**
     * Checks the value is non-negative and finite.
     *
     * @param value the rate; non-negative and finite
     * @throws IllegalArgumentException otherwise
     */
    public Constant {
      if (!(value >= 0) || !Double.isFinite(value)) {
        throw new IllegalArgumentException("`learningRate` must be non-negative and finite, got " + value);
      }
    }

    @Override
    public Operand<TFloat32> build(Ops tf) {
      return tf.constant((float) value);
    }

    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /**
   * TF1's {@code exponential_decay}.
   *
   * @param start the rate at step 0
   * @param globalStep the step counter
   * @param decaySteps steps per factor of {@code decayRate}
   * @param decayRate the factor
   * @param staircase whether the exponent is floored
   */
  record ExponentialDecay(
      double start, Variable<TInt64> globalStep, long decaySteps, double decayRate, boolean staircase)
      implements LearningRate {

    /**
     * Checks the arguments.
     *
     * @param start the rate at step 0; non-negative and finite
     * @param globalStep the step counter, an int64 scalar variable; not null
     * @param decaySteps steps per factor of {@code decayRate}; positive
     * @param decayRate the factor; positive and finite
     * @param staircase whether the exponent is {@code floor(step / decaySteps)}
     * @throws IllegalArgumentException if a value is out of range or {@code globalStep} is not a
     *     scalar
     */
    public ExponentialDecay {
      if (!(start >= 0) || !Double.isFinite(start)) {
        throw new IllegalArgumentException("`start` must be non-negative and finite, got " + start);
      }
      Objects.requireNonNull(globalStep, "globalStep");
      if (globalStep.shape().numDimensions() != 0) {
        throw new IllegalArgumentException("`globalStep` must be a scalar, got shape " + globalStep.shape());
      }
      if (decaySteps <= 0) {
        throw new IllegalArgumentException("`decaySteps` must be positive, got " + decaySteps);
      }
      if (!(decayRate > 0) || !Double.isFinite(decayRate)) {
        throw new IllegalArgumentException("`decayRate` must be positive and finite, got " + decayRate);
      }
    }

    @Override
    public Operand<TFloat32> build(Ops tf) {
      Operand<TInt64> step = globalStep.value();
      Operand<TFloat64> exponent;
      if (staircase) {
        exponent = tf.dtypes.cast(tf.math.floorDiv(step, tf.constant(decaySteps)), TFloat64.class);
      } else {
        exponent = tf.math.div(tf.dtypes.cast(step, TFloat64.class), tf.constant((double) decaySteps));
      }
      Operand<TFloat64> rate = tf.math.mul(tf.constant(start), tf.math.pow(tf.constant(decayRate), exponent));
      return tf.dtypes.cast(rate, TFloat32.class);
    }

    @Override
    public String toString() {
      return "exponentialDecay(" + start + ", " + globalStep.name() + ", " + decaySteps + ", " + decayRate
          + (staircase ? ", staircase" : "") + ")";
    }
  }

  /**
   * A caller-computed learning rate.
   *
   * @param tensor a float32 scalar
   */
  record FromTensor(Operand<TFloat32> tensor) implements LearningRate {

    /**
     * Checks the tensor is a scalar.
     *
     * @param tensor a float32 scalar (or of unknown rank); not null
     * @throws IllegalArgumentException if its static rank is above 0
     */
    public FromTensor {
      Objects.requireNonNull(tensor, "tensor");
      if (tensor.shape().numDimensions() > 0) {
        throw new IllegalArgumentException("`tensor` must be a scalar learning rate, got shape " + tensor.shape());
      }
    }

    @Override
    public Operand<TFloat32> build(Ops tf) {
      return tensor;
    }

    @Override
    public String toString() {
      return "tensor(" + tensor.op().name() + ")";
    }
  }
}
