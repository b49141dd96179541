package org.edward4j.examples.pp;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward pp-dirichlet-process}: the settings of {@link PpDirichletProcessExample}. */
@Command(name = "pp-dirichlet-process", mixinStandardHelpOptions = true,
    description = "Edward's pp_dirichlet_process.py: a stochastic while loop breaking sticks, and DirichletProcess draws.")
public final class PpDirichletProcessCommand extends ExampleCommand {

  @Option(names = "--draws", paramLabel = "N", defaultValue = "1000",
      description = "draws per histogram, Edward's 1000 (default: ${DEFAULT-VALUE})")
  int draws;

  @Option(names = "--repeats", paramLabel = "R", defaultValue = "500",
      description = "evaluations averaged per figure (default: ${DEFAULT-VALUE})")
  int repeats;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    positive("--draws", draws);
    positive("--repeats", repeats);
    PpDirichletProcessExample.run(output.seed(), draws, repeats, output.createOut(), System.out);
    return 0;
  }
}
