package org.edward4j.examples;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/edward bench}: benchmarks, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchCommand.Gan.class, BenchCommand.Build.class, BenchCommand.Overhead.class, BenchCommand.Startup.class, BenchCommand.Input.class,
    BenchCommand.Distributions.class, BenchCommand.Debug.class, BenchCommand.Hmc.class,
    BenchCommand.Spark.class},
    description = "Benchmarks: `bench gan` compares GANInference.update with a raw TF Java loop; `bench build` times graph building against op count; `bench overhead` the fixed cost of an update; `bench startup` the time to the first update; `bench input` feeding vs in-graph batches; `bench distributions` draws/s per family; `bench debug` the cost of debug checks; `bench hmc` compares HMC with a raw TF Java HMC; `bench spark` parameter averaging with 1 and 2 executors.")
final class BenchCommand extends ExampleCommand {

  @Override
  public Integer call() {
    throw usage("name a benchmark: " + String.join(", ", spec.subcommands().keySet()));
  }

  /** {@code bin/edward bench gan}: see {@link GanBenchmark}. */
  @Command(name = "gan", mixinStandardHelpOptions = true,
      description = "Steps/s of GANInference.update against a hand-written raw TF Java loop on the GAN tutorial's graph.")
  static final class Gan extends ExampleCommand {

    @Option(names = "--steps", paramLabel = "N", defaultValue = "500",
        description = "update steps per round (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "15",
        description = "rounds per loop, alternating; the ratio is reported as the median with its spread (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "300",
        description = "steps of each loop before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "graph seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
      GanBenchmark.run(positive("--steps", steps), positive("--rounds", rounds), positive("--warmup", warmup), seed);
      return 0;
    }
  }

  /** {@code bin/edward bench build}: see {@link BuildBenchmark}. */
  @Command(name = "build", mixinStandardHelpOptions = true,
      description = "Graph build time against op count (a deep MLP doubling from 1,000 ops), and the sbn example's K-sample marginal-likelihood graph.")
  static final class Build extends ExampleCommand {

    @Option(names = "--max-ops", paramLabel = "N", defaultValue = "64000",
        description = "largest MLP to build, in ops; sizes double from 1,000 (default: ${DEFAULT-VALUE})")
    int maxOps;

    @Option(names = "--k", paramLabel = "K", defaultValue = "100",
        description = "importance samples of the sbn marginal-likelihood graph (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "7",
        description = "fresh builds per size, each after a full collection; rows are their median and range (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "graph seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
      BuildBenchmark.run(positive("--max-ops", maxOps), positive("--k", k), positive("--repeats", repeats), seed);
      return 0;
    }
  }

