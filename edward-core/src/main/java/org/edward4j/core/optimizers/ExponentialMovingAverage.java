package org.edward4j.core.optimizers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An exponential moving average of variables, as TF1's {@code tf.train.ExponentialMovingAverage}:
 * one non-trainable shadow per variable, updated after each training step by
 * {@code shadow -= (1 - d) (shadow - variable)}. Averaging a GAN generator's weights this way is
 * the remedy of Yazici et al. (2019, "The unusual effectiveness of averaging in GAN training",
 * ICLR) for the oscillation of simultaneous gradient play.
 *
 * <p>The effective decay of update {@code n} (counting from 0) is {@code d = min(decay, n / (n +
 * 1))}: the first update copies the variables, the next ones keep the plain mean of the weights seen
 * so far until it would weigh the past more than {@code decay} does, then the average is
 * exponential. So the shadows never remember the random initialization (TF1 starts them at the
 * initial value instead and leans on its {@code num_updates} warm-up). The count is a float32 scalar,
 * exact up to 2^24 updates; past that it stops growing, which changes nothing since {@code decay <
 * 1} then rules.
 *
 * <p>The shadows live under their own top-level scope, {@code <name>/<variable>/average} (e.g.
 * {@code ExponentialMovingAverage/Gen/dense/kernel/average}), the count at {@code
 * <name>/num_updates}; they are ordinary variables, so a checkpoint of the context holds them and a
 * resumed run averages on exactly as an uninterrupted one.
 *
 * <pre>{@code
 * List<Variable<TFloat32>> gen = ...;                       // the generator's trainable weights
 * ExponentialMovingAverage ema = ExponentialMovingAverage.create(ctx, "GenAverage", gen, 0.999);
 * ctx.run(ctx.runner().addTarget(train)).close();                  // a training step, then
 * ctx.run(ctx.runner().addTarget(ema.update())).close();           // the average, in a run of its own
 * ctx.run(ctx.runner().addTarget(ema.copyToVariables())).close(); // sample with the averaged weights
 * }</pre>
 */
public final class ExponentialMovingAverage {

  /** The leaf name of each shadow variable. */
  public static final String AVERAGE = "average";

  /** The leaf name of the update count. */
  public static final String NUM_UPDATES = "num_updates";

  private final String name;
  private final double decay;
  private final Map<Variable<TFloat32>, Variable<TFloat32>> shadows;
  private final Variable<TFloat32> count;
  private final Op update;
  private final Op copy;

  private ExponentialMovingAverage(String name, double decay, Map<Variable<TFloat32>, Variable<TFloat32>> shadows,
      Variable<TFloat32> count, Op update, Op copy) {
    this.name = name;
    this.decay = decay;
    this.shadows = shadows;
    this.count = count;
    this.update = update;
    this.copy = copy;
  }

