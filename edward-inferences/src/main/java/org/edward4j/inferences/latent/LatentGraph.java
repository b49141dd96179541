package org.edward4j.inferences.latent;

import java.util.ArrayList;
import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Reuse;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableSpec;
import org.edward4j.core.optimizers.LearningRate;
import org.edward4j.core.optimizers.TrainStep;
import org.edward4j.core.optimizers.VariableGradients;
import org.edward4j.core.summaries.EventWriter;
import org.edward4j.inferences.JointDiscriminator;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * The graph of a latent search, TF-GAN's {@code model_fn}: a trainable code variable {@code
 * new_var_z_input} feeding the generator, the discriminator on its output, the per-example loss,
 * one optimizer step on {@code z} alone followed by clipping, and the ops that start a search (a
 * random code, or the encoder's) and set the code.
 */
final class LatentGraph {

  /** The code variable's name, as TF-GAN's {@code INPUT_NAME}. */
  static final String Z_NAME = "new_var_z_input";

  final Variable<TFloat32> z;
  final Placeholder<TFloat32> targets;
  final Operand<TFloat32> generated;
  final Operand<TFloat32> perExample;
  final Operand<TFloat32> meanLoss;
  final Operand<TFloat32> zGradNorm;
  final Op step;
  final Op randomStart;
  final Op encoderStart;
  final Placeholder<TFloat32> zValue;
  final Placeholder<TFloat32> learningRate;
  final Op setZ;
  final List<Variable<?>> networkVariables;
  final List<Variable<?>> optimizerState;

  LatentGraph(ModelContext ctx, LatentGanEstimator.Builder b) {
    LatentGanParams p = b.params;
    Ops tf = ctx.tf();
    Shape zShape = p.zVariableShape();
    float clip = (float) p.inputClip();
    z = ctx.rootScope().getVariable(VariableSpec.of(Z_NAME, zShape, TFloat32.class)
        .withInitializer(Initializers.truncatedNormal(0, 1)));
    generated = b.generator.apply(ctx.scope(b.generatorScope), z);
    Shape out = generated.shape();
    if (out.isUnknown() || out.hasUnknownDimension() || out.numDimensions() < 1 || out.get(0) != p.batchSize()) {
      throw new IllegalArgumentException("`generator` must return a fully known shape [" + p.batchSize() + ", ...] for codes of shape "
          + zShape + ", got " + out);
    }
    targets = tf.withName("targets").placeholder(TFloat32.class, Placeholder.shape(out));
    Operand<TFloat32> logits = null;
    if (b.discriminator != null) {
      logits = b.discriminator.apply(ctx.scope("Disc"), generated, z);
    }
    Operand<TFloat32> loss = b.loss.perExample(tf.withSubScope("loss"), new LatentGanModel(generated, logits, targets, z));
    // TF-GAN accepts a scalar loss_fn (the batch's loss) beside per-example losses: a scalar is
    // minimized as it is and reported as every example's loss; per-example losses are summed, so
    // each code follows its own example's gradient, and reported as their mean.
    boolean scalar = !loss.shape().isUnknown() && loss.shape().numDimensions() == 0;
    perExample = scalar
        ? tf.fill(tf.constant(new int[] {p.batchSize()}), loss)
        : perExampleShape(tf, loss, p.batchSize());
    Operand<TFloat32> encoded = null;
    if (b.encoder != null) {
      encoded = b.encoder.apply(ctx.scope(b.generatorScope, Reuse.AUTO_REUSE), targets);
      if (!encoded.shape().isCompatibleWith(zShape)) {
        throw new IllegalArgumentException("`encoder` must return codes of shape " + zShape + ", got " + encoded.shape());
      }
    }
    networkVariables = new ArrayList<>(ctx.variables().all());
    networkVariables.remove(z);
    Operand<TFloat32> total = scalar ? loss : tf.reduceSum(perExample, tf.constant(0));
    meanLoss = scalar ? tf.withName("z_loss").identity(loss) : tf.withName("z_loss").math.mean(perExample, tf.constant(0));
    // The rate is fed at each step, so it may follow a schedule.
    learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    TrainStep train = b.optimizer.create(LearningRate.of(learningRate), p.optimizerOptions()).minimize(total, List.of(z));
    optimizerState = train.slots();
    Ops after = tf.withControlDependencies(List.of(train));
    step = after.withName("clip_z").assignVariableOp(z.handle(), after.clipByValue(z.read(after), tf.constant(-clip), tf.constant(clip)));
    Operand<TFloat32> draw = tf.random.statelessTruncatedNormal(tf.constant(zShape), ctx.statelessSeed(tf, ctx.nextOpSeed()), TFloat32.class);
    randomStart = z.assign(tf, clip(tf, draw, clip));
    encoderStart = encoded == null ? null : z.assign(tf, clip(tf, encoded, clip));
    zValue = tf.placeholder(TFloat32.class, Placeholder.shape(zShape));
    setZ = z.assign(tf, zValue);
    // The gradient of the loss z_loss/loss logs (the mean over the batch), as TF-GAN's summary.
    zGradNorm = p.addSummaries() ? norm(tf, VariableGradients.of(tf, meanLoss, List.of(z)).get(0)) : null;
  }

  /** Starts a search: the encoder's codes (or fresh random ones) and a reset optimizer. */
  void start(ModelContext ctx, TFloat32 targetBatch, boolean fromEncoder) {
    Session.Runner runner = ctx.session().runner().feed(targets, targetBatch).addTarget(fromEncoder ? encoderStart : randomStart);
    optimizerState.forEach(v -> runner.addTarget(v.initializer()));
    ctx.run(runner).close();
  }

  /**
   * One optimizer step on the codes, then clipping.
   *
   * @param events where to write this step's summaries, or null
   * @param summaryStep the step number the summaries carry
   * @return the mean loss before the step
   */
  double step(ModelContext ctx, TFloat32 targetBatch, TFloat32 rate, EventWriter events, long summaryStep) {
    Session.Runner runner =
        ctx.session().runner().feed(targets, targetBatch).feed(learningRate, rate).addTarget(step).fetch(meanLoss);
    TInt64 stepTensor = null;
    if (events != null) {
      stepTensor = TInt64.scalarOf(summaryStep);
      events.addTo(runner, stepTensor);
    }
    try (Result r = ctx.run(runner)) {
      return ((TFloat32) r.get(0)).getFloat();
    } finally {
      if (stepTensor != null) {
        stepTensor.close();
      }
    }
  }

  /** Sets the codes to given rows. */
  void setCodes(ModelContext ctx, float[][] codes) {
    float[] flat = BatchRows.flatten(codes, z.shape(), "z", "to match the code variable");
    try (TFloat32 value = TFloat32.tensorOf(z.shape(), DataBuffers.of(flat, true, false))) {
      ctx.run(ctx.session().runner().feed(zValue, value).addTarget(setZ)).close();
    }
  }

  private static Operand<TFloat32> perExampleShape(Ops tf, Operand<TFloat32> loss, int batch) {
    Shape s = loss.shape();
    boolean ok = !s.isUnknown() && (s.numDimensions() == 1 || (s.numDimensions() == 2 && s.get(1) == 1))
        && (s.get(0) == batch || s.get(0) < 0);
    if (!ok) {
      throw new IllegalArgumentException("`loss` must return one loss per example, shape [" + batch + "], got " + s);
    }
    return s.numDimensions() == 1 ? loss : tf.reshape(loss, tf.constant(new int[] {batch}));
  }

  private static Operand<TFloat32> clip(Ops tf, Operand<TFloat32> x, float c) {
    return tf.clipByValue(x, tf.constant(-c), tf.constant(c));
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> norm(Ops tf, Operand<? extends TNumber> g) {
    Operand<TFloat32> grad = (Operand<TFloat32>) g;
    return tf.math.sqrt(tf.reduceSum(tf.math.square(grad), tf.range(tf.constant(0), tf.rank(grad), tf.constant(1))));
  }

  /** Adapts a single-input discriminator to the joint form. */
  static JointDiscriminator ignoringCodes(org.edward4j.inferences.Discriminator d) {
    return (scope, x, codes) -> d.apply(scope, x);
  }
}
