package org.edward4j.core.optimizers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TNumber;

/**
 * A gradient-based optimizer that updates exactly the variables it is given, with one raw resource
 * training op per variable (TF1's {@code tf.train.Optimizer} without its implicit "every trainable
 * variable" default).
 *
 * <p>Each {@link #minimize} or {@link #applyGradients} call builds one training step with its own
 * slot variables under a fresh top-level scope named after the optimizer ({@code Adam}, then
 * {@code Adam_1}, ...): a slot of {@code Disc/dense/kernel} is {@code Adam/Disc/dense/kernel/m}.
 * The step runs the {@link TrainOptions#updateOps() update ops} (and, for {@code minimize}, the
 * loss) before any update, and increments the {@link TrainOptions#globalStep() global step} after
 * all of them. The optimizer itself is an immutable description and can build many steps.
 *
 * <pre>{@code
 * Adam adam = Adam.builder().learningRate(2e-4).beta1(0.5).build();
 * Op trainDisc = adam.minimize(discLoss, ctx.collections().trainableVariables("Disc"));
 * Op trainGen = adam.minimize(genLoss, ctx.collections().trainableVariables("Gen"));
 * }</pre>
 */
public abstract sealed class Optimizer
    permits Adam, GradientDescent, Momentum, RmsProp, Adagrad, Adadelta {

  private final String name;
  private final String defaultName;
  private final LearningRate learningRate;

  Optimizer(OptimizerBuilder<?, ?> settings) {
    this.name = settings.name;
    this.defaultName = settings.defaultName;
    this.learningRate = settings.learningRate;
  }

  /**
   * The scope name its training steps claim, e.g. {@code "Adam"}.
   *
   * @return the base name; each step's scope is this name made unique ({@code Adam}, {@code
   *     Adam_1}, ...), as {@link TrainStep#scope()} reports
   */
  public String name() {
    return name;
  }

  /**
   * The learning rate or schedule.
   *
   * @return the description every step builds its own learning-rate ops from
   */
  public LearningRate learningRate() {
    return learningRate;
  }

  /**
   * Builds a step that lowers {@code loss} by updating the variables of {@code varList} only.
   *
   * @param loss a float32 scalar
   * @param varList the variables to update; floating point, distinct, in the loss's context
   * @return the step; running it updates every variable once
   * @throws IllegalArgumentException if the list is empty or has duplicates, or the loss depends on
   *     none of the variables
   */
  public TrainStep minimize(Operand<TFloat32> loss, List<? extends Variable<?>> varList) {
    return minimize(loss, varList, TrainOptions.defaults());
  }

  /**
   * Builds a step that lowers {@code loss}, with a global step and update ops.
   *
   * @param loss a float32 scalar
   * @param varList the variables to update
   * @param options the global step and update ops
   * @return the step
   */
  public TrainStep minimize(Operand<TFloat32> loss, List<? extends Variable<?>> varList, TrainOptions options) {
    List<GradientAndVariable> pairs = computeGradients(loss, varList);
    return build(pairs, options, List.of(loss));
  }

  /**
   * The gradients of {@code loss} with respect to each variable (zeros for one the loss does not
   * depend on), as TF1's {@code compute_gradients(loss, var_list)}.
   *
   * @param loss a float32 scalar
   * @param varList the variables
   * @return one pair per variable, in order
   * @throws IllegalArgumentException if the loss depends on none of the variables
   */
  public List<GradientAndVariable> computeGradients(Operand<TFloat32> loss, List<? extends Variable<?>> varList) {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(varList, "varList");
    ModelContext ctx = varList.isEmpty() || varList.get(0) == null ? null : varList.get(0).context();
    checkVarList(ctx, varList);
    ctx.checkOwns(loss, "loss");
    if (!VariableGradients.connected(loss, varList).contains(true)) {
      throw new IllegalArgumentException(
          "`loss` depends on none of the variables in `varList` " + names(varList)
              + "; no gradient can update them");
    }
    List<Operand<? extends TNumber>> grads = VariableGradients.of(ctx.opsAt(""), loss, varList);
    List<GradientAndVariable> pairs = new ArrayList<>();
    for (int i = 0; i < grads.size(); i++) {
      pairs.add(new GradientAndVariable(grads.get(i), varList.get(i)));
    }
    return pairs;
  }

  /**
   * Builds a step applying given gradients, as TF1's {@code apply_gradients}.
   *
   * @param gradsAndVars the gradient for each variable to update
   * @return the step
   */
  public TrainStep applyGradients(List<GradientAndVariable> gradsAndVars) {
    return applyGradients(gradsAndVars, TrainOptions.defaults());
  }

  /**
   * Builds a step applying given gradients, with a global step and update ops.
   *
   * @param gradsAndVars the gradient for each variable to update
   * @param options the global step and update ops
   * @return the step
   */
  public TrainStep applyGradients(List<GradientAndVariable> gradsAndVars, TrainOptions options) {
    return build(gradsAndVars, options, List.of());
  }

  /** A per-step updater: creates the step's slots and builds each variable's update op. */
  interface Updater {
    <T extends TNumber> Op apply(Ops tf, Variable<T> var, Operand<T> grad, Operand<T> lr);

    /** Ops that run after every update, such as Adam's beta-power decay. */
    default List<Op> finish(Ops tf) {
      return List.of();
    }
  }

  abstract Updater newUpdater(Slots slots);

  private TrainStep build(List<GradientAndVariable> pairs, TrainOptions options, List<Op> before) {
    Objects.requireNonNull(pairs, "gradsAndVars");
    Objects.requireNonNull(options, "options");
    List<Variable<?>> vars = new ArrayList<>();
    pairs.forEach(p -> vars.add(Objects.requireNonNull(p, "gradsAndVars element").variable()));
    ModelContext ctx = vars.isEmpty() ? null : vars.get(0).context();
    checkVarList(ctx, vars);
    Slots slots = Slots.claim(ctx, name);
    List<Op> first = new ArrayList<>(options.updateOps());
    first.addAll(before);
    Ops tf = slots.tf();
    Operand<TFloat32> lr = learningRate.build(tf.withSubScope("learning_rate"));
    Updater updater = newUpdater(slots);
    Ops applyTf = first.isEmpty() ? tf : tf.withControlDependencies(first);
    List<Op> applies = new ArrayList<>();
    for (GradientAndVariable p : pairs) {
      applies.add(applyOne(updater, applyTf.withSubScope("update_" + p.variable().name().replace('/', '_')), p, lr));
    }
    List<Op> after = new ArrayList<>(updater.finish(tf.withControlDependencies(applies)));
    Variable<TInt64> step = options.globalStep();
    if (step != null) {
      after.add(tf.withControlDependencies(applies).withName("increment_global_step")
          .assignAddVariableOp(step.handle(), tf.constant(1L)));
    }
    List<Op> all = new ArrayList<>(first);
    all.addAll(applies);
    all.addAll(after);
    Op train = tf.withControlDependencies(all).withName("train").noOp();
    return new TrainStep(train, this, slots.name(), vars, slots.all(), lr, step);
  }

  @SuppressWarnings("unchecked")
  private static <T extends TNumber> Op applyOne(Updater updater, Ops tf, GradientAndVariable p, Operand<TFloat32> lr) {
    Variable<T> var = (Variable<T>) p.variable();
    Operand<T> grad = (Operand<T>) p.gradient();
    return updater.apply(tf, var, grad, cast(tf, lr, var.dtype()));
  }

  private static void checkVarList(ModelContext ctx, List<? extends Variable<?>> varList) {
    Objects.requireNonNull(varList, "varList");
    if (varList.isEmpty()) {
      throw new IllegalArgumentException("`varList` must name at least one variable to update");
    }
    Set<String> seen = new HashSet<>();
    for (Variable<?> v : varList) {
      Objects.requireNonNull(v, "varList element");
      if (!seen.add(v.name())) {
        throw new IllegalArgumentException("`varList` must not repeat a variable, got " + v.name() + " twice");
      }
      if (!TFloating.class.isAssignableFrom(v.dtype())) {
        throw new IllegalArgumentException(
            "`varList` must hold floating-point variables, got " + v.name() + " of " + v.dtype().getSimpleName());
      }
      if (v.context() != ctx) {
        throw new IllegalArgumentException("`varList` variable " + v.name() + " belongs to another ModelContext");
      }
    }
  }

  /** {@code x} as dtype {@code t}: hyperparameter tensors are float32, variables may be wider. */
  @SuppressWarnings("unchecked")
  static <T extends TNumber> Operand<T> cast(Ops tf, Operand<TFloat32> x, Class<T> t) {
    return t.equals(TFloat32.class) ? (Operand<T>) x : tf.dtypes.cast(x, t);
  }

  private static List<String> names(List<? extends Variable<?>> vars) {
    return vars.stream().map(Variable::name).toList();
  }

  /** Hyperparameters other than the learning rate, for {@link #toString()}. */
  abstract String hyperparameters();

  @Override
  public String toString() {
    String extra = hyperparameters();
    return getClass().getSimpleName() + "(learningRate=" + learningRate + (extra.isEmpty() ? "" : ", " + extra)
        + (name.equals(defaultName) ? "" : ", name=" + name) + ")";
  }
}
