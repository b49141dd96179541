package org.edward4j.examples;

import org.apache.spark.api.java.JavaSparkContext;
import org.edward4j.spark.jobs.ChainsOptions;
import org.edward4j.spark.jobs.ChainsResult;
import org.edward4j.spark.jobs.NormalNormalChains;
import org.edward4j.spark.jobs.ParallelChains;
import org.edward4j.spark.jobs.TaskProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/edward spark chains}: Edward's normal-normal model sampled by HMC in several chains at
 * once, one Spark task each; prints a line per finished task and per chain, then the split R-hat,
 * the effective sample size and the posterior mean against the closed form in Monte Carlo
 * standard errors.
 */
@Command(name = "chains", mixinStandardHelpOptions = true,
    description = "Parallel HMC chains of the normal-normal model on Spark, one task each; split R-hat and ESS across chains.")
final class SparkChainsCommand extends ExampleCommand {

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]", description = "Spark master URL (default: ${DEFAULT-VALUE})")
  String master;

  @Option(names = "--chains", paramLabel = "C", defaultValue = "4", description = "chains, one task each (default: ${DEFAULT-VALUE})")
  int chains;

  @Option(names = "--samples", paramLabel = "T", defaultValue = "1000", description = "draws per chain (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--burn-in", paramLabel = "N", defaultValue = "200", description = "draws dropped per chain (default: ${DEFAULT-VALUE})")
  int burnIn;

  @Option(names = "--step-size", paramLabel = "E", defaultValue = "0.1", description = "leapfrog step size (default: ${DEFAULT-VALUE})")
  double stepSize;

  @Option(names = "--leapfrog-steps", paramLabel = "L", defaultValue = "5", description = "leapfrog steps per draw (default: ${DEFAULT-VALUE})")
  int leapfrogSteps;

  @Option(names = "--observations", paramLabel = "N", defaultValue = "50", description = "data points (default: ${DEFAULT-VALUE})")
  int observations;

  @Option(names = "--start-spread", paramLabel = "S", defaultValue = "2.0",
      description = "chains start at -S, +S, -2S, +2S, ... (default: ${DEFAULT-VALUE})")
  double startSpread;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    positive("--chains", chains);
    positive("--samples", samples);
    nonNegative("--burn-in", burnIn);
    if (burnIn > samples - 4) {
      throw usage("--burn-in must leave at least 4 of the " + samples + " draws, got " + burnIn);
    }
    positive("--step-size", stepSize, false);
    positive("--leapfrog-steps", leapfrogSteps);
    positive("--observations", observations);
    positive("--start-spread", startSpread, true);
    if (master == null || master.isBlank()) {
      throw usage("--master must be a Spark master URL such as local[2], got an empty value");
    }
    NormalNormalChains model = new NormalNormalChains(observations, 0.5, output.seed(), samples, stepSize, leapfrogSteps, startSpread);
    ChainsOptions options = ChainsOptions.builder().chains(chains).burnIn(burnIn).seed(output.seed()).build();
    System.out.println(model + "\n" + options);
    long start = System.nanoTime();
    ChainsResult result;
    try (JavaSparkContext sc = SparkMaster.open(master, "edward4j spark chains");
        TaskProgress progress = TaskProgress.attach(sc, System.out::println)) {
      result = ParallelChains.of(model, options).run(sc);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    result.runs().forEach(System.out::println);
    System.out.println(result);
    System.out.println(result.summary());
    double z = (result.mean("mu", 0) - model.posteriorMean()) / result.mcse("mu", 0);
    System.out.printf(java.util.Locale.ROOT, "E[mu] %.4f vs the closed form %.4f (%+.2f Monte Carlo standard errors of %.4f);"
            + " sd %.4f vs %.4f; split R-hat %.3f, ESS %.0f; %d chains x %d draws in %.1f s%n",
        result.mean("mu", 0), model.posteriorMean(), z, result.mcse("mu", 0), result.sd("mu", 0), model.posteriorSd(),
        result.splitRhat("mu", 0), result.ess("mu", 0), chains, samples, seconds);
    return 0;
  }
}