  /**
   * Creates the shadows of {@code variables} under the top-level scope {@code name} (or {@code
   * name_1}, ... if that is taken), and the ops that update and copy them.
   *
   * @param ctx the variables' context
   * @param name the scope of the shadows, e.g. {@code "GenAverage"}
   * @param variables float32 variables of {@code ctx}, at least one, each once
   * @param decay the average's decay, in (0, 1): about {@code 1 / (1 - decay)} updates are averaged
   * @return the average
   * @throws IllegalArgumentException if {@code decay} is outside (0, 1), {@code variables} is empty,
   *     repeats a variable or holds one of another context
   */
  public static ExponentialMovingAverage create(ModelContext ctx, String name, List<Variable<TFloat32>> variables,
      double decay) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(variables, "variables");
    if (!(decay > 0 && decay < 1)) {
      throw new IllegalArgumentException("`decay` must be in (0, 1), got " + decay);
    }
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("`variables` must hold at least one variable, got none");
    }
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> v = Objects.requireNonNull(variables.get(i), "variables[" + i + "]");
      if (v.context() != ctx) {
        throw new IllegalArgumentException("`variables[" + i + "]` (" + v.name() + ") belongs to another context");
      }
      if (variables.indexOf(v) != i) {
        throw new IllegalArgumentException("`variables` must not repeat a variable, got " + v.name() + " twice");
      }
    }
    Slots slots = Slots.claim(ctx, name);
    Map<Variable<TFloat32>, Variable<TFloat32>> shadows = new LinkedHashMap<>();
    for (Variable<TFloat32> v : variables) {
      shadows.put(v, slots.slot(v, AVERAGE, Initializers.zeros()));
    }
    Variable<TFloat32> count = slots.shared(NUM_UPDATES, 0.0);
    Ops tf = slots.tf();
    // d = min(decay, n / (n + 1)), n read once; every shadow assign consumes that read, so the
    // increment, which waits for the assigns, cannot run before it.
    Operand<TFloat32> n = count.value();
    Operand<TFloat32> d = tf.math.minimum(tf.constant((float) decay),
        tf.math.div(n, tf.math.add(n, tf.constant(1f))));
    Operand<TFloat32> rate = tf.math.sub(tf.constant(1f), d);
    List<Op> assigns = new ArrayList<>();
    List<Op> copies = new ArrayList<>();
    for (Map.Entry<Variable<TFloat32>, Variable<TFloat32>> e : shadows.entrySet()) {
      Variable<TFloat32> shadow = e.getValue();
      Operand<TFloat32> s = shadow.value();
      assigns.add(shadow.assign(tf, tf.math.sub(s, tf.math.mul(rate, tf.math.sub(s, e.getKey().value())))));
      copies.add(e.getKey().assign(tf, s));
    }
    Op increment = count.assign(tf.withControlDependencies(assigns), tf.math.add(n, tf.constant(1f)));
    Op update = tf.withName("update").withControlDependencies(List.of(increment)).noOp();
    Op copy = tf.withName("copy_to_variables").withControlDependencies(copies).noOp();
    return new ExponentialMovingAverage(slots.name(), decay, shadows, count, update, copy);
  }

  /**
   * The scope the shadows live under.
   *
   * @return e.g. {@code GenAverage}
   */
  public String name() {
    return name;
  }

  /**
   * The decay given at creation.
   *
   * @return in (0, 1)
   */
  public double decay() {
    return decay;
  }

  /**
   * The averaged variables, in the order given.
   *
   * @return an unmodifiable list
   */
  public List<Variable<TFloat32>> variables() {
    return List.copyOf(shadows.keySet());
  }

  /**
   * The shadow of one variable.
   *
   * @param variable one of {@link #variables()}
   * @return its average
   * @throws IllegalArgumentException if it is not averaged here
   */
  public Variable<TFloat32> average(Variable<TFloat32> variable) {
    Variable<TFloat32> shadow = shadows.get(variable);
    if (shadow == null) {
      throw new IllegalArgumentException("`variable` " + (variable == null ? null : variable.name())
          + " is not averaged by " + name);
    }
    return shadow;
  }

  /**
   * The number of updates made so far.
   *
   * @return a float32 scalar variable
   */
  public Variable<TFloat32> numUpdates() {
    return count;
  }

  /**
   * The op that folds the variables' current values into the shadows and counts the update. Run it
   * in a run of its own after each training step, so it sees the step's result.
   *
   * @return the update op
   */
  public Op update() {
    return update;
  }

  /**
   * The op that assigns each shadow to its variable: sampling or evaluating afterwards uses the
   * averaged weights. The variables' own values are lost, so run it once training is over, or after
   * restoring a checkpoint for evaluation.
   *
   * @return the copy op
   */
  public Op copyToVariables() {
    return copy;
  }

  @Override
  public String toString() {
    return "ExponentialMovingAverage{" + name + ", decay " + decay + ", " + shadows.size() + " variables}";
  }
}
