package org.edward4j.inferences.latent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.checkpoints.Saver;
import org.edward4j.core.summaries.EventWriter;
import org.edward4j.inferences.Discriminator;
import org.edward4j.inferences.JointDiscriminator;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Searches a trained GAN's latent space for the codes whose images best match given targets: TF-GAN's
 * {@code get_latent_gan_estimator} (latent_gan_estimator.py), after Creswell and Bharath (2018),
 * "Inverting the generator of a generative adversarial network".
 *
 * <p>It builds, in its own graph, a trainable code {@code z} of shape {@code [batchSize, zShape]}
 * as the generator's input, warm-starts the generator (and discriminator, and encoder) from the
 * trained GAN's checkpoint when a {@link WarmStart} is given (optional, as in TF-GAN), and minimizes {@code sum_i loss_i(G(z_i), D(G(z_i)), x_i)} over {@code z}
 * alone (or a scalar loss as it is); after each step {@code z} is clipped to {@code [-inputClip,
 * inputClip]}. The learning rate may follow a schedule ({@link LatentGanParams.Builder#learningRate(
 * java.util.function.LongToDoubleFunction)}). With {@code addSummaries}, {@code z_loss/loss} logs
 * the mean loss and {@code z_loss/z_grads} the norm of that same loss's gradient. Gradients flow
 * through the networks, whose weights never change. Beyond TF-GAN, a search can start from a BiGAN
 * encoder's codes {@code E(x)} and can restart from several random codes, keeping each example's
 * best. Random starts are truncated normals drawn from the estimator's seed, so a search is
 * repeatable.
 *
 * <p>Scopes read: the generator (and encoder) under {@code generatorScope} ({@code Gen}), the
 * discriminator under {@code Disc}. Limits: one fixed batch size; float32 targets.
 *
 * <pre>{@code
 * try (LatentGanEstimator estimator = LatentGanEstimator.builder()
 *     .generator((scope, z) -> generativeNetwork(scope, z))
 *     .discriminator((scope, x) -> discriminativeNetwork(scope, x))
 *     .loss(LatentLosses.pixelL2().plus(LatentLosses.realism().times(0.001)))
 *     .params(LatentGanParams.builder().batchSize(16).zShape(100).learningRate(0.05).build())
 *     .warmStartFrom(Path.of("out/gan/checkpoints"))
 *     .build()) {
 *   LatentGanResult result = estimator.fit(targets, 500); // targets: 16 rows of 784 pixels
 * }
 * }</pre>
 */
public final class LatentGanEstimator implements AutoCloseable {

  /** Summaries are written at the first step and every this many steps, as an Estimator does. */
  static final int SUMMARY_STEPS = 100;

  private final ModelContext ctx;
  private final LatentGraph graph;
  private final LatentGanParams params;
  private final Builder settings;
  private final EventWriter events;
  private long summaryStep;

  private LatentGanEstimator(Builder b) {
    this.settings = b;
    this.params = b.params;
    this.ctx = ModelContext.withSeed(b.seed);
    try {
      this.graph = new LatentGraph(ctx, b);
      if (b.warmStart != null) {
        warmStart(b.warmStart);
      }
      this.events = params.addSummaries() ? openEvents(b.logdir) : null;
    } catch (RuntimeException e) {
      ctx.close();
      throw e;
    }
  }

  /** The graph, for this package's tests. */
  LatentGraph graph() {
    return graph;
  }

  private void warmStart(WarmStart w) {
    List<Variable<?>> restored = new java.util.ArrayList<>();
    for (Variable<?> v : graph.networkVariables) {
      if (w.variables().map(p -> p.matcher(v.name()).matches()).orElse(true)) {
        restored.add(v);
      }
    }
    if (restored.isEmpty()) {
      throw new IllegalArgumentException(graph.networkVariables.isEmpty()
          ? "the generator creates no variables: there is nothing trained to warm start"
          : "`warmStart` variables " + w.variables().get().pattern() + " match none of the networks' variables "
              + graph.networkVariables.stream().map(Variable::name).toList());
    }
    Saver.builder(ctx).variables(restored).build().restore(w.checkpoint());
  }

