package org.edward4j.spark.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.spark.GraphBuilds;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Several MCMC chains at once, one per Spark task, with Gelman et al.'s split R-hat and the
 * effective sample size across them computed on the driver (A. Gelman et al., Bayesian Data
 * Analysis, 3rd ed., sections 11.4-11.5, through the project's {@code
 * org.edward4j.criticisms.diagnostics}).
 *
 * <p>Chain {@code c} runs in its own task: a fresh context seeded {@code seed + c}, the user's
 * {@link ChainModel} builds the model and the sampler (graph building holds a JVM-wide lock, the
 * sampling runs in parallel), the sampler runs its {@code nIter} updates, the tracked {@code
 * params} are copied into Java arrays, and the context is closed. A retried task recomputes the
 * same chain: the draws are a function of the seed and the chain's index only. The driver drops
 * {@code burnIn} draws of every chain and returns a {@link ChainsResult}.
 *
 * <pre>{@code
 * ChainsOptions options = ChainsOptions.builder().chains(4).burnIn(200).seed(42).build();
 * ChainsResult result = ParallelChains.of(new NormalNormalChains(50, 0.5, 7L, 1000, 0.1, 5, 2.0), options).run(sc);
 * double rhat = result.splitRhat("mu", 0);       // near 1 when the chains agree
 * double mcse = result.mcse("mu", 0);            // sd / sqrt(ESS)
 * }</pre>
 */
public final class ParallelChains {

  private final ChainModel model;
  private final ChainsOptions options;

  private ParallelChains(ChainModel model, ChainsOptions options) {
    this.model = model;
    this.options = options;
  }

  /**
   * The job, checked: the model must serialize.
   *
   * @param model builds one chain
   * @param options chains, burn-in and seed
   * @return the job
   * @throws IllegalArgumentException if {@code model} cannot be serialized, naming what it captures
   */
  public static ParallelChains of(ChainModel model, ChainsOptions options) {
    SerializableCheck.require("model", model);
    Objects.requireNonNull(options, "options");
    return new ParallelChains(model, options);
  }

  /**
   * Runs every chain, one task each, and computes the diagnostics.
   *
   * @param sc the Spark context
   * @return the draws after burn-in and their diagnostics
   * @throws IllegalArgumentException if the burn-in leaves fewer than four draws per chain
   */
  public ChainsResult run(JavaSparkContext sc) {
    Objects.requireNonNull(sc, "sc");
    List<Integer> chains = IntStream.range(0, options.chains()).boxed().toList();
    List<ChainRun> runs = new ArrayList<>(sc.parallelize(chains, options.chains())
        .map(new ChainTask(model, options.seed())).collect());
    runs.sort(Comparator.comparingInt(ChainRun::chain));
    return new ChainsResult(runs, options.burnIn());
  }

  @Override
  public String toString() {
    return "ParallelChains(" + model.getClass().getSimpleName() + ", " + options + ")";
  }

  /** One chain in one task: build, sample, copy the draws out, close everything. */
  static final class ChainTask implements Function<Integer, ChainRun> {
    private static final long serialVersionUID = 1L;
    private final ChainModel model;
    private final long seed;

    ChainTask(ChainModel model, long seed) {
      this.model = model;
      this.seed = seed;
    }

    @Override
    public ChainRun call(Integer chain) {
      long t0 = System.nanoTime();
      try (ModelContext ctx = ModelContext.withSeed(seed + chain)) {
        ChainSetup<?> setup;
        synchronized (GraphBuilds.LOCK) {
          setup = model.build(ctx, chain);
          if (setup == null) {
            throw new IllegalStateException("the ChainModel returned no ChainSetup for chain " + chain);
          }
          setup.initialize();
        }
        try (var inference = setup.inference()) {
          long t1 = System.nanoTime();
          setup.run();
          Map<String, float[]> values = new LinkedHashMap<>();
          Map<String, Integer> widths = new LinkedHashMap<>();
          int draws = -1;
          for (Map.Entry<String, Operand<TFloat32>> e : setup.draws().entrySet()) {
            TensorValue v = ctx.eval(e.getValue());
            int t = Math.toIntExact(v.shape()[0]);
            if (draws >= 0 && t != draws) {
              throw new IllegalStateException("every tracked params must hold the same number of draws: " + e.getKey()
                  + " holds " + t + ", the first one " + draws);
            }
            draws = t;
            values.put(e.getKey(), v.data());
            widths.put(e.getKey(), v.data().length / t);
          }
          long t2 = System.nanoTime();
          return new ChainRun(chain, draws, values, widths, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        }
      }
    }
  }
}
