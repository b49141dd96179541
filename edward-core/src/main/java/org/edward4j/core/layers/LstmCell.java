package org.edward4j.core.layers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.edward4j.core.Initializer;
import org.edward4j.core.Initializers;
import org.edward4j.core.Reuse;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Split;
import org.tensorflow.types.TFloat32;

/**
 * One step of a long short-term memory cell (Hochreiter and Schmidhuber, 1997), with TF1's {@code
 * tf.nn.rnn_cell.BasicLSTMCell} semantics.
 *
 * <p>{@code [i, j, f, o] = [x, h] W + b} (the four gate blocks in this order along the last axis),
 * {@code c' = c * sigmoid(f + forgetBias) + sigmoid(i) * tanh(j)}, {@code h' = tanh(c') *
 * sigmoid(o)}, with TF1's default {@code forgetBias = 1.0}. The variables are {@code
 * <scope>/lstm_cell/kernel} of shape {@code [in + units, 4 * units]} (Glorot-uniform, TF1's default
 * initializer) and {@code <scope>/lstm_cell/bias} of shape {@code [4 * units]} (zeros). The cell
 * enters {@code lstm_cell} with {@link Reuse#AUTO_REUSE}, so every step unrolled in the same scope
 * shares one kernel, as one TF1 cell object does across time steps.
 *
 * <p>Edward's {@code examples/lstm.py} writes its own cell with two kernels ({@code kernel/input}
 * and {@code kernel/hidden}) and gate order {@code i, f, o, u}; that is this cell with the kernel
 * split in rows and the columns permuted, and the same forget bias of 1.
 *
 * <pre>{@code
 * LstmCell.State s = LstmCell.zeroState(scope.tf(), 4, 8);
 * s = LstmCell.step(scope, scope.tf().zeros(scope.tf().constant(new int[] {4, 3}), TFloat32.class), s, 8);
 * Operand<TFloat32> h = s.h();
 * }</pre>
 */
public final class LstmCell {

  /** TF1's default forget-gate bias of {@code BasicLSTMCell}. */
  public static final float FORGET_BIAS = 1.0f;

  private LstmCell() {}

  /**
   * The cell's state, TF1's {@code LSTMStateTuple(c, h)}.
   *
   * @param c the memory cell, {@code [batch, units]}
   * @param h the output (hidden state), {@code [batch, units]}
   */
  public record State(Operand<TFloat32> c, Operand<TFloat32> h) {
    /**
     * Checks that both parts are present.
     *
     * @param c the memory cell
     * @param h the output
     */
    public State {
      Objects.requireNonNull(c, "c");
      Objects.requireNonNull(h, "h");
    }
  }

  /**
   * The zero state, TF1's {@code cell.zero_state(batch, tf.float32)}.
   *
   * @param tf ops to build with
   * @param batch the batch size, positive
   * @param units the cell's size, positive
   * @return {@code c = h = 0} of shape {@code [batch, units]}
   * @throws IllegalArgumentException if a size is not positive
   */
  public static State zeroState(Ops tf, int batch, int units) {
    positive("batch", batch);
    positive("units", units);
    Operand<TFloat32> zeros = tf.zeros(tf.constant(new int[] {batch, units}), TFloat32.class);
    return new State(zeros, zeros);
  }

  /**
   * Builds one step of the cell.
   *
   * @param scope the scope the cell's {@code lstm_cell} variables live in
   * @param x the input at this step, {@code [batch, in]} with {@code in} known
   * @param state the previous state, each part {@code [batch, units]}
   * @param units the cell's size, positive
   * @return the new state; its {@code h} is the step's output
   * @throws IllegalArgumentException if a shape does not fit, before any op is built
   */
  public static State step(VariableScope scope, Operand<TFloat32> x, State state, int units) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(state, "state");
    positive("units", units);
    Shape xs = x.shape();
    if (xs.numDimensions() != 2 || xs.get(1) == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException("`x` must have shape [batch, in] with a known `in`, got " + xs);
    }
    checkState("c", state.c().shape(), units);
    checkState("h", state.h().shape(), units);
    long in = xs.get(1);
    VariableScope cell = scope.child("lstm_cell", Reuse.AUTO_REUSE);
    Variable<TFloat32> kernel = weight(cell, "kernel", Shape.of(in + units, 4L * units), xs);
    Variable<TFloat32> bias = weight(cell, "bias", Shape.of(4L * units), xs);
    Ops tf = cell.tf();
    Operand<TFloat32> inputs = tf.concat(List.of(x, state.h()), tf.constant(1));
    Operand<TFloat32> gates = tf.nn.biasAdd(tf.linalg.matMul(inputs, kernel), bias);
    Split<TFloat32> ijfo = tf.split(tf.constant(1), gates, 4L);
    Operand<TFloat32> i = tf.math.sigmoid(ijfo.output().get(0));
    Operand<TFloat32> j = tf.math.tanh(ijfo.output().get(1));
    Operand<TFloat32> f = tf.math.sigmoid(tf.math.add(ijfo.output().get(2), tf.constant(FORGET_BIAS)));
    Operand<TFloat32> o = tf.math.sigmoid(ijfo.output().get(3));
    Operand<TFloat32> c = tf.math.add(tf.math.mul(state.c(), f), tf.math.mul(i, j));
    Operand<TFloat32> h = tf.math.mul(tf.math.tanh(c), o);
    return new State(c, h);
  }

  /** Gets or creates a weight, naming the input when a reused one has another shape. */
  private static Variable<TFloat32> weight(VariableScope cell, String leaf, Shape shape, Shape input) {
    Optional<Variable<?>> existing = cell.context().variables().get(cell.fullName(leaf));
    if (existing.isPresent() && !existing.get().shape().equals(shape)) {
      throw new IllegalArgumentException("`x` of shape " + input + " does not fit the reused variable "
          + cell.fullName(leaf) + " of shape " + existing.get().shape() + " (this step needs " + shape + ")");
    }
    Initializer init = leaf.equals("bias") ? Initializers.zeros() : Initializers.glorotUniform();
    return cell.getVariable(VariableSpec.of(leaf, shape, TFloat32.class).withInitializer(init).withTrainable(true));
  }

  private static void checkState(String name, Shape shape, int units) {
    if (shape.numDimensions() != 2 || (shape.get(1) != Shape.UNKNOWN_SIZE && shape.get(1) != units)) {
      throw new IllegalArgumentException(
          "`state." + name + "` must have shape [batch, " + units + "] to match `units`, got " + shape);
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("`" + name + "` must be positive, got " + value);
    }
  }
}