  /**
   * A builder; generator and params are required.
   *
   * @return a builder; generator and params are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Searches codes for a batch of targets.
   *
   * @param targets {@code batchSize} rows, each a flattened example of the generator's output shape
   * @param steps optimizer steps per start, non-negative
   * @return each example's best code, its image and loss, and every start's loss curve
   * @throws IllegalArgumentException if the targets do not match the generator's output shape
   */
  public LatentGanResult fit(float[][] targets, int steps) {
    ctx.checkOpen();
    if (steps < 0) {
      throw new IllegalArgumentException("`steps` must be non-negative, got " + steps);
    }
    float[] flat = BatchRows.flatten(targets, graph.targets.shape(), "targets", "to match the generator's output");
    int batch = params.batchSize();
    int restarts = params.restarts();
    float[][] bestZ = new float[batch][];
    double[] bestLoss = new double[batch];
    int[] bestStart = new int[batch];
    Arrays.fill(bestLoss, Double.POSITIVE_INFINITY);
    double[][] curves = new double[restarts][steps + 1];
    try (TFloat32 x = TFloat32.tensorOf(graph.targets.shape(), DataBuffers.of(flat, true, false))) {
      for (int r = 0; r < restarts; r++) {
        graph.start(ctx, x, r == 0 && graph.encoderStart != null);
        for (int s = 0; s < steps; s++) {
          boolean summarize = events != null && (s == 0 || (s + 1) % SUMMARY_STEPS == 0 || s == steps - 1);
          try (TFloat32 rate = TFloat32.scalarOf((float) params.learningRateAt(s))) {
            curves[r][s] = graph.step(ctx, x, rate, summarize ? events : null, ++summaryStep);
          }
        }
        try (Result out = ctx.run(ctx.session().runner().feed(graph.targets, x)
            .fetch(graph.perExample).fetch(graph.z.value()).fetch(graph.meanLoss))) {
          float[] losses = BatchRows.floats(out, 0);
          float[][] codes = BatchRows.split(BatchRows.floats(out, 1), batch);
          curves[r][steps] = ((TFloat32) out.get(2)).getFloat();
          for (int i = 0; i < batch; i++) {
            if (losses[i] < bestLoss[i]) {
              bestLoss[i] = losses[i];
              bestZ[i] = codes[i];
              bestStart[i] = r;
            }
          }
        }
      }
      graph.setCodes(ctx, bestZ);
      try (Result out = ctx.run(ctx.session().runner().feed(graph.targets, x).fetch(graph.generated).fetch(graph.perExample))) {
        float[] losses = BatchRows.floats(out, 1);
        return new LatentGanResult(bestZ, BatchRows.split(BatchRows.floats(out, 0), batch), BatchRows.toDoubles(losses), bestStart, curves);
      }
    } finally {
      if (events != null) {
        events.flush();
      }
    }
  }

  /**
   * The warm-started generator's output at given codes (which replace the search's codes): the
   * trained generator, recomputed.
   *
   * @param z {@code batchSize} rows of flattened codes
   * @return {@code G(z)}, one flattened row per code
   */
  public float[][] generate(float[][] z) {
    ctx.checkOpen();
    graph.setCodes(ctx, z);
    try (Result out = ctx.run(ctx.session().runner().fetch(graph.generated))) {
      return BatchRows.split(BatchRows.floats(out, 0), params.batchSize());
    }
  }

