package org.edward4j.examples;

import java.nio.file.Path;
import org.edward4j.datasets.Mnist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/edward bigan}: ALI/BiGAN, see {@link BiganExample}; with {@code --recipe paper} the
 * BiGAN paper's MNIST setting, see {@link BiganPaperExample}.
 */
@Command(name = "bigan", mixinStandardHelpOptions = true,
    description = "ALI/BiGAN on MNIST: sample grids and data-vs-reconstruction grids (x -> E -> G);"
        + " --recipe paper trains the BiGAN paper's MNIST setting (400 epochs, hours on a CPU).")
final class BiganCommand extends ExampleCommand {

  /** Whose training setting to run. */
  enum Recipe {
    /** Edward's {@code examples/bigan.py}. */
    edward,
    /** Donahue et al. (2017), {@link BiganRecipe#paper()}. */
    paper,
    /** The paper's networks and optimizer in 40 epochs, {@link BiganRecipe#cpu()}. */
    cpu
  }

  @Option(names = "--recipe", paramLabel = "edward|paper|cpu", defaultValue = "edward",
      description = "edward: Edward's bigan.py; paper: the BiGAN paper's MNIST recipe, with exact resume,"
          + " written to out/bigan-paper by default; cpu: the same in 40 epochs, out/bigan-cpu: ${COMPLETION-CANDIDATES}"
          + " (default: ${DEFAULT-VALUE})")
  Recipe recipe;

  @Option(names = "--iterations", paramLabel = "N",
      description = "training iterations (default: 20000, Edward's script runs 100000; paper: the whole schedule,"
          + " 400 epochs, and at most that)")
  Integer iterations;

  @Option(names = "--print", paramLabel = "N",
      description = "iterations between progress reports and pictures (default: 2000; paper: 500)")
  Integer print;

  @Option(names = "--binarize", arity = "0..1", paramLabel = "true|false", defaultValue = "false", fallbackValue = "true",
      description = "binarize the data stochastically, as Edward's script does; edward recipe only (default: ${DEFAULT-VALUE})")
  boolean binarize;

  @Option(names = "--bounded-codes", arity = "0..1", paramLabel = "true|false", defaultValue = "true",
      fallbackValue = "true", description = "paper recipe: squash the encoder's codes into the prior's box, as the"
          + " authors do; false reproduces the collapse of an unbounded encoder (default: ${DEFAULT-VALUE})")
  boolean boundedCodes;

  @Option(names = "--ema", paramLabel = "DECAY", defaultValue = "0",
      description = "paper and cpu recipes: keep an exponential moving average of the generator's and encoder's"
          + " weights with this decay, in (0, 1), saved with the checkpoints and measured by `quality bigan-paper`;"
          + " 0: none (default: ${DEFAULT-VALUE})")
  double ema;

  @Mixin OutputOptions output;
  @Mixin CheckpointOptions checkpoints;

  @Override
  public Integer call() throws Exception {
    if (iterations != null) {
      positive("--iterations", iterations);
    }
    int nPrint = positive("--print", print != null ? print : recipe == Recipe.edward ? 2000 : 500);
    if (!(ema == 0 || (ema > 0 && ema < 1))) {
      throw usage("--ema must be 0 (no average) or in (0, 1), got " + ema);
    }
    if (recipe != Recipe.edward) {
      if (binarize) {
        throw usage("--binarize applies to --recipe edward; the paper's recipes train on grey levels");
      }
      Path out = output.createOut("bigan-" + recipe.name());
      BiganRecipe r = (recipe == Recipe.paper ? BiganRecipe.paper() : BiganRecipe.cpu()).withBoundedCodes(boundedCodes);
      Mnist mnist = Mnist.load();
      long total = r.totalIterations(mnist.train().size());
      long nIter = iterations == null ? total : Math.min(total, iterations);
      TrainingCheckpoints plan = checkpoints.plan(out, nIter, signal());
      BiganPaperExample.run(r, mnist, nIter, nPrint, out, output.seed, plan, ema);
      return 0;
    }
    if (!boundedCodes) {
      throw usage("--bounded-codes applies to --recipe paper and cpu");
    }
    if (ema != 0) {
      throw usage("--ema applies to --recipe paper and cpu");
    }
    int nIter = iterations != null ? iterations : 20000;
    Path out = output.createOut();
    TrainingCheckpoints plan = checkpoints.plan(out, nIter, signal());
    BiganExample.run(nIter, nPrint, binarize, out, output.seed, plan);
    return 0;
  }
}
