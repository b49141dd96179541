package org.edward4j.examples.pp;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward pp-persistent-randomness}: the settings of {@link PpPersistentRandomnessExample}. */
@Command(name = "pp-persistent-randomness", mixinStandardHelpOptions = true,
    description = "Edward's pp_persistent_randomness.py: memoized random variables by name.")
public final class PpPersistentRandomnessCommand extends ExampleCommand {

  @Option(names = "--repeats", paramLabel = "N", defaultValue = "3000",
      description = "runs over which Bob and Alice are compared (default: ${DEFAULT-VALUE})")
  int repeats;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    positive("--repeats", repeats);
    PpPersistentRandomnessExample.run(output.seed(), repeats, output.createOut(), System.out);
    return 0;
  }
}