  /** {@code bin/edward bench overhead}: see {@link OverheadBenchmark}. */
  @Command(name = "overhead", mixinStandardHelpOptions = true,
      description = "Microseconds and Java heap bytes per update on a trivial model (one scalar variable, one Adam step) against a raw Session.run with the same fetches.")
  static final class Overhead extends ExampleCommand {

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20000",
        description = "calls per round (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "15",
        description = "rounds per loop, alternating (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20000",
        description = "calls of each loop before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "graph seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
      OverheadBenchmark.run(positive("--steps", steps), positive("--rounds", rounds), positive("--warmup", warmup), seed);
      return 0;
    }
  }

  /** {@code bin/edward bench startup}: see {@link StartupBenchmark}. */
  @Command(name = "startup", mixinStandardHelpOptions = true,
      description = "Where the time to the GAN tutorial's first update goes: launcher, JVM, native loading, data, graph building, session creation, first update.")
  static final class Startup extends ExampleCommand {

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "graph seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws java.io.IOException {
      StartupBenchmark.run(seed);
      return 0;
    }
  }

  /** {@code bin/edward bench input}: see {@link InputBenchmark}. */
  @Command(name = "input", mixinStandardHelpOptions = true,
      description = "Steps/s of the GAN tutorial (or the DCGAN) fed from Java against the same GAN reading its batches inside the graph (GraphMinibatches).")
  static final class Input extends ExampleCommand {

    @Option(names = "--model", paramLabel = "M", defaultValue = "gan",
        description = "gan (Edward's tutorial) or dcgan (the DCGAN example at its defaults) (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "500",
        description = "updates per round (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "15",
        description = "rounds per path, alternating (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "300",
        description = "updates of each path before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "graph seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws java.io.IOException {
      InputBenchmark.Model m = switch (model) {
        case "gan" -> InputBenchmark.Model.GAN;
        case "dcgan" -> InputBenchmark.Model.DCGAN;
        default -> throw usage("--model must be gan or dcgan, got '" + model + "'");
      };
      InputBenchmark.run(m, positive("--steps", steps), positive("--rounds", rounds), positive("--warmup", warmup), seed);
      return 0;
    }
  }

  /** {@code bin/edward bench distributions}: see {@link DistributionsBenchmark}. */
  @Command(name = "distributions", mixinStandardHelpOptions = true,
      description = "Draws/s and logProb/s of every family; Normal, Dirichlet and StudentT against raw TF Java graphs.")
  static final class Distributions extends ExampleCommand {

    @Option(names = "--runs", paramLabel = "N", defaultValue = "30",
        description = "Session.runs per measurement, each of 100,000 draws (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "7",
        description = "alternating rounds of the library/raw comparisons (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "graph seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
      DistributionsBenchmark.run(positive("--runs", runs), positive("--rounds", rounds), seed);
      return 0;
    }
  }

  /** {@code bin/edward bench debug}: see {@link DebugCostBenchmark}. */
  @Command(name = "debug", mixinStandardHelpOptions = true,
      description = "Milliseconds per GANInference.update with debug(true) (losses and gradients checked) and without.")
  static final class Debug extends ExampleCommand {

    @Option(names = "--steps", paramLabel = "N", defaultValue = "300",
        description = "updates per round (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "7",
        description = "rounds per setting, alternating (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "200",
        description = "updates of each setting before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "graph seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
      DebugCostBenchmark.run(positive("--steps", steps), positive("--rounds", rounds), positive("--warmup", warmup), seed);
      return 0;
    }
  }

  /** {@code bin/edward bench hmc}: see {@link HmcBenchmark}. */
  @Command(name = "hmc", mixinStandardHelpOptions = true,
      description = "Draws/s and ESS/s of HMC on Bayesian logistic regression against a hand-written raw TF Java HMC on the same data.")
  static final class Hmc extends ExampleCommand {

    @Option(names = "--n", paramLabel = "N", defaultValue = "10000", description = "examples (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--d", paramLabel = "D", defaultValue = "25", description = "features (default: ${DEFAULT-VALUE})")
    int d;

    @Option(names = "--leapfrog", paramLabel = "L", defaultValue = "10",
        description = "leapfrog steps per draw (default: ${DEFAULT-VALUE})")
    int leapfrog;

    @Option(names = "--step-size", paramLabel = "EPS", defaultValue = "0.005",
        description = "leapfrog step size (default: ${DEFAULT-VALUE})")
    double stepSize;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "200",
        description = "draws per round (default: ${DEFAULT-VALUE})")
    int draws;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "5",
        description = "rounds per loop, alternating (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "200",
        description = "draws of each loop before measuring, also dropped from the ESS (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "data and graph seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
      HmcBenchmark.run(positive("--n", n), positive("--d", d), positive("--leapfrog", leapfrog),
          positive("--step-size", stepSize, false),
          positive("--draws", draws), positive("--rounds", rounds), positive("--warmup", warmup), seed);
      return 0;
    }
  }

  /** {@code bin/edward bench spark}: see {@link SparkBenchmark}. */
  @Command(name = "spark", mixinStandardHelpOptions = true,
      description = "The tutorial GAN trained by parameter averaging on Spark with 1 and 2 partitions and k = 1, 10, 100: updates/s, bytes per round, shares of training, building and communication.")
  static final class Spark extends ExampleCommand {

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]",
        description = "Spark master with at least 2 cores (default: ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
        description = "measured rounds per job, after one warm-up round (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "2",
        description = "passes over the settings, alternating their order (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--k", paramLabel = "K", split = ",", defaultValue = "1,10,100",
        description = "updates per round to compare (default: ${DEFAULT-VALUE})")
    List<Integer> ks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
      if (master.isBlank()) {
        throw usage("`--master` must be a Spark master URL, got an empty string");
      }
      for (int k : ks) {
        positive("--k", k);
      }
      SparkBenchmark.run(master, positive("--rounds", rounds), positive("--repeats", repeats), List.copyOf(ks), seed);
      return 0;
    }
  }
}