  private EventWriter openEvents(Path logdir) {
    try {
      EventWriter w = EventWriter.create(ctx, logdir);
      w.scalar("z_loss/loss", graph.meanLoss);
      w.scalar("z_loss/z_grads", graph.zGradNorm);
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the summary directory " + logdir, e);
    }
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public LatentGanParams params() {
    return params;
  }

  /**
   * The generator's, discriminator's and encoder's variables, restored from the checkpoint and frozen.
   *
   * @return the generator's, discriminator's and encoder's variables, restored from the checkpoint and frozen
   */
  public List<Variable<?>> frozenVariables() {
    return List.copyOf(graph.networkVariables);
  }

  /**
   * The code variable {@code new_var_z_input}.
   *
   * @return the code variable {@code new_var_z_input}
   */
  public Variable<TFloat32> codeVariable() {
    return graph.z;
  }

  /**
   * The estimator's own context (its graph and session).
   *
   * @return the estimator's own context (its graph and session)
   */
  public ModelContext context() {
    return ctx;
  }

  /** Closes the summary writer, the session and the graph; safe to call twice. */
  @Override
  public void close() {
    try {
      if (events != null) {
        events.close();
      }
    } finally {
      ctx.close();
    }
  }

  @Override
  public String toString() {
    return "LatentGanEstimator(" + params + ", loss=" + settings.loss + ", generatorScope=" + settings.generatorScope
        + (settings.discriminator != null ? ", discriminator" : "") + (settings.encoder != null ? ", encoder start" : "")
        + ", warmStart=" + (settings.warmStart == null ? "none" : settings.warmStart) + ", seed=" + settings.seed + (ctx.isClosed() ? ", closed" : "") + ")";
  }

  /** Settings for a {@link LatentGanEstimator}. */
  public static final class Builder {
    Generator generator;
    String generatorScope = "Gen";
    JointDiscriminator discriminator;
    Encoder encoder;
    LatentLoss loss = LatentLosses.pixelL2();
    LatentOptimizer optimizer = LatentOptimizer.adam();
    LatentGanParams params;
    WarmStart warmStart;
    Path logdir;
    long seed;

    private Builder() {}

    /**
     * The trained generator {@code z -> x} (required).
     *
     * @param generator the trained generator {@code z -> x} (required)
     * @return this builder
     */
    public Builder generator(Generator generator) {
      this.generator = Objects.requireNonNull(generator, "generator");
      return this;
    }

    /**
     * The scope the generator (and encoder) were trained under (default {@code "Gen"}).
     *
     * @param scope the scope the generator (and encoder) were trained under (default {@code "Gen"})
     * @return this builder
     */
    public Builder generatorScope(String scope) {
      if (scope == null || scope.isBlank()) {
        throw new IllegalArgumentException("`generatorScope` must name a scope such as \"Gen\", got " + scope);
      }
      this.generatorScope = scope;
      return this;
    }

    /**
     * The trained discriminator {@code x -> logits}, built under {@code Disc}; optional.
     *
     * @param discriminator the trained discriminator {@code x -> logits}, built under {@code Disc}; optional
     * @return this builder
     */
    public Builder discriminator(Discriminator discriminator) {
      this.discriminator = LatentGraph.ignoringCodes(Objects.requireNonNull(discriminator, "discriminator"));
      return this;
    }

    /**
     * A trained joint (BiGAN) discriminator {@code (x, z) -> logits}, built under {@code Disc}; optional.
     *
     * @param discriminator a trained joint (BiGAN) discriminator {@code (x, z) -> logits}, built under {@code Disc}; optional
     * @return this builder
     */
    public Builder jointDiscriminator(JointDiscriminator discriminator) {
      this.discriminator = Objects.requireNonNull(discriminator, "discriminator");
      return this;
    }

    /**
     * A trained encoder {@code x -> z}: the first start of each search is {@code E(x)}, clipped.
     *
     * @param encoder a trained encoder {@code x -> z}: the first start of each search is {@code E(x)}, clipped
     * @return this builder
     */
    public Builder encoder(Encoder encoder) {
      this.encoder = Objects.requireNonNull(encoder, "encoder");
      return this;
    }

    /**
     * The per-example objective (default {@link LatentLosses#pixelL2()}).
     *
     * @param loss the per-example objective (default {@link LatentLosses#pixelL2()})
     * @return this builder
     */
    public Builder loss(LatentLoss loss) {
      this.loss = Objects.requireNonNull(loss, "loss");
      return this;
    }

    /**
     * Makes the optimizer from the params (default {@link LatentOptimizer#adam()}).
     *
     * @param optimizer makes the optimizer from the params (default {@link LatentOptimizer#adam()})
     * @return this builder
     */
    public Builder optimizer(LatentOptimizer optimizer) {
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
      return this;
    }

    /**
     * Batch size, code shape, learning rate, clip, summaries, optimizer options, restarts (required).
     *
     * @param params batch size, code shape, learning rate, clip, summaries, optimizer options, restarts (required)
     * @return this builder
     */
    public Builder params(LatentGanParams params) {
      this.params = Objects.requireNonNull(params, "params");
      return this;
    }

    /**
     * Warm starts every network variable from the trained GAN's checkpoint directory or prefix:
     * {@code warmStart(WarmStart.from(checkpoint))}.
     *
     * @param checkpoint the trained GAN's checkpoint directory or prefix
     * @return this builder
     */
    public Builder warmStartFrom(Path checkpoint) {
      return warmStart(WarmStart.from(Objects.requireNonNull(checkpoint, "checkpoint")));
    }

    /**
     * Where the networks' trained weights come from, TF-GAN's {@code WarmStartSettings}; optional:
     * without it the networks keep their initial values.
     *
     * @param warmStart the checkpoint and the variables to restore
     * @return this builder
     */
    public Builder warmStart(WarmStart warmStart) {
      this.warmStart = Objects.requireNonNull(warmStart, "warmStart");
      return this;
    }

    /**
     * Where TensorBoard summaries go when {@code addSummaries} is on.
     *
     * @param logdir where TensorBoard summaries go when {@code addSummaries} is on
     * @return this builder
     */
    public Builder logdir(Path logdir) {
      this.logdir = Objects.requireNonNull(logdir, "logdir");
      return this;
    }

    /**
     * The seed of the random starts (default 0).
     *
     * @param seed the seed of the random starts (default 0)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Builds the graph and warm starts it.
     *
     * @return the estimator; close it
     * @throws IllegalArgumentException for a missing setting, or networks that do not fit the params
     * @throws org.edward4j.core.checkpoints.CheckpointException if the checkpoint is missing, damaged,
     *     or lacks variables the networks create (named in the message)
     */
    public LatentGanEstimator build() {
      if (generator == null || params == null) {
        throw new IllegalArgumentException("`generator` and `params` are required");
      }
      if (params.addSummaries() && logdir == null) {
        throw new IllegalArgumentException("`addSummaries` needs a `logdir` to write to");
      }
      return new LatentGanEstimator(this);
    }
  }
}
