package org.edward4j.examples;

import java.util.ArrayList;
import java.util.List;
import org.edward4j.spark.SparkGan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code bin/edward spark}: examples trained on Apache Spark, one subcommand each. */
@Command(name = "spark", mixinStandardHelpOptions = true, subcommands = {SparkCommand.Gan.class, SparkChainsCommand.class, SparkNllCommand.class,
    SparkParityCommand.class, SparkInvertCommand.class, SparkSweepCommand.class},
    description = "Data-parallel training on Apache Spark with synchronous parameter averaging (docs/DISTRIBUTED.md).")
final class SparkCommand extends ExampleCommand {

  @Override
  public Integer call() {
    throw usage("name an example: gan, chains, nll, parity, invert, sweep");
  }

  /** {@code bin/edward spark gan}: Edward's GAN tutorial on Spark; its flags are {@link SparkGan}'s. */
  @Command(name = "gan", description = {
      "Edward's GAN tutorial trained on Spark (--master local[2] or any master URL), a progress line per averaging round.",
      "Flags: bin/edward spark gan --help."})
  static final class Gan extends ExampleCommand {

    @Unmatched
    List<String> flags = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      SparkGan.main(flags.toArray(new String[0]));
      return 0;
    }
  }
}
