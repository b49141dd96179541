package org.edward4j.examples.pp;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward pp-dynamic-shape}: the settings of {@link PpDynamicShapeExample}. */
@Command(name = "pp-dynamic-shape", mixinStandardHelpOptions = true,
    description = "Edward's pp_dynamic_shape.py: a Dirichlet whose size is itself random.")
public final class PpDynamicShapeCommand extends ExampleCommand {

  @Option(names = "--repeats", paramLabel = "N", defaultValue = "1000",
      description = "evaluations averaged for the mean length (default: ${DEFAULT-VALUE})")
  int repeats;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    positive("--repeats", repeats);
    PpDynamicShapeExample.run(output.seed(), repeats, output.createOut(), System.out);
    return 0;
  }
}
