package org.edward4j.examples.variational;

import java.nio.file.Path;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward lstm}: the settings of {@link LstmExample}. */
@Command(name = "lstm", mixinStandardHelpOptions = true,
    description = "Edward's lstm.py: a character-level LSTM language model fitted with MAP, on a bundled public-domain text "
        + "(the Declaration of Independence) instead of text8; bits/char, test NLL, samples.")
public final class LstmCommand extends ExampleCommand {

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "400",
      description = "Adam updates; Edward runs 200 epochs of text8; on the 8 KB text the test loss is lowest near 400 "
          + "and rises after (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--print", paramLabel = "N", defaultValue = "100",
      description = "iterations between reports and samples (default: ${DEFAULT-VALUE})")
  int print;

  @Option(names = "--batch", paramLabel = "M", defaultValue = "32",
      description = "windows per minibatch; Edward's batch_size is 128 (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--hidden", paramLabel = "H", defaultValue = "64",
      description = "LSTM units; Edward's hidden_size is 512 (default: ${DEFAULT-VALUE})")
  int hidden;

  @Option(names = "--timesteps", paramLabel = "T", defaultValue = "64",
      description = "characters per window, Edward's timesteps (default: ${DEFAULT-VALUE})")
  int timesteps;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "5e-3",
      description = "Adam's learning rate, Edward's lr (default: ${DEFAULT-VALUE})")
  double lr;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public LstmCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--iterations", iterations);
    positive("--print", print);
    positive("--batch", batch);
    positive("--hidden", hidden);
    positive("--timesteps", timesteps);
    positive("--lr", lr, false);
    Path out = output.createOut();
    LstmExample.Settings s = new LstmExample.Settings(iterations, print, batch, hidden, timesteps, lr, output.seed());
    LstmExample.Result r = LstmExample.run(s, System.out);
    Path json = LstmExample.report(s, r).writeJson(out.resolve("lstm.json"));
    System.out.println("report: " + json);
    return 0;
  }
}
